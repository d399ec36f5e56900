import type * as tf from '@tensorflow/tfjs-core';

/**
 * What a recurrent layer returns. The caller disposes every tensor.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { activeSequenceKernels, type RecurrentSequence } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const [steps, batch, dim, hidden] = [3, 2, 4, 5];
 * const run: RecurrentSequence = activeSequenceKernels().gru(
 *   tf.ones([steps, batch, dim]),
 *   {
 *     weightIh: tf.zeros([3 * hidden, dim]),
 *     biasIh: tf.zeros([3 * hidden]),
 *     weightHh: tf.zeros([3 * hidden, hidden]),
 *     biasHh: tf.zeros([3 * hidden]),
 *   },
 *   tf.zeros([batch, hidden]),
 * );
 * console.assert(run.outputs.shape.join() === '3,2,5' && run.finalH.shape.join() === '2,5');
 * ```
 */
export interface RecurrentSequence {
  /** The output of every step, time-major: float32 [T, batch, H]. */
  readonly outputs: tf.Tensor3D;
  /** Hidden state after the last step, float32 [batch, H]. */
  readonly finalH: tf.Tensor2D;
  /** Cell state after the last step, float32 [batch, H] (the hidden state for a GRU). */
  readonly finalC: tf.Tensor2D;
}

/**
 * The weights of an LSTM layer, in PyTorch's layout (gate rows i, f, g, o).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import type { LstmLayerWeights } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const [dim, hidden] = [4, 3];
 * const weights: LstmLayerWeights = {
 *   weightIh: tf.zeros([4 * hidden, dim]),
 *   weightHh: tf.zeros([4 * hidden, hidden]),
 *   bias: tf.zeros([4 * hidden]),
 * };
 * console.assert(weights.bias.size === 12);
 * ```
 */
export interface LstmLayerWeights {
  /** `W_ih`, float32 [4H, D]. */
  readonly weightIh: tf.Tensor2D;
  /** `W_hh`, float32 [4H, H]. */
  readonly weightHh: tf.Tensor2D;
  /** `b_ih + b_hh`, float32 [4H]. */
  readonly bias: tf.Tensor1D;
}

/**
 * The weights of a multiplicative LSTM layer: `m_t = (W_mx x_t + b_mx) ⊙ (W_mh h_{t-1} +
 * b_mh)` replaces `h_{t-1}` in the LSTM gates' recurrent product.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import type { MlstmLayerWeights } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const [dim, hidden] = [4, 3];
 * const weights: MlstmLayerWeights = {
 *   weightX: tf.zeros([5 * hidden, dim]),
 *   biasX: tf.zeros([5 * hidden]),
 *   weightHh: tf.zeros([4 * hidden, hidden]),
 *   weightMh: tf.zeros([hidden, hidden]),
 *   biasMh: null,
 * };
 * console.assert(weights.weightX.shape.join() === '15,4');
 * ```
 */
export interface MlstmLayerWeights {
  /** The input side, float32 [5H, D]: `W_ih` of the gates (4H rows), then `W_mx` (H rows). */
  readonly weightX: tf.Tensor2D;
  /** float32 [5H]: the gate bias (`b_ih + b_hh`), then `b_mx` (zeros when there is none). */
  readonly biasX: tf.Tensor1D;
  /** `W_hm`, float32 [4H, H]: the gates' product with `m_t`. */
  readonly weightHh: tf.Tensor2D;
  /** `W_mh`, float32 [H, H]. */
  readonly weightMh: tf.Tensor2D;
  /** `b_mh`, float32 [H], or `null` for none. */
  readonly biasMh: tf.Tensor1D | null;
}

/**
 * The weights of a GRU layer, in PyTorch's layout (gate rows r, z, n).
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import type { GruLayerWeights } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const [dim, hidden] = [4, 3];
 * const weights: GruLayerWeights = {
 *   weightIh: tf.zeros([3 * hidden, dim]),
 *   biasIh: tf.zeros([3 * hidden]),
 *   weightHh: tf.zeros([3 * hidden, hidden]),
 *   biasHh: tf.zeros([3 * hidden]),
 * };
 * console.assert(weights.weightHh.shape.join() === '9,3');
 * ```
 */
export interface GruLayerWeights {
  /** `W_ih`, float32 [3H, D]. */
  readonly weightIh: tf.Tensor2D;
  /** `b_ih`, float32 [3H]. */
  readonly biasIh: tf.Tensor1D;
  /** `W_hh`, float32 [3H, H]. */
  readonly weightHh: tf.Tensor2D;
  /** `b_hh`, float32 [3H]; its n part sits inside the reset gate's product. */
  readonly biasHh: tf.Tensor1D;
}

/**
 * Which state an mLSTM layer emits per step: `'hidden'` (`h_t`, the paper) or `'cell'`
 * (`c_t`, the reference implementation).
 *
 * @example
 * ```ts
 * import type { MlstmEmit } from '@seqrec/representations';
 *
 * const emit: MlstmEmit = 'cell';
 * console.assert(emit === 'cell');
 * ```
 */
export type MlstmEmit = 'hidden' | 'cell';

