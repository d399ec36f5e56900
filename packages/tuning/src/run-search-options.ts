import type { Sampler } from './samplers/sampler.js';
import type { Params, SearchSpace } from './space/distribution.js';
import type { TrialRecord } from './store/trial-record.js';
import type { TrialStore } from './store/trial-store.js';

/**
 * What evaluating one trial gives back.
 *
 * @example
 * ```ts
 * import type { TrialOutcome } from '@seqrec/tuning';
 *
 * const validationMrr = 0.081;
 * const outcome: TrialOutcome = {
 *   loss: -validationMrr,
 *   metrics: { validation_mrr: validationMrr },
 *   details: { mrrPerEpoch: [0.05, 0.07, 0.081] },
 * };
 * console.assert(outcome.loss < 0);
 * ```
 */
export interface TrialOutcome {
  /** The objective to minimise; a loss that is not finite fails the trial. */
  readonly loss: number;
  /** Named numbers to record beside the loss; values that are not finite are left out. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Free JSON to keep with the trial, e.g. per-epoch curves. */
  readonly details?: unknown;
}

/**
 * An ES module that evaluates trials in worker processes. It must export
 * `evaluateTrial(params, trialIndex, workerData, report): Promise<TrialOutcome>`, and must be
 * plain JavaScript that Node loads as is (a package's `dist`, or an `.mjs` file). `report`
 * sends any structured-cloneable value to `onTrialProgress` in the searching process.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { RandomSampler, TrialStore, runSearch, uniform, type TrialWorker } from '@seqrec/tuning';
 *
 * const dir = mkdtempSync(join(tmpdir(), 'tuning-worker-'));
 * const module = join(dir, 'trial.mjs');
 * writeFileSync(
 *   module,
 *   'export async function evaluateTrial(params, index, data) {\n' +
 *     '  return { loss: (params.x - data.target) ** 2, metrics: {} };\n' +
 *     '}\n',
 * );
 * const worker: TrialWorker = { module, data: { target: 0.5 } };
 * const records = await runSearch({
 *   space: { x: uniform(0, 1) },
 *   sampler: new RandomSampler(),
 *   numTrials: 2,
 *   seed: 0,
 *   store: TrialStore.open(join(dir, 'trials.jsonl'), { run: 'example' }),
 *   worker,
 * });
 * console.assert(records.every((r) => r.status === 'ok' && (r.loss as number) <= 0.25));
 * ```
 */
export interface TrialWorker {
  /** Absolute path or `file:` URL of the module. */
  readonly module: string;
  /** Passed, as structured-cloned JSON, to every call of `evaluateTrial` (e.g. data paths). */
  readonly data: unknown;
  /** Node options of the worker processes, e.g. `['--max-old-space-size=8192']` (default none). */
  readonly execArgv?: readonly string[];
}

/**
 * Options of {@link runSearch}.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import {
 *   RandomSampler,
 *   TrialStore,
 *   runSearch,
 *   uniform,
 *   type RunSearchOptions,
 * } from '@seqrec/tuning';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'tuning-')), 'trials.jsonl');
 * const store = TrialStore.open(path, { example: 'RunSearchOptions' });
 * const started: number[] = [];
 * const options: RunSearchOptions = {
 *   space: { x: uniform(0, 1) },
 *   sampler: new RandomSampler(),
 *   numTrials: 4,
 *   seed: 7,
 *   store,
 *   workers: 2, // two evaluations at once
 *   evaluate: async (params) => ({ loss: params['x'] as number, metrics: {} }),
 *   onTrialStart: (index) => started.push(index),
 * };
 * const records = await runSearch(options);
 * console.assert(records.length === 4 && started.length === 4);
 * ```
 */
export interface RunSearchOptions {
  /** The priors. */
  readonly space: SearchSpace;
  /** Proposes each trial's parameters, e.g. a {@link TpeSampler}. */
  readonly sampler: Sampler;
  /** Trials of the whole run, resumed ones included: indices 0 … numTrials − 1. */
  readonly numTrials: number;
  /** Seed of every trial's random generator ({@link createTrialRng}), a safe integer. */
  readonly seed: number;
  /** Where finished trials are kept and read back on resume. */
  readonly store: TrialStore;
  /** Evaluates a trial in this process. Give this or `worker`, not both. */
  readonly evaluate?: (params: Params, trialIndex: number) => Promise<TrialOutcome>;
  /** Evaluates trials in child processes. Give this or `evaluate`, not both. */
  readonly worker?: TrialWorker;
  /**
   * Trials evaluated at once, an integer ≥ 1 (default 1): worker processes with `worker`,
   * concurrent calls with `evaluate`. More than `lag` adds nothing, since trial i waits
   * for trial i − lag.
   */
  readonly workers?: number;
  /**
   * How far behind the sampler may see, an integer ≥ 1 (default 4): trial i is suggested
   * from trials 0 … i − lag, never from later ones, whatever `workers` is. 1 is fully
   * sequential search.
   */
  readonly lag?: number;
  /** Called as a trial starts, with its index and parameters. */
  readonly onTrialStart?: (trialIndex: number, params: Params) => void;
  /**
   * Called with what a worker's `evaluateTrial` passes to its `report` argument while a trial
   * runs (for example the epoch it finished), so that progress can be shown for trials in
   * worker processes too.
   */
  readonly onTrialProgress?: (trialIndex: number, progress: unknown) => void;
  /** Called after a trial's record is on disk, with the best successful record so far. */
  readonly onTrialEnd?: (record: TrialRecord, best: TrialRecord | undefined) => void;
  /** Stops the search; see {@link runSearch} for what happens to running trials. */
  readonly signal?: AbortSignal;
}
