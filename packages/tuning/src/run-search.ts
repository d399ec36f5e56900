import { performance } from 'node:perf_hooks';

import {
  resolveRunSearchOptions,
  type ResolvedRunSearchOptions,
} from './internal/resolve-run-search-options.js';
import { trialRecordFrom, type Settled } from './internal/trial-record-from.js';
import { WorkerLoadError, WorkerPool } from './internal/worker-pool.js';
import type { RunSearchOptions } from './run-search-options.js';
import { createTrialRng } from './samplers/create-trial-rng.js';
import type { TrialObservation } from './samplers/sampler.js';
import type { Params } from './space/distribution.js';
import type { TrialRecord } from './store/trial-record.js';

/**
 * Runs a hyperparameter search, or resumes one: every trial index in 0 … numTrials − 1
 * that the store has no record of is suggested, evaluated and recorded.
 *
 * - Lag: trial i is suggested by `sampler.suggest(space, history, createTrialRng(seed, i))`
 *   where `history` holds the records of trials 0 … i − lag (in index order, failed ones
 *   with loss `undefined`). Trial i starts only once all of those have finished, so its
 *   parameters, and with a deterministic evaluation every record, are the same for any
 *   `workers` and across interruptions.
 * - Failures: a trial whose evaluation throws, returns a loss that is not finite or a
 *   malformed outcome is recorded with status `'failed'`, loss `null` and the reason in
 *   `error`; the search goes on. A worker process that dies fails its trial too; one that
 *   cannot load `worker.module` stops the search with an error instead.
 * - Order: records are appended to the store as trials finish (with several workers not
 *   always in index order); the result is in index order.
 * - Abort: once `signal` aborts, no trial starts. Trials running in worker processes are
 *   killed and not recorded (a resumed search runs them again, with the same parameters).
 *   In-process `evaluate` calls cannot be interrupted: the search waits for them and records
 *   those that succeed; one that fails after the abort is not recorded, since the failure may
 *   come from the abort itself.
 *
 * @returns every record in the store, in index order (those of earlier runs included).
 * @throws TypeError or RangeError for bad options (see {@link RunSearchOptions}).
 * @throws Error when the sampler, the store or a callback throws, or the worker module
 *   cannot be loaded; running worker processes are stopped first.
 * @see Bergstra et al. 2011, section 5, on running TPE with trials in parallel: the lag
 *   plays the role of the trials whose results are not in yet.
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { TrialStore, TpeSampler, runSearch, uniform } from '@seqrec/tuning';
 *
 * const space = { x: uniform(-5, 5) };
 * const path = join(mkdtempSync(join(tmpdir(), 'tuning-')), 'trials.jsonl');
 * const store = TrialStore.open(path, { space: 'x in [-5, 5)', seed: 3 });
 * const records = await runSearch({
 *   space,
 *   sampler: new TpeSampler({ startupTrials: 5 }),
 *   numTrials: 25,
 *   seed: 3,
 *   store,
 *   lag: 1,
 *   evaluate: async (params) => {
 *     const x = params['x'] as number;
 *     return { loss: (x - 1) ** 2, metrics: { x } };
 *   },
 * });
 * console.assert(records.length === 25);
 * console.assert(Math.min(...records.map((r) => r.loss ?? Infinity)) < 0.1);
 * ```
 */
export async function runSearch(options: RunSearchOptions): Promise<TrialRecord[]> {
  const o = resolveRunSearchOptions(options);
  const pool =
    o.worker === undefined
      ? undefined
      : new WorkerPool(o.worker, o.workers, (index, progress) =>
          o.onTrialProgress?.(index, progress),
        );
  const search = new Search(o, pool);
  const onAbort = (): void => search.stop();
  o.signal?.addEventListener('abort', onAbort);
  try {
    await search.run();
  } finally {
    o.signal?.removeEventListener('abort', onAbort);
    pool?.killAll();
  }
  return o.store.records();
}

