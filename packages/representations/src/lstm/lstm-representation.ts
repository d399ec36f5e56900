import * as tf from '@tensorflow/tfjs-core';

import { DotProductRepresentation } from '../dot-product-representation.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
} from '../sequence-representation.js';
import { checkItemIds } from '../check-item-ids.js';
import { deriveSeed, uniformVariable } from '../internal/uniform-variable.js';
import { requireNoOptions } from './internal/require-no-options.js';
import { batchMajorStates, embedTimeMajor } from './internal/time-major.js';
import { activeSequenceKernels } from '../kernels/active-kernels.js';

/**
 * Options of {@link LstmRepresentation}: none yet, so `{}` is the only valid value.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { LstmRepresentation, type LstmRepresentationOptions } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const options: LstmRepresentationOptions = {};
 * const lstm = new LstmRepresentation(
 *   {
 *     numItems: 5,
 *     embeddingDim: 3,
 *     itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *     itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *     seed: 0,
 *   },
 *   options,
 * );
 * console.assert(JSON.stringify(lstm.config) === '{"name":"lstm","options":{}}');
 * ```
 */
export type LstmRepresentationOptions = Readonly<Record<string, never>>;

const API = 'LstmRepresentation';

/**
 * Checks the options of {@link LstmRepresentation}: it takes none yet.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError if `options` has any key.
 * @internal
 */
export function resolveLstmOptions(options: unknown): LstmRepresentationOptions {
  requireNoOptions(API, options);
  return Object.freeze({});
}

/**
 * Spotlight's LSTM representation: an LSTM with PyTorch's equations, weights and
 * initialisation runs over the item embeddings, and its hidden state is the user state.
 *
 * Per step, with gates in PyTorch's order: `i, f, o = σ(W_i· x + b_i· + W_h· h + b_h·)`,
 * `g = tanh(W_ig x + b_ig + W_hg h + b_hg)`, `c' = f ⊙ c + i ⊙ g`, `h' = o ⊙ tanh(c')`,
 * with `σ` the logistic sigmoid (not the hard sigmoid of `tf.layers.lstm`). As in
 * Spotlight's `LSTMNet`, a zero input step is put before the first position and the state
 * starts at zero, so there are L + 1 steps: `states[:, t]` is the output after step t (it
 * has seen items `0 … t-1`) and `final` the output after all L items. The hidden size is the
 * embedding width, so states score items by the tied embeddings.
 *
 * Variables (float32, PyTorch's layout, all drawn from uniform(−1/√H, 1/√H) with seeds
 * derived from `context.seed`): `weightIh` [4H, D], `weightHh` [4H, H], `biasIh` [4H],
 * `biasHh` [4H].
 *
 * @remarks
 * The state also evolves over left padding: a padding position feeds a zero vector, which
 * still moves the state through the biases and the recurrent weight, so a short row that is
 * padded to length L gets a different state than the same row unpadded. Spotlight behaves
 * the same way.
 *
 * @see Spotlight's `spotlight.sequence.representations.LSTMNet`.
 * @see Hidasi et al., "Session-based recommendations with recurrent neural networks",
 *   arXiv:1511.06939 (2015).
 * @see Hochreiter and Schmidhuber, "Long short-term memory", Neural Computation 9(8) (1997).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { LstmRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const lstm = new LstmRepresentation({
 *   numItems: 10,
 *   embeddingDim: 4,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 10, dim: 4, seed: 1 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 10, dim: 1 }),
 *   seed: 7,
 * });
 * const { states, final } = lstm.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(states.shape.join() === '1,3,4' && final.shape.join() === '1,4');
 * ```
 */
export class LstmRepresentation extends DotProductRepresentation {
  /** Registry name `'lstm'` and the resolved options. */
  readonly config: RepresentationConfig;
  /** `weight_ih`, float32 [4H, D], gate rows i, f, g, o. */
  readonly weightIh: tf.Variable<tf.Rank.R2>;
  /** `weight_hh`, float32 [4H, H]. */
  readonly weightHh: tf.Variable<tf.Rank.R2>;
  /** `bias_ih`, float32 [4H]. */
  readonly biasIh: tf.Variable<tf.Rank.R1>;
  /** `bias_hh`, float32 [4H]. */
  readonly biasHh: tf.Variable<tf.Rank.R1>;
  /** `[weightIh, weightHh, biasIh, biasHh]`. */
  readonly variables: readonly tf.Variable[];

  /**
   * @param context - The shared item tables; the hidden size H is `context.embeddingDim`.
   * @param options - None yet: `{}` (the default).
   * @throws TypeError if `options` is not an object.
   * @throws RangeError if `options` has any key.
   */
  constructor(context: RepresentationContext, options: LstmRepresentationOptions = {}) {
    super(context);
    this.config = { name: 'lstm', options: resolveLstmOptions(options) };

    const hidden = this.stateSize;
    const dim = context.embeddingDim;
    const bound = 1 / Math.sqrt(hidden);
    const seed = (index: number) => deriveSeed(context.seed, index);
    this.weightIh = uniformVariable('lstm_weight_ih', [4 * hidden, dim], bound, seed(0));
    this.weightHh = uniformVariable('lstm_weight_hh', [4 * hidden, hidden], bound, seed(1));
    this.biasIh = uniformVariable('lstm_bias_ih', [4 * hidden], bound, seed(2));
    this.biasHh = uniformVariable('lstm_bias_hh', [4 * hidden], bound, seed(3));
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
      const bias = tf.add(this.biasIh, this.biasHh) as tf.Tensor1D;
      const zeros = tf.zeros([batch, this.stateSize]) as tf.Tensor2D;
      const weights = { weightIh: this.weightIh, weightHh: this.weightHh, bias };
      const { outputs, finalH } = activeSequenceKernels().lstm(inputs, weights, zeros, zeros);
      return { states: batchMajorStates(outputs, length), final: finalH };
    });
  }
}