/**
 * Per-position losses a {@link SequenceKernels.sampledLoss} may implement, named as the
 * built-in losses of `@seqrec/losses` that compute them.
 *
 * @example
 * ```ts
 * import type { SampledLossKind } from '@seqrec/representations';
 *
 * const kind: SampledLossKind = 'adaptive-hinge';
 * console.assert(kind === 'adaptive-hinge');
 * ```
 */
export type SampledLossKind =
  'adaptive-hinge' | 'hinge' | 'bpr' | 'bpr-log' | 'pointwise' | 'logistic';

/**
 * What {@link SequenceKernels.sampledLoss} scores: n positions, each with its state, its true
 * next item and k sampled items, against the item table and biases.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import type { SampledLossInput } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const input: SampledLossInput = {
 *   kind: 'bpr',
 *   states: tf.ones([2, 3]),
 *   targets: tf.tensor1d([4, 0], 'int32'), // the second position is padding: not counted
 *   negatives: tf.tensor2d([[1], [2]], [2, 1], 'int32'),
 *   table: tf.zeros([5, 3]),
 *   bias: tf.zeros([5]),
 * };
 * console.assert(input.negatives.shape[1] === 1);
 * ```
 */
export interface SampledLossInput {
  /** The per-position loss. */
  readonly kind: SampledLossKind;
  /** User states, float32 [n, H]. */
  readonly states: tf.Tensor2D;
  /** True next item ids, int32 [n]; 0 (padding) marks a position that is not counted. */
  readonly targets: tf.Tensor1D;
  /** Sampled item ids, int32 [n, k]. */
  readonly negatives: tf.Tensor2D;
  /** Item vectors, float32 [numItems, H]. */
  readonly table: tf.Tensor2D;
  /** Item biases, float32 [numItems]. */
  readonly bias: tf.Tensor1D;
}

/**
 * The recurrent layers the built-in representations run on: one implementation of each,
 * input projection included, as differentiable tfjs ops. Every implementation follows
 * PyTorch's equations and returns the same values within float32 rounding; they differ in
 * where the arithmetic runs.
 *
 * Built in: `'host'` (the default; one backend product per step, gates in JavaScript, hand-
 * written backward pass: fastest on wasm and cpu) and `'plain'` (plain tfjs ops differentiated
 * by autodiff: every kernel runs on the backend, which is what tfjs-node's TensorFlow kernels
 * or a GPU want). `@seqrec/native` provides `'native'` (C with a BLAS, several threads). A
 * representation plugin can use these layers through {@link activeSequenceKernels}.
 *
 * Inputs are time-major: `inputs` float32 [T, batch, D]; `h0`, `c0` float32 [batch, H].
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { selectBackend } from '@seqrec/backend';
 * import { activeSequenceKernels, type SequenceKernels } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const kernels: SequenceKernels = activeSequenceKernels();
 * const [steps, batch, dim, hidden] = [3, 2, 4, 5];
 * const zeros = tf.zeros([batch, hidden]) as tf.Tensor2D;
 * const run = kernels.lstm(
 *   tf.ones([steps, batch, dim]),
 *   {
 *     weightIh: tf.zeros([4 * hidden, dim]),
 *     weightHh: tf.zeros([4 * hidden, hidden]),
 *     bias: tf.zeros([4 * hidden]),
 *   },
 *   zeros,
 *   zeros,
 * );
 * // Zero weights: every gate is σ(0) = 0.5 and the candidate tanh(0) = 0, so c stays 0.
 * console.assert(kernels.name === 'host' && run.finalC.dataSync().every((v) => v === 0));
 * ```
 */
export interface SequenceKernels {
  /** Short name, as reported by the trainer: `'host'`, `'plain'`, `'native'`, … */
  readonly name: string;
  /** One line on what runs where, for logs. */
  readonly description: string;
  /** An LSTM layer: outputs `h_1 … h_T`. */
  lstm(
    inputs: tf.Tensor3D,
    weights: LstmLayerWeights,
    h0: tf.Tensor2D,
    c0: tf.Tensor2D,
  ): RecurrentSequence;
  /** A multiplicative LSTM layer: outputs `h_t` or `c_t` per step, as `emit` says. */
  mlstm(
    inputs: tf.Tensor3D,
    weights: MlstmLayerWeights,
    h0: tf.Tensor2D,
    c0: tf.Tensor2D,
    emit: MlstmEmit,
  ): RecurrentSequence;
  /** A GRU layer: outputs `h_1 … h_T`; `finalC` is `finalH`. */
  gru(inputs: tf.Tensor3D, weights: GruLayerWeights, h0: tf.Tensor2D): RecurrentSequence;
  /**
   * Optional: the scoring and loss of a training step as one differentiable op. Each score
   * is `state · table[id] + bias[id]`; the result is the mean of the per-position loss over
   * the positions whose target is not 0, the same value the loss of that name in
   * `@seqrec/losses` computes from those scores (0 when no position counts). Kernels without
   * it leave the trainer to score and take the loss with tfjs ops.
   */
  sampledLoss?(input: SampledLossInput): tf.Scalar;
}
