import type { Params } from '../space/distribution.js';

/**
 * One finished trial, as a {@link TrialStore} keeps it: one JSON line of the trial file.
 *
 * @example
 * ```ts
 * import type { TrialRecord } from '@seqrec/tuning';
 *
 * const failed: TrialRecord = {
 *   index: 4, params: { lr: 0.9 }, status: 'failed', loss: null, metrics: {}, seconds: 12.5,
 *   error: 'the loss must be a finite number; got NaN',
 * };
 * console.assert(failed.loss === null);
 * ```
 */
export interface TrialRecord {
  /** The trial's index, from 0; it also seeds the trial's parameters. */
  readonly index: number;
  /** The hyperparameters the trial ran with. */
  readonly params: Params;
  /** `'ok'`, or `'failed'` when evaluation threw or gave a loss that is not finite. */
  readonly status: 'ok' | 'failed';
  /** The objective, minimised (e.g. minus the validation MRR); `null` for a failed trial. */
  readonly loss: number | null;
  /** Named numbers to report (e.g. `{ mrr: 0.08 }`); only finite values are kept. */
  readonly metrics: Readonly<Record<string, number>>;
  /** Wall-clock seconds the evaluation took. */
  readonly seconds: number;
  /** Why a failed trial failed. */
  readonly error?: string;
  /** Free JSON the evaluation returned, e.g. per-epoch curves. */
  readonly details?: unknown;
}
