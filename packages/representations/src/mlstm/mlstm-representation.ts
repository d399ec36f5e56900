import * as tf from '@tensorflow/tfjs-core';

import { DotProductRepresentation } from '../dot-product-representation.js';
import { checkItemIds } from '../check-item-ids.js';
import { readOptions, requireChoice } from '../internal/check-options.js';
import { deriveSeed, uniformVariable } from '../internal/uniform-variable.js';
import { activeSequenceKernels } from '../kernels/active-kernels.js';
import type { MlstmLayerWeights } from '../kernels/sequence-kernels.js';
import { batchMajorStates, embedTimeMajor } from '../lstm/internal/time-major.js';
import type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
} from '../sequence-representation.js';

/**
 * Which equations {@link MlstmRepresentation} follows; see its remarks.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { MlstmRepresentation, type MlstmVariant } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * };
 * const variants: MlstmVariant[] = ['paper', 'reference'];
 * const built = variants.map((variant) => new MlstmRepresentation(context, { variant }));
 * console.assert(built.map((m) => m.config.options['variant']).join() === 'paper,reference');
 * ```
 */
export type MlstmVariant = 'paper' | 'reference';

/**
 * Options of {@link MlstmRepresentation}.
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { MlstmRepresentation, type MlstmRepresentationOptions } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * };
 * const options: MlstmRepresentationOptions = {}; // the default variant
 * const mlstm = new MlstmRepresentation(context, options);
 * console.assert(mlstm.config.options['variant'] === 'reference');
 * ```
 */
export interface MlstmRepresentationOptions {
  /**
   * `'reference'` (the default) follows the mLSTM the study of mLSTM against LSTM in
   * Spotlight was run with; `'paper'` follows Krause et al.
   */
  readonly variant?: MlstmVariant;
}

const API = 'MlstmRepresentation';
const VARIANTS: readonly MlstmVariant[] = ['paper', 'reference'];

let initialStates = 0;

/**
 * Checks the options of {@link MlstmRepresentation} and fills in defaults.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError if `options` has a key other than `variant`, or `variant` is not
 *   `'paper'` or `'reference'`.
 * @internal
 */
export function resolveMlstmOptions(options: unknown): Required<MlstmRepresentationOptions> {
  const given = readOptions(API, options, ['variant']);
  const variant = requireChoice(API, 'variant', given['variant'] ?? 'reference', VARIANTS);
  return Object.freeze({ variant });
}

/**
 * A multiplicative LSTM (mLSTM) representation: an LSTM whose gates see, in place of the
 * previous hidden state, an intermediate state that the current input rescales.
 *
 * Per step: `m_t = (W_mx x_t) ⊙ (W_mh h_{t-1})`; `i, f, o = σ(W_·x x_t + W_·m m_t + b_·)`;
 * `ĥ_t = tanh(W_hx x_t + W_hm m_t + b_h)`; `c_t = f ⊙ c_{t-1} + i ⊙ ĥ_t`;
 * `h_t = tanh(c_t) ⊙ o`. Gate weights use PyTorch's `LSTMCell` layout with `m_t` as its
 * hidden input (`weightIh` [4H, D], `weightHh` [4H, H], `biasIh`, `biasHh` [4H], rows
 * i, f, g, o; the two biases sum to the paper's one), plus `weightMx` [H, D] and `weightMh`
 * [H, H]. All are drawn from uniform(−1/√H, 1/√H) with seeds derived from `context.seed`.
 *
 * - `variant: 'paper'` runs like Spotlight's LSTM: a zero input step before the first
 *   position, zero initial states, and `h_t` as the user state.
 * - `variant: 'reference'` (the default) matches the PyTorch mLSTM written for Spotlight by
 *   the study's author: `m_t` has biases, one learned vector `initialState` [H]
 *   (normal(0, 1/H)) starts both `h` and `c`, there is no zero step, and the cell state is
 *   the user state: `states[:, t] = c_t` (so `states[:, 0]` is `initialState`) and
 *   `final = c_L`. It adds `biasMx`, `biasMh` [H] and `initialState` to the variables.
 *
 * @remarks
 * The default is `'reference'` because the comparison of mLSTM with LSTM on MovieLens and
 * Amazon data (Wilhelm, 2018), which this package aims to reproduce, was run with that code,
 * whose notes report the biased `m_t` matching or beating the unbiased one.
 *
 * Deviation (reference variant): `m_t = (W_mx x_t + b_mx) ⊙ (W_mh h_{t-1} + b_mh)`, with
 * biases the paper does not have, as in the reference implementation.
 *
 * Deviation (reference variant): one learned initial state is used as both `h_0` and `c_0`,
 * where the paper starts from zero, as in the reference implementation.
 *
 * Deviation (reference variant): the cell state `c_t` is the output (user representation)
 * instead of the paper's `h_t = tanh(c_t) ⊙ o`, as in the reference implementation.
 *
 * The reference's parent class also allocates a standard LSTM's weights that its forward
 * pass never uses; they are left out. The candidate `ĥ_t` goes through `tanh`, as in
 * PyTorch's `LSTMCell` and in the paper authors' code.
 *
 * The state also evolves over left padding: a padding position feeds a zero vector, which
 * still moves the state through the biases and the recurrent weights, so a padded row gets
 * a different state than the same row unpadded.
 *
 * @see Krause, Lu, Murray and Renals, "Multiplicative LSTM for sequence modelling",
 *   arXiv:1609.07959 (2016).
 * @see Wilhelm, "Multiplicative LSTM for sequence-based recommendations" (2018), and its
 *   code, github.com/FlorianWilhelm/mlstm4reco (the reference implementation).
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { MlstmRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const context = {
 *   numItems: 10,
 *   embeddingDim: 4,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 10, dim: 4, seed: 1 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 10, dim: 1 }),
 *   seed: 7,
 * };
 * const mlstm = new MlstmRepresentation(context, { variant: 'paper' });
 * const { states } = mlstm.encode(tf.tensor2d([[0, 3, 5]], [1, 3], 'int32'));
 * console.assert(states.shape.join() === '1,3,4');
 * ```
 */
