import type { BackendChoice } from '@seqrec/backend';

import type { KernelsChoice } from './kernels-choice.js';
import type { Loss } from '@seqrec/losses';
import type { RepresentationFactory, SequenceRepresentation } from '@seqrec/representations';

import type { PaddingMode } from './padding-mode.js';
import type { NegativeSampler } from './samplers/negative-sampler.js';

/**
 * The optimisers {@link ImplicitSequenceModel} can build by name.
 *
 * @example
 * ```ts
 * import { ImplicitSequenceModel, type OptimizerName } from '@seqrec/models';
 *
 * const optimizer: OptimizerName = 'rmsprop';
 * const model = new ImplicitSequenceModel({ optimizer, learningRate: 0.001 });
 * console.assert(model.options.optimizer === 'rmsprop');
 * ```
 */
export type OptimizerName = 'adam' | 'adagrad' | 'rmsprop' | 'sgd';

/**
 * Options of {@link ImplicitSequenceModel}. Defaults follow Spotlight's
 * `ImplicitSequenceModel`, except where noted.
 *
 * @example
 * ```ts
 * import { ImplicitSequenceModel, type ImplicitSequenceModelOptions } from '@seqrec/models';
 *
 * // An LSTM trained with BPR against popularity-sampled negatives.
 * const options: ImplicitSequenceModelOptions = {
 *   representation: 'lstm',
 *   loss: 'bpr',
 *   embeddingDim: 16,
 *   nIter: 5,
 *   learningRate: 0.005,
 *   negativeSampler: 'popularity',
 *   seed: 42,
 * };
 * const model = new ImplicitSequenceModel(options);
 * // Options not given take their defaults.
 * console.assert(model.options.batchSize === 256 && model.options.optimizer === 'adam');
 * ```
 */
export interface ImplicitSequenceModelOptions {
  /**
   * The network: a registered name (default `'pooling'`, as Spotlight), a factory, or an
   * instance already built on its own item tables (then `embeddingDim` is taken from it).
   */
  readonly representation?: string | RepresentationFactory | SequenceRepresentation;
  /** Options passed to a representation built by name or factory (default `{}`). */
  readonly representationOptions?: Readonly<Record<string, unknown>>;
  /** The loss: a registered name (default `'pointwise'`, as Spotlight) or an instance. */
  readonly loss?: string | Loss;
  /** Options passed to a loss built by name (default `{}`). */
  readonly lossOptions?: Readonly<Record<string, unknown>>;
  /** Width of item embeddings, a positive integer (default 32). */
  readonly embeddingDim?: number;
  /** Epochs per call of `fit`, a positive integer (default 10). */
  readonly nIter?: number;
  /** Windows per minibatch, a positive integer (default 256). */
  readonly batchSize?: number;
  /**
   * L2 penalty ≥ 0 added to every gradient as `l2 × weight` before the optimiser step, the
   * coupled weight decay of PyTorch's `weight_decay` that Spotlight uses (default 0).
   */
  readonly l2?: number;
  /** Optimiser step size > 0 (default 0.01). */
  readonly learningRate?: number;
  /** Optimiser (default `'adam'`). */
  readonly optimizer?: OptimizerName;
  /** Negatives per position, a positive integer (default 5). */
  readonly numNegativeSamples?: number;
  /**
   * Where negatives come from: `'uniform'` (all ids, padding included, as Spotlight; the
   * default), `'uniform-excluding-padding'`, `'popularity'`, or an instance.
   */
  readonly negativeSampler?: string | NegativeSampler;
  /** Exponent of the `'popularity'` sampler (default 0.75). */
  readonly popularityExponent?: number;
  /** Seed of initial weights, shuffling and sampling, an integer (default 0). */
  readonly seed?: number;
  /**
   * How training batches and scoring treat left padding (default `'trim'`): `'trim'` groups
   * windows of similar length into a batch and drops the columns that are padding in every
   * row of it; `'keep'` computes every window over its full width, as Spotlight does, with
   * the recurrent state evolving over the padding.
   */
  readonly padding?: PaddingMode;
  /**
   * TensorFlow.js backend, chosen at the first `fit`; when omitted, the `SEQREC_BACKEND`
   * environment variable decides, else `'auto'`.
   */
  readonly backend?: BackendChoice;
  /**
   * Recurrent-layer kernels, chosen with the backend; when omitted, the `SEQREC_KERNELS`
   * environment variable decides, else `'auto'` (the native kernels when they load). See
   * {@link KernelsChoice}; `model.kernelsName` tells which ran.
   */
  readonly kernels?: KernelsChoice;
}

/**
 * {@link ImplicitSequenceModelOptions} with every default filled in and every value checked,
 * as a model exposes them in `model.options`.
 *
 * @example
 * ```ts
 * import { ImplicitSequenceModel, type ResolvedModelOptions } from '@seqrec/models';
 *
 * const resolved: ResolvedModelOptions = new ImplicitSequenceModel({ loss: 'hinge' }).options;
 * console.assert(resolved.loss === 'hinge' && resolved.representation === 'pooling');
 * console.assert(resolved.nIter === 10 && resolved.padding === 'trim');
 * ```
 */
export interface ResolvedModelOptions {
  readonly representation: string | RepresentationFactory | SequenceRepresentation;
  readonly representationOptions: Readonly<Record<string, unknown>>;
  readonly loss: string | Loss;
  readonly lossOptions: Readonly<Record<string, unknown>>;
  readonly embeddingDim: number;
  readonly nIter: number;
  readonly batchSize: number;
  readonly l2: number;
  readonly learningRate: number;
  readonly optimizer: OptimizerName;
  readonly numNegativeSamples: number;
  readonly negativeSampler: string | NegativeSampler;
  readonly popularityExponent: number;
  readonly seed: number;
  readonly padding: PaddingMode;
  readonly backend: BackendChoice | undefined;
  readonly kernels: KernelsChoice | undefined;
}
