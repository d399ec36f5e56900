import { evaluateSequences } from '@seqrec/eval';
import { ImplicitSequenceModel, type BatchReport, type EpochReport } from '@seqrec/models';
import type { Params, TrialOutcome } from '@seqrec/tuning';

import type { PreparedData } from '../internal/prepare-data.js';
import { toModelOptions, type ExperimentSetup } from './experiment-setup.js';

/** One epoch of a trial, as stored in the trial's `details`. */
export interface EpochDetail {
  readonly epoch: number;
  /** Mean training loss. */
  readonly loss: number;
  /** Validation MRR after the epoch (preceding items excluded). */
  readonly validation_mrr: number;
  /** Training seconds (validation excluded). */
  readonly seconds: number;
}

/** What a trial stores in `details`. */
export interface TrialDetails {
  /** The TensorFlow.js backend the trial computed on. */
  readonly backend: string;
  /** The recurrent-layer kernels it computed with (`model.kernelsName`). */
  readonly kernels: string;
  readonly epochs: readonly EpochDetail[];
}

/** Callbacks of an in-process trial, for the progress display. */
export interface TrialHooks {
  readonly onEpochEnd?: ((report: EpochReport, numEpochs: number) => void) | undefined;
  readonly onBatchEnd?: ((report: BatchReport, numEpochs: number) => void) | undefined;
  /** Stops the trial at the next batch when aborted; the trial then rejects. */
  readonly signal?: AbortSignal | undefined;
}

/**
 * Trains one model with `params` (seed `setup.seed + trialIndex`), computing validation MRR
 * after every epoch, then test MRR, HR@10 and NDCG@10 of the final model, all with the
 * preceding items excluded. The loss to minimise is minus the final validation MRR.
 *
 * @throws Error when the options are invalid or training diverges (the trial then fails).
 */
export async function runTrial(
  params: Params,
  trialIndex: number,
  setup: ExperimentSetup,
  data: PreparedData,
  hooks: TrialHooks = {},
): Promise<TrialOutcome> {
  const model = new ImplicitSequenceModel(toModelOptions(params, trialIndex, setup));
  const numEpochs = model.options.nIter;
  try {
    const reports = await model.fit(data.train, {
      validation: data.validation,
      onEpochEnd: (report) => hooks.onEpochEnd?.(report, numEpochs),
      onBatchEnd: (report) => {
        hooks.signal?.throwIfAborted();
        hooks.onBatchEnd?.(report, numEpochs);
      },
    });
    const epochs = reports.map((r): EpochDetail => ({
      epoch: r.epoch,
      loss: r.loss,
      validation_mrr: r.validationMrr ?? Number.NaN,
      seconds: r.seconds,
    }));
    const validationMrr = epochs.at(-1)?.validation_mrr ?? Number.NaN;
    const test = await evaluateSequences(model, data.test, { excludePreceding: true, k: [10] });
    const details: TrialDetails = {
      backend: model.backendName,
      kernels: model.kernelsName,
      epochs,
    };
    return {
      loss: -validationMrr,
      metrics: {
        validation_mrr: validationMrr,
        test_mrr: test.mrr,
        'test_hr@10': test.hr[10] ?? Number.NaN,
        'test_ndcg@10': test.ndcg[10] ?? Number.NaN,
        epochs: epochs.length,
        seconds_per_epoch: epochs.reduce((sum, e) => sum + e.seconds, 0) / epochs.length,
      },
      details,
    };
  } finally {
    model.dispose();
  }
}