/** The state of one call of runSearch. */
class Search {
  readonly #o: ResolvedRunSearchOptions;
  readonly #pool: WorkerPool | undefined;
  readonly #running = new Map<number, Promise<void>>();
  #stopping = false;
  #failure: { error: unknown } | undefined;
  #wake: () => void = () => undefined;
  #best: TrialRecord | undefined;

  readonly #evaluateOne: (params: Params, index: number) => Promise<unknown>;

  constructor(o: ResolvedRunSearchOptions, pool: WorkerPool | undefined) {
    this.#o = o;
    this.#pool = pool;
    // The options hold exactly one of evaluate and worker (resolveRunSearchOptions checks).
    this.#evaluateOne = pool
      ? (params, index) => pool.run(params, index)
      : (o.evaluate as (params: Params, index: number) => Promise<unknown>);
    for (const record of o.store.records()) this.#best = better(this.#best, record);
  }

  /** Starts trials as their inputs finish, until all are done or the search stops. */
  async run(): Promise<void> {
    const { store, numTrials, workers, lag } = this.#o;
    const todo: number[] = [];
    for (let i = 0; i < numTrials; i++) if (!store.has(i)) todo.push(i);
    if (this.#o.signal?.aborted === true) this.#stopping = true;

    let next = 0;
    for (;;) {
      while (!this.#stopping && next < todo.length && this.#running.size < workers) {
        const index = todo[next] as number;
        // Every trial below index has started; wait until those up to index − lag are done.
        if ([...this.#running.keys()].some((j) => j <= index - lag)) break;
        next++;
        this.#start(index);
      }
      if (this.#running.size === 0) break;
      const woken = new Promise<void>((resolve) => (this.#wake = resolve));
      await Promise.race([...this.#running.values(), woken]);
    }
    if (this.#failure !== undefined) throw this.#failure.error;
  }

  /** Stops starting trials and interrupts those in worker processes. */
  stop(): void {
    this.#stopping = true;
    this.#pool?.killAll();
    this.#wake();
  }

  #fail(error: unknown): void {
    this.#failure ??= { error };
    this.stop();
  }

  #start(index: number): void {
    let params: Params;
    try {
      params = this.#suggest(index);
      this.#o.onTrialStart?.(index, params);
    } catch (error) {
      this.#fail(error);
      return;
    }
    const trial = this.#evaluate(index, params)
      .catch((error: unknown) => this.#fail(error))
      .finally(() => this.#running.delete(index));
    this.#running.set(index, trial);
  }

  #suggest(index: number): Params {
    const { space, sampler, seed, store, lag } = this.#o;
    const history: TrialObservation[] = [];
    for (const record of store.records()) {
      if (record.index > index - lag) break;
      history.push({ params: record.params, loss: record.loss ?? undefined });
    }
    return sampler.suggest(space, history, createTrialRng(seed, index));
  }

  async #evaluate(index: number, params: Params): Promise<void> {
    const started = performance.now();
    let settled: Settled;
    try {
      settled = { outcome: await this.#evaluateOne(params, index) };
    } catch (thrown) {
      if (thrown instanceof WorkerLoadError) {
        throw new Error(`runSearch: worker.module could not be loaded: ${thrown.message}`, {
          cause: thrown,
        });
      }
      settled = { thrown };
    }
    // An interrupted trial (or one failing after the abort) runs again on resume.
    if (this.#stopping && 'thrown' in settled) return;

    const seconds = (performance.now() - started) / 1000;
    const record = trialRecordFrom(index, params, settled, seconds);
    this.#o.store.append(record);
    this.#best = better(this.#best, record);
    this.#o.onTrialEnd?.(record, this.#best);
  }
}

/** The better of the best so far and a new record: lower loss, then lower index. */
function better(best: TrialRecord | undefined, record: TrialRecord): TrialRecord | undefined {
  if (record.status !== 'ok' || record.loss === null) return best;
  if (best === undefined || best.loss === null) return record;
  if (record.loss < best.loss || (record.loss === best.loss && record.index < best.index)) {
    return record;
  }
  return best;
}