export class MlstmRepresentation extends DotProductRepresentation {
  /** Registry name `'mlstm'` and the resolved options. */
  readonly config: RepresentationConfig;
  /** The equations followed. */
  readonly variant: MlstmVariant;
  /** `W_·x` of the gates, float32 [4H, D], rows i, f, g, o. */
  readonly weightIh: tf.Variable<tf.Rank.R2>;
  /** `W_·m` of the gates, float32 [4H, H]. */
  readonly weightHh: tf.Variable<tf.Rank.R2>;
  /** Gate bias, float32 [4H] (PyTorch's `bias_ih`). */
  readonly biasIh: tf.Variable<tf.Rank.R1>;
  /** Gate bias, float32 [4H] (PyTorch's `bias_hh`). */
  readonly biasHh: tf.Variable<tf.Rank.R1>;
  /** `W_mx`, float32 [H, D]. */
  readonly weightMx: tf.Variable<tf.Rank.R2>;
  /** `W_mh`, float32 [H, H]. */
  readonly weightMh: tf.Variable<tf.Rank.R2>;
  /** `b_mx`, float32 [H]; `null` in the paper variant. */
  readonly biasMx: tf.Variable<tf.Rank.R1> | null;
  /** `b_mh`, float32 [H]; `null` in the paper variant. */
  readonly biasMh: tf.Variable<tf.Rank.R1> | null;
  /** Learned `h_0 = c_0`, float32 [H]; `null` in the paper variant. */
  readonly initialState: tf.Variable<tf.Rank.R1> | null;
  /** Every variable above that is not `null`. */
  readonly variables: readonly tf.Variable[];

  /**
   * @param context - The shared item tables; the hidden size H is `context.embeddingDim`.
   * @param options - See {@link MlstmRepresentationOptions}.
   * @throws TypeError if `options` is not an object.
   * @throws RangeError if `options` has a key other than `variant`, or `variant` is not
   *   `'paper'` or `'reference'`.
   */
  constructor(context: RepresentationContext, options: MlstmRepresentationOptions = {}) {
    super(context);
    const resolved = resolveMlstmOptions(options);
    this.config = { name: 'mlstm', options: resolved };
    this.variant = resolved.variant;

    const hidden = this.stateSize;
    const dim = context.embeddingDim;
    const bound = 1 / Math.sqrt(hidden);
    const seed = (index: number) => deriveSeed(context.seed, index);
    this.weightIh = uniformVariable('mlstm_weight_ih', [4 * hidden, dim], bound, seed(0));
    this.weightHh = uniformVariable('mlstm_weight_hh', [4 * hidden, hidden], bound, seed(1));
    this.biasIh = uniformVariable('mlstm_bias_ih', [4 * hidden], bound, seed(2));
    this.biasHh = uniformVariable('mlstm_bias_hh', [4 * hidden], bound, seed(3));
    this.weightMx = uniformVariable('mlstm_weight_mx', [hidden, dim], bound, seed(4));
    this.weightMh = uniformVariable('mlstm_weight_mh', [hidden, hidden], bound, seed(5));
    const reference = this.variant === 'reference';
    // Deviation (reference variant): biases on m_t, which the paper does not have.
    this.biasMx = reference ? uniformVariable('mlstm_bias_mx', [hidden], bound, seed(6)) : null;
    this.biasMh = reference ? uniformVariable('mlstm_bias_mh', [hidden], bound, seed(7)) : null;
    // Deviation (reference variant): one learned initial state for h_0 and c_0, drawn from
    // normal(0, 1/H) as the reference draws it; the paper starts from zero.
    this.initialState = reference ? learnedInitialState(hidden, seed(8)) : null;
    const optional = [this.biasMx, this.biasMh, this.initialState];
    this.variables = [
      ...[this.weightIh, this.weightHh, this.biasIh, this.biasHh, this.weightMx, this.weightMh],
      ...optional.filter((v): v is tf.Variable<tf.Rank.R1> => v !== null),
    ];
  }

