import * as tf from '@tensorflow/tfjs-core';

import { DotProductRepresentation } from '../dot-product-representation.js';
import { checkItemIds } from '../check-item-ids.js';
import { deriveSeed, uniformVariable } from '../internal/uniform-variable.js';
import { requireNoOptions } from '../lstm/internal/require-no-options.js';
import { batchMajorStates, embedTimeMajor } from '../lstm/internal/time-major.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
} from '../sequence-representation.js';
import { activeSequenceKernels } from '../kernels/active-kernels.js';

/**
 * Options of {@link GruRepresentation}: none yet, so `{}` is the only valid value.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { createRepresentation, type GruRepresentationOptions } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * };
 * const none: GruRepresentationOptions = {};
 * console.assert(createRepresentation('gru', context, none).config.name === 'gru');
 * // Any option is refused by name rather than silently ignored.
 * let refused = false;
 * try {
 *   createRepresentation('gru', context, { hiddenSize: 8 });
 * } catch {
 *   refused = true;
 * }
 * console.assert(refused);
 * ```
 */
export type GruRepresentationOptions = Readonly<Record<string, never>>;

const API = 'GruRepresentation';

/**
 * Checks the options of {@link GruRepresentation}: it takes none yet.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError if `options` has any key.
 * @internal
 */
export function resolveGruOptions(options: unknown): GruRepresentationOptions {
  requireNoOptions(API, options);
  return Object.freeze({});
}

/**
 * A GRU representation: Spotlight's LSTM representation with PyTorch's GRU in place of the
 * LSTM, as in GRU4Rec; its hidden state is the user state.
 *
 * Per step, with gates in PyTorch's order: `r = σ(W_ir x + b_ir + W_hr h + b_hr)`,
 * `z = σ(W_iz x + b_iz + W_hz h + b_hz)`, `n = tanh(W_in x + b_in + r ⊙ (W_hn h + b_hn))`,
 * `h' = (1 − z) ⊙ n + z ⊙ h`. As in Spotlight's `LSTMNet`, a zero input step comes before
 * the first position and the state starts at zero: `states[:, t]` has seen items
 * `0 … t-1` and `final` all L. The hidden size is the embedding width.
 *
 * Variables (float32, PyTorch's layout, uniform(−1/√H, 1/√H), seeds derived from
 * `context.seed`): `weightIh` [3H, D], `weightHh` [3H, H], `biasIh` [3H], `biasHh` [3H].
 *
 * @remarks
 * Deviation: the reset gate multiplies `W_hn h + b_hn`, as PyTorch and cuDNN do, rather than
 * `h` before the product as in Cho et al.; PyTorch compatibility lets weights move between
 * the two implementations.
 *
 * The state also evolves over left padding: a padding position feeds a zero vector, which
 * still moves the state through the biases and the recurrent weight.
 *
 * @see Cho et al., "Learning phrase representations using RNN encoder-decoder for
 *   statistical machine translation", arXiv:1406.1078 (2014).
 * @see Hidasi et al., "Session-based recommendations with recurrent neural networks",
 *   arXiv:1511.06939 (2015).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { GruRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const gru = new GruRepresentation({
 *   numItems: 10,
 *   embeddingDim: 4,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 10, dim: 4, seed: 1 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 10, dim: 1 }),
 *   seed: 7,
 * });
 * const { final } = gru.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(gru.scoreAll(final).shape.join() === '1,10');
 * ```
 */
export class GruRepresentation extends DotProductRepresentation {
  /** Registry name `'gru'` and the resolved options. */
  readonly config: RepresentationConfig;
  /** `weight_ih`, float32 [3H, D], gate rows r, z, n. */
  readonly weightIh: tf.Variable<tf.Rank.R2>;
  /** `weight_hh`, float32 [3H, H]. */
  readonly weightHh: tf.Variable<tf.Rank.R2>;
  /** `bias_ih`, float32 [3H]. */
  readonly biasIh: tf.Variable<tf.Rank.R1>;
  /** `bias_hh`, float32 [3H]. */
  readonly biasHh: tf.Variable<tf.Rank.R1>;
  /** `[weightIh, weightHh, biasIh, biasHh]`. */
  readonly variables: readonly tf.Variable[];

  /**
   * @param context - The shared item tables; the hidden size H is `context.embeddingDim`.
   * @param options - None yet: `{}` (the default).
   * @throws TypeError if `options` is not an object.
   * @throws RangeError if `options` has any key.
   */
  constructor(context: RepresentationContext, options: GruRepresentationOptions = {}) {
    super(context);
    this.config = { name: 'gru', options: resolveGruOptions(options) };

    const hidden = this.stateSize;
    const dim = context.embeddingDim;
    const bound = 1 / Math.sqrt(hidden);
    const seed = (index: number) => deriveSeed(context.seed, index);
    this.weightIh = uniformVariable('gru_weight_ih', [3 * hidden, dim], bound, seed(0));
    this.weightHh = uniformVariable('gru_weight_hh', [3 * hidden, hidden], bound, seed(1));
    this.biasIh = uniformVariable('gru_bias_ih', [3 * hidden], bound, seed(2));
    this.biasHh = uniformVariable('gru_bias_hh', [3 * hidden], bound, seed(3));
    this.variables = [this.weightIh, this.weightHh, this.biasIh, this.biasHh];
  }

  /**
   * User states for int32 [batch, L] item ids: `states` float32 [batch, L, H] and `final`
   * float32 [batch, H]. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not an int32 tensor.
   * @throws RangeError if it is not [batch, L] with L ≥ 1.
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds(`${API}.encode`, itemIds);
    return tf.tidy(() => {
      const [batch, length] = itemIds.shape;
      const inputs = embedTimeMajor(this.context.itemEmbedding, itemIds, true); // [L+1, B, D]
      const h0 = tf.zeros([batch, this.stateSize]) as tf.Tensor2D;
      const weights = {
        weightIh: this.weightIh,
        biasIh: this.biasIh,
        weightHh: this.weightHh,
        biasHh: this.biasHh,
      };
      const { outputs, finalH } = activeSequenceKernels().gru(inputs, weights, h0);
      return { states: batchMajorStates(outputs, length), final: finalH };
    });
  }
}
