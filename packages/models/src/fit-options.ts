import type { SequenceInteractions } from '@seqrec/interactions';

/**
 * What the trainer reports after each epoch. Plain numbers, never tensors.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, type EpochReport } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const windows = toSequences(data, { maxLength: 4 });
 * const model = new ImplicitSequenceModel({ nIter: 1, embeddingDim: 8, backend: 'cpu' });
 * const first: EpochReport[] = await model.fit(windows);
 * const second = await model.fit(windows); // a second fit continues the epoch count
 * console.assert(first[0]?.epoch === 1 && second[0]?.epoch === 2);
 * console.assert((second[0]?.seconds ?? -1) >= 0 && second[0]?.validationMrr === undefined);
 * model.dispose();
 * ```
 */
export interface EpochReport {
  /** Epoch number over the model's whole life, from 1; a second `fit` continues it. */
  readonly epoch: number;
  /** Mean training loss over the epoch's batches. */
  readonly loss: number;
  /** Wall-clock seconds the epoch's training took (validation excluded). */
  readonly seconds: number;
  /** Validation MRR (preceding items excluded), when `validation` was given. */
  readonly validationMrr?: number;
}

/**
 * What the trainer reports after each batch.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, type BatchReport } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const windows = toSequences(data, { maxLength: 4 });
 * const model = new ImplicitSequenceModel({
 *   nIter: 1,
 *   batchSize: 8,
 *   embeddingDim: 8,
 *   backend: 'cpu',
 * });
 * const batches: BatchReport[] = [];
 * await model.fit(windows, { onBatchEnd: (report) => batches.push(report) });
 * const last = batches[batches.length - 1];
 * console.assert(last?.epoch === 1 && last.batch === last.numBatches && batches.length > 1);
 * console.assert(batches.every((report) => Number.isFinite(report.loss)));
 * model.dispose();
 * ```
 */
export interface BatchReport {
  /** Epoch number, from 1. */
  readonly epoch: number;
  /** Batch number within the epoch, from 1. */
  readonly batch: number;
  /** Batches per epoch. */
  readonly numBatches: number;
  /** The batch's loss. */
  readonly loss: number;
}

/**
 * Options of `ImplicitSequenceModel.fit`.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, type FitOptions } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const windows = toSequences(data, { maxLength: 4 });
 * const lines: string[] = [];
 * const options: FitOptions = {
 *   validation: windows,
 *   onEpochEnd: ({ epoch, loss, validationMrr }) =>
 *     lines.push(`epoch ${String(epoch)}: loss ${loss.toFixed(3)}, MRR ${String(validationMrr)}`),
 * };
 * const model = new ImplicitSequenceModel({ nIter: 2, embeddingDim: 8, backend: 'cpu' });
 * const reports = await model.fit(windows, options);
 * console.assert(lines.length === 2 && (reports[1]?.validationMrr ?? 0) > 0);
 * model.dispose();
 * ```
 */
export interface FitOptions {
  /** Windows to compute validation MRR on after every epoch. */
  readonly validation?: SequenceInteractions | undefined;
  /** Called after every epoch. */
  readonly onEpochEnd?: ((report: EpochReport) => void) | undefined;
  /** Called after every batch. */
  readonly onBatchEnd?: ((report: BatchReport) => void) | undefined;
}