  /**
   * User states for int32 [batch, L] item ids: `states` float32 [batch, L, H] and `final`
   * float32 [batch, H]: hidden states in the paper variant, cell states in the reference
   * variant. The caller disposes both.
   *
   * @throws TypeError if `itemIds` is not an int32 tensor.
   * @throws RangeError if it is not [batch, L] with L ≥ 1.
   */
  encode(itemIds: tf.Tensor2D): EncodedSequences {
    checkItemIds(`${API}.encode`, itemIds);
    return tf.tidy(() => {
      const reference = this.variant === 'reference';
      const { states, final } = reference
        ? this.encodeReference(itemIds)
        : this.encodePaper(itemIds);
      return { states, final };
    });
  }

  /** The layer's weights: the input side of the gates and of `m` stacked, [5H, D]. */
  private layerWeights(): MlstmLayerWeights {
    const factorBias = this.biasMx ?? tf.zeros([this.stateSize]);
    return {
      weightX: tf.concat([this.weightIh, this.weightMx], 0) as tf.Tensor2D,
      biasX: tf.concat([tf.add(this.biasIh, this.biasHh), factorBias]) as tf.Tensor1D,
      weightHh: this.weightHh,
      weightMh: this.weightMh,
      biasMh: this.biasMh,
    };
  }

  private encodePaper(itemIds: tf.Tensor2D): EncodedSequences {
    const [batch, length] = itemIds.shape;
    const inputs = embedTimeMajor(this.context.itemEmbedding, itemIds, true); // [L+1, B, D]
    const zeros = tf.zeros([batch, this.stateSize]) as tf.Tensor2D;
    const kernels = activeSequenceKernels();
    const { outputs, finalH } = kernels.mlstm(inputs, this.layerWeights(), zeros, zeros, 'hidden');
    return { states: batchMajorStates(outputs, length), final: finalH };
  }

  private encodeReference(itemIds: tf.Tensor2D): EncodedSequences {
    const [batch, length] = itemIds.shape;
    const inputs = embedTimeMajor(this.context.itemEmbedding, itemIds, false); // [L, B, D]
    const initial = tf.broadcastTo(this.initialState as tf.Tensor1D, [batch, this.stateSize]);

    // Deviation (reference variant): the cell state is the output, not h_t.
    const { outputs, finalC } = activeSequenceKernels().mlstm(
      inputs,
      this.layerWeights(),
      initial as tf.Tensor2D,
      initial as tf.Tensor2D,
      'cell',
    );
    // State before position t is c_t: the initial state, then c_1 … c_{L-1}.
    const first = tf.expandDims(initial, 0) as tf.Tensor3D;
    const timeMajor = length === 1 ? first : tf.concat([first, tf.slice(outputs, 0, length - 1)]);
    return { states: batchMajorStates(timeMajor as tf.Tensor3D, length), final: finalC };
  }
}

/** A trainable float32 [hidden] drawn from normal(0, 1/hidden). */
function learnedInitialState(hidden: number, seed: number): tf.Variable<tf.Rank.R1> {
  // tfjs treats a zero seed of randomNormal as "unseeded".
  const initial = tf.randomNormal([hidden], 0, 1 / hidden, 'float32', seed === 0 ? 1 : seed);
  initialStates += 1;
  const variable = tf.variable(initial, true, `mlstm_initial_state_${String(initialStates)}`);
  initial.dispose();
  return variable as tf.Variable<tf.Rank.R1>;
}
