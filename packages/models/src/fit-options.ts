import type { SequenceInteractions } from '@seqrec/interactions';

/** What the trainer reports after each epoch. Plain numbers, never tensors. */
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

/** What the trainer reports after each batch. */
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

/** Options of `ImplicitSequenceModel.fit`. */
export interface FitOptions {
  /** Windows to compute validation MRR on after every epoch. */
  readonly validation?: SequenceInteractions | undefined;
  /** Called after every epoch. */
  readonly onEpochEnd?: ((report: EpochReport) => void) | undefined;
  /** Called after every batch. */
  readonly onBatchEnd?: ((report: BatchReport) => void) | undefined;
}
