import * as tf from '@tensorflow/tfjs-core';

/**
 * The state of an LSTM after one step. A type alias rather than an interface, so that
 * `tf.tidy` accepts it as a tensor container.
 *
 * @internal
 */
export type LstmCellState = {
  /** Hidden state (the output), float32 [batch, H]. */
  readonly h: tf.Tensor2D;
  /** Cell state, float32 [batch, H]. */
  readonly c: tf.Tensor2D;
};

/**
 * The elementwise part of an LSTM step, shared by the LSTM and the mLSTM: pre-activations
 * `gates` float32 [batch, 4H] in PyTorch's order (input i, forget f, cell g, output o) and
 * the previous cell state `c` [batch, H] →
 * `c' = σ(f) ⊙ c + σ(i) ⊙ tanh(g)` and `h' = σ(o) ⊙ tanh(c')`.
 *
 * @internal
 */
export function lstmCell(gates: tf.Tensor2D, c: tf.Tensor2D): LstmCellState {
  return tf.tidy(() => {
    const [i, f, g, o] = tf.split(gates, 4, 1) as [
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
      tf.Tensor2D,
    ];
    const cNext = tf.add(
      tf.mul(tf.sigmoid(f), c),
      tf.mul(tf.sigmoid(i), tf.tanh(g)),
    ) as tf.Tensor2D;
    const hNext = tf.mul(tf.sigmoid(o), tf.tanh(cNext)) as tf.Tensor2D;
    return { h: hNext, c: cNext };
  });
}
