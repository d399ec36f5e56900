import type { BackendChoice } from '@seqrec/backend';
import { describeValue } from '@seqrec/interactions';
import type { ImplicitSequenceModelOptions, KernelsChoice, PaddingMode } from '@seqrec/models';
import type { Params } from '@seqrec/tuning';

import type { DataOptions } from '../internal/data-options.js';
import { REPRESENTATION_PREFIX } from './search-space-file.js';

/**
 * Everything a trial needs besides its parameters: plain JSON, so that it travels to
 * worker processes as their `workerData` and into the trial file's header.
 */
export interface ExperimentSetup {
  /** How to load, split and window the data (an absolute `data` path, windows resolved). */
  readonly data: DataOptions;
  /** The representation's registered name. */
  readonly model: string;
  /** TensorFlow.js backend of every trial. */
  readonly backend: BackendChoice;
  /**
   * Recurrent-layer kernels of every trial, resolved from `--kernels` or SEQREC_KERNELS in
   * the command, so that worker processes need not read the variable themselves.
   */
  readonly kernels: KernelsChoice;
  /** Trial i trains with seed `seed + i`; the split and the sampler use `seed`. */
  readonly seed: number;
  /** Loss when the space has no `loss` key (the study's adaptive hinge). */
  readonly loss: string;
  /** Negatives per position when the space has no `num_negative_samples` key. */
  readonly numNegativeSamples: number;
  /** The models' `padding` mode: `'keep'` is Spotlight's computation. */
  readonly padding: PaddingMode;
}

/** Maps a trial's parameters (hyperopt names) to the model's options. */
export function toModelOptions(
  params: Params,
  trialIndex: number,
  setup: ExperimentSetup,
): ImplicitSequenceModelOptions {
  const representationOptions: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (key.startsWith(REPRESENTATION_PREFIX)) {
      representationOptions[key.slice(REPRESENTATION_PREFIX.length)] = value;
    }
  }
  const loss = params['loss'];
  return {
    representation: setup.model,
    representationOptions,
    loss: typeof loss === 'string' ? loss : setup.loss,
    numNegativeSamples: integerParam(params, 'num_negative_samples') ?? setup.numNegativeSamples,
    ...definedEntry('embeddingDim', integerParam(params, 'embedding_dim')),
    ...definedEntry('nIter', integerParam(params, 'n_iter')),
    ...definedEntry('batchSize', integerParam(params, 'batch_size')),
    ...definedEntry('learningRate', numberParam(params, 'learning_rate')),
    ...definedEntry('l2', numberParam(params, 'l2')),
    seed: setup.seed + trialIndex,
    padding: setup.padding,
    backend: setup.backend,
    kernels: setup.kernels,
  };
}

// hyperopt's q-distributions yield floats such as 64.0; counts are rounded to integers.
function integerParam(params: Params, key: string): number | undefined {
  const value = numberParam(params, key);
  return value === undefined ? undefined : Math.round(value);
}

function numberParam(params: Params, key: string): number | undefined {
  const value = params[key];
  if (value === undefined || typeof value === 'number') return value;
  throw new TypeError(`search space: ${key} must be a number; got ${describeValue(value)}.`);
}

function definedEntry<K extends string>(
  key: K,
  value: number | undefined,
): Partial<Record<K, number>> {
  return value === undefined ? {} : ({ [key]: value } as Record<K, number>);
}
