import * as tf from '@tensorflow/tfjs-core';

import { DotProductRepresentation } from '../dot-product-representation.js';
import { checkItemIds } from '../check-item-ids.js';
import { deriveSeed, uniformVariable } from '../internal/uniform-variable.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
} from '../sequence-representation.js';
import { causalConv1d } from './internal/causal-conv1d.js';
import { resolveCnnOptions, type ResolvedCnnOptions } from './internal/resolve-cnn-options.js';

/**
 * The nonlinearity after each convolution of a {@link CnnRepresentation}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { CnnRepresentation, type CnnNonlinearity } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const nonlinearity: CnnNonlinearity = 'relu';
 * const cnn = new CnnRepresentation(
 *   {
 *     numItems: 6,
 *     embeddingDim: 4,
 *     itemEmbedding: new ScaledEmbedding({ numEmbeddings: 6, dim: 4 }),
 *     itemBias: new ZeroEmbedding({ numEmbeddings: 6, dim: 1 }),
 *     seed: 0,
 *   },
 *   { nonlinearity },
 * );
 * console.assert(cnn.config.options['nonlinearity'] === 'relu');
 * ```
 */
export type CnnNonlinearity = 'tanh' | 'relu';

/**
 * Options of {@link CnnRepresentation}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { CnnRepresentation, type CnnRepresentationOptions } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * // Three layers of width-2 kernels, dilated 1, 2, 4: each state sees the last 8 items.
 * const options: CnnRepresentationOptions = { kernelWidth: 2, dilation: [1, 2, 4] };
 * const context = {
 *   numItems: 6,
 *   embeddingDim: 4,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 6, dim: 4 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 6, dim: 1 }),
 *   seed: 0,
 * };
 * const cnn = new CnnRepresentation(context, options);
 * console.assert(cnn.config.options['numLayers'] === 3 && cnn.variables.length === 6);
 * ```
 */
export interface CnnRepresentationOptions {
  /** Taps per convolution, for every layer or one per layer (default 3). */
  readonly kernelWidth?: number | readonly number[];
  /** Steps between taps, for every layer or one per layer (default 1: no gaps). */
  readonly dilation?: number | readonly number[];
  /** Stacked convolutions (default: the length of a per-layer array given above, else 1). */
  readonly numLayers?: number;
  /** Add each layer's input to its output (default true). */
  readonly residual?: boolean;
  /** Applied after each convolution (default `'tanh'`). */
  readonly nonlinearity?: CnnNonlinearity;
}

/**
 * Represents a user by stacked causal, dilated 1-D convolutions over the item embeddings, as
 * Spotlight's `CNNNet` (after WaveNet and ByteNet). Each layer keeps the width `dim`, maps
 * `x ↦ f(conv(x)) (+ x if residual)` and sees `(kernelWidth − 1) · dilation` steps back.
 *
 * A zero step is put before the first item, so the state before position t sees items
 * `… t-1` only, and `final` is the output after the last item. With no item seen the state
 * is not zero but `f(bias)` of the first layer, passed through the others.
 *
 * Left padding: a padding item's embedding is zero, the same as the zeros the first
 * convolution pads with, so with one layer a padded row has the same `final` (and real
 * states) as the unpadded one. Deeper layers see the outputs at padding positions, `f(bias)`
 * rather than zero, so a padded row's `final` equals the unpadded one only when the row has
 * at least `Σ_{layers ≥ 2} (kernelWidth − 1) · dilation` real items.
 *
 * @see van den Oord et al., "WaveNet: A Generative Model for Raw Audio", 2016; Kalchbrenner
 *   et al., "Neural Machine Translation in Linear Time", 2016; Spotlight's
 *   `spotlight.sequence.representations.CNNNet`.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { CnnRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const itemEmbedding = new ScaledEmbedding({ numEmbeddings: 6, dim: 4, seed: 1 });
 * const itemBias = new ZeroEmbedding({ numEmbeddings: 6, dim: 1 });
 * const cnn = new CnnRepresentation(
 *   { numItems: 6, embeddingDim: 4, itemEmbedding, itemBias, seed: 0 },
 *   { kernelWidth: 2, dilation: [1, 2], residual: true },
 * );
 * const { states, final } = cnn.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(cnn.config.options['numLayers'] === 2 && cnn.variables.length === 4);
 * console.assert(states.shape.join() === '1,3,4' && final.shape.join() === '1,4');
 * ```
 */
