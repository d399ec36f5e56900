import { type ChildProcess, fork } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

import type { TrialOutcome, TrialWorker } from '../run-search-options.js';
import type { Params } from '../space/distribution.js';

/**
 * The worker entry, plain JavaScript beside `src` and `dist`: Node 20 cannot fork a
 * TypeScript file, and this path resolves the same from both.
 */
const WORKER_ENTRY = fileURLToPath(new URL('../../worker/trial-worker.mjs', import.meta.url));

/** @internal Rejects a trial whose worker was stopped by {@link WorkerPool.killAll}. */
export class TrialInterrupted extends Error {}

/** @internal Rejects a trial whose worker could not load the trial module. */
export class WorkerLoadError extends Error {}

interface Slot {
  readonly child: ChildProcess;
  pending: { resolve: (outcome: unknown) => void; reject: (error: Error) => void } | undefined;
  killed: boolean;
}

/**
 * At most `size` worker processes, each evaluating one trial at a time. Processes start on
 * demand and are reused; one that dies is replaced by a new one at the next trial.
 *
 * @internal
 */
export class WorkerPool {
  readonly #worker: Required<TrialWorker>;
  readonly #size: number;
  readonly #idle: Slot[] = [];
  readonly #all = new Set<Slot>();
  readonly #onProgress: (index: number, progress: unknown) => void;

  constructor(
    worker: Required<TrialWorker>,
    size: number,
    onProgress: (index: number, progress: unknown) => void = () => {},
  ) {
    this.#worker = worker;
    this.#size = size;
    this.#onProgress = onProgress;
  }

  /** Evaluates one trial in an idle (or new) worker. */
  run(params: Params, index: number): Promise<unknown> {
    const slot = this.#idle.pop() ?? this.#spawn();
    return new Promise<unknown>((resolve, reject) => {
      slot.pending = { resolve, reject };
      slot.child.send({ type: 'trial', index, params });
    }).finally(() => {
      slot.pending = undefined;
      if (!slot.killed && slot.child.connected) this.#idle.push(slot);
    });
  }

  /** Stops every worker; running trials reject with {@link TrialInterrupted}. */
  killAll(): void {
    for (const slot of this.#all) {
      slot.killed = true;
      slot.child.kill();
    }
    this.#idle.length = 0;
  }

  #spawn(): Slot {
    if (this.#all.size >= this.#size) throw new Error('WorkerPool: no idle worker.');
    const child = fork(WORKER_ENTRY, [], {
      execArgv: [...this.#worker.execArgv],
      env: workerEnv(this.#size),
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const slot: Slot = { child, pending: undefined, killed: false };
    this.#all.add(slot);
    child.on('message', (message: WorkerMessage) => {
      const pending = slot.pending;
      if (pending === undefined) return;
      if (message.type === 'progress') this.#onProgress(message.index, message.progress);
      else if (message.type === 'result') pending.resolve(message.outcome);
      else if (message.type === 'fatal') pending.reject(new WorkerLoadError(message.message));
      else pending.reject(new Error(message.message));
    });
    child.on('error', (error) => slot.pending?.reject(error));
    child.on('exit', (code, signal) => {
      this.#all.delete(slot);
      const idle = this.#idle.indexOf(slot);
      if (idle >= 0) this.#idle.splice(idle, 1);
      if (slot.killed) slot.pending?.reject(new TrialInterrupted('the search was stopped'));
      else slot.pending?.reject(new Error(exitMessage(code, signal)));
    });
    child.send({ type: 'init', module: this.#worker.module, data: this.#worker.data });
    return slot;
  }
}

/**
 * The environment of a worker: the parent's, plus an equal share of the cores for kernels
 * that run on several threads (`SEQREC_NATIVE_THREADS`, read by `@seqrec/native`) unless it
 * is set already. Without it each of N workers would start a thread per core, N times more
 * threads than cores, and a kernel waits for its slowest thread.
 *
 * @internal
 */
export function workerEnv(workers: number): NodeJS.ProcessEnv {
  const env = { ...process.env };
  const given = env['SEQREC_NATIVE_THREADS'];
  if (given === undefined || given === '') {
    env['SEQREC_NATIVE_THREADS'] = String(
      Math.max(1, Math.floor(availableParallelism() / workers)),
    );
  }
  return env;
}

type WorkerMessage =
  | { readonly type: 'progress'; readonly index: number; readonly progress: unknown }
  | { readonly type: 'result'; readonly outcome: TrialOutcome }
  | { readonly type: 'error' | 'fatal'; readonly message: string };

function exitMessage(code: number | null, signal: NodeJS.Signals | null): string {
  return signal === null
    ? `the worker process exited with code ${String(code)} during the trial`
    : `the worker process was killed by ${signal} during the trial`;
}