export class CnnRepresentation extends DotProductRepresentation {
  /** `{ name: 'cnn', options }`, with defaults filled in and per-layer values as arrays. */
  readonly config: RepresentationConfig;
  /** Per layer: the kernel, float32 [kernelWidth · dim, dim], then the bias, [dim]. */
  readonly variables: readonly tf.Variable[];
  readonly #options: ResolvedCnnOptions;
  readonly #layers: readonly {
    readonly kernel: tf.Variable<tf.Rank.R2>;
    readonly bias: tf.Variable<tf.Rank.R1>;
  }[];

  /**
   * Weights start as PyTorch's convolutions do: uniform in ±1/√(kernelWidth · dim), drawn
   * from `context.seed`.
   *
   * @param context - The shared item tables and sizes.
   * @param options - See {@link CnnRepresentationOptions}.
   * @throws TypeError if `options` is not an object or `residual` is not a boolean.
   * @throws RangeError for an unknown key, a width, dilation or layer count that is not a
   *   positive integer, a per-layer array of the wrong length, or an unknown nonlinearity.
   */
  constructor(context: RepresentationContext, options: CnnRepresentationOptions = {}) {
    super(context);
    const resolved = resolveCnnOptions(options);
    this.#options = resolved;
    this.config = {
      name: 'cnn',
      options: {
        ...resolved,
        kernelWidth: [...resolved.kernelWidth],
        dilation: [...resolved.dilation],
      },
    };

    const dim = context.embeddingDim;
    this.#layers = resolved.kernelWidth.map((width, layer) => {
      const bound = 1 / Math.sqrt(width * dim);
      const seed = deriveSeed(context.seed, layer);
      const name = `cnn_${String(layer)}`;
      return {
        kernel: uniformVariable<tf.Rank.R2>(`${name}_kernel`, [width * dim, dim], bound, seed),
        bias: uniformVariable<tf.Rank.R1>(`${name}_bias`, [dim], bound, seed + 1),
      };
    });
    this.variables = this.#layers.flatMap(({ kernel, bias }) => [kernel, bias]);
  }

  /**
   * Convolutional states for int32 [batch, L] item ids: `states` float32 [batch, L, dim] and
   * `final` float32 [batch, dim]. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not int32; RangeError if it is not [batch, L ≥ 1].
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds('CnnRepresentation.encode', itemIds);
    return tf.tidy(() => {
      const [batch, length] = itemIds.shape;
      const dim = this.context.embeddingDim;
      const { kernelWidth, dilation, residual, nonlinearity } = this.#options;
      const vectors = this.context.itemEmbedding.lookup(itemIds) as tf.Tensor3D;

      // The zero step: output t + 1 is the state after item t, output 0 the one before any.
      let x = tf.concat([tf.zeros([batch, 1, dim]), vectors], 1) as tf.Tensor3D;
      this.#layers.forEach(({ kernel, bias }, layer) => {
        const width = kernelWidth[layer] as number;
        const conv = causalConv1d(x, kernel, bias, width, dilation[layer] as number);
        const activated = nonlinearity === 'tanh' ? tf.tanh(conv) : tf.relu(conv);
        x = residual ? tf.add(activated, x) : activated;
      });

      const states = tf.slice(x, [0, 0, 0], [batch, length, dim]);
      const final = tf.reshape(tf.slice(x, [0, length, 0], [batch, 1, dim]), [batch, dim]);
      return { states, final: final as tf.Tensor2D };
    });
  }
}
