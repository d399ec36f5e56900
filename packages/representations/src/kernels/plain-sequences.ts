// The recurrent cores in plain tfjs ops, differentiated by autodiff: what the fused ops'
// tests check values and gradients against, and the recurrent part of the 'plain' kernels,
// which leave every kernel to the backend (tfjs-node, a GPU).
import * as tf from '@tensorflow/tfjs-core';

import type { LstmRecurrentWeights, RecurrentSequence } from '../lstm/lstm-sequence.js';
import type { MlstmEmit, MlstmRecurrentWeights } from '../mlstm/mlstm-sequence.js';
import type { GruRecurrentWeights } from '../gru/gru-sequence.js';

type Pair = [tf.Tensor2D, tf.Tensor2D];

/**
 * Splits time-major float32 [T, batch, width] into its T steps, [batch, width] each, in
 * about √T chunks (the stock wasm Unpack kernel copies its whole input per output). A last
 * chunk of one step is merged into the one before: tfjs's Unpack gradient fails when the
 * only output of a chunk got no gradient. For the same reason (tfjs 4.22's Unpack gradient
 * takes a single output's gradient for a list), one step is a reshape, not an unstack.
 */
function unstackSteps(x: tf.Tensor3D): tf.Tensor2D[] {
  const [steps, batch, width] = x.shape;
  if (steps === 1) return [tf.reshape(x, [batch, width])];
  const chunk = Math.ceil(Math.sqrt(steps));
  if (steps <= chunk + 1) return tf.unstack(x) as tf.Tensor2D[];
  return tf.tidy(() => {
    const sizes = Array.from({ length: Math.ceil(steps / chunk) }, (_, i) =>
      Math.min(chunk, steps - i * chunk),
    );
    if (sizes.length > 1 && sizes.at(-1) === 1) {
      sizes.pop();
      sizes[sizes.length - 1] = (sizes.at(-1) as number) + 1;
    }
    return tf.split(x, sizes, 0).flatMap((part) => tf.unstack(part) as tf.Tensor2D[]);
  });
}

/** PyTorch's LSTM cell on pre-activations [batch, 4H] (i, f, g, o) and the cell state. */
function lstmCell(gates: tf.Tensor2D, c: tf.Tensor2D): { h: tf.Tensor2D; c: tf.Tensor2D } {
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

/** `lstmSequence` in plain ops. */
export function lstmSequenceReference(
  inputsProjected: tf.Tensor3D,
  weights: LstmRecurrentWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
): RecurrentSequence {
  return tf.tidy(() => {
    const recurrentKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 4H]
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let state = { h: h0, c: c0 };
    for (const projected of steps) {
      const previous = state;
      state = tf.tidy(() =>
        lstmCell(tf.add(projected, tf.matMul(previous.h, recurrentKernel)), previous.c),
      );
      outputs.push(state.h);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: state.h, finalC: state.c };
  });
}

/** `mlstmSequence` in plain ops. */
export function mlstmSequenceReference(
  inputsProjected: tf.Tensor3D,
  weights: MlstmRecurrentWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  emit: MlstmEmit,
): RecurrentSequence {
  return tf.tidy(() => {
    const hidden = h0.shape[1];
    const gateKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 4H]
    const factorKernel = tf.transpose(weights.weightMh) as tf.Tensor2D; // [H, H]
    const { biasMh } = weights;
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let state = { h: h0, c: c0 };
    for (const projected of steps) {
      const previous = state;
      state = tf.tidy(() => {
        const [gateInput, inputFactor] = tf.split(projected, [4 * hidden, hidden], 1);
        const hiddenProduct = tf.matMul(previous.h, factorKernel);
        const hiddenFactor = biasMh === null ? hiddenProduct : tf.add(hiddenProduct, biasMh);
        const m = tf.mul(inputFactor as tf.Tensor2D, hiddenFactor) as tf.Tensor2D;
        const gates = tf.add(gateInput as tf.Tensor2D, tf.matMul(m, gateKernel)) as tf.Tensor2D;
        return lstmCell(gates, previous.c);
      });
      outputs.push(emit === 'hidden' ? state.h : state.c);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: state.h, finalC: state.c };
  });
}

/** `gruSequence` in plain ops. */
export function gruSequenceReference(
  inputsProjected: tf.Tensor3D,
  weights: GruRecurrentWeights,
  h0: tf.Tensor2D,
): RecurrentSequence {
  return tf.tidy(() => {
    const hidden = h0.shape[1];
    const recurrentKernel = tf.transpose(weights.weightHh) as tf.Tensor2D; // [H, 3H]
    const steps = unstackSteps(inputsProjected);
    const outputs: tf.Tensor2D[] = [];
    let h = h0;
    for (const projected of steps) {
      const previous = h;
      h = tf.tidy(() => {
        const recurrent = tf.add(tf.matMul(previous, recurrentKernel), weights.biasHh);
        const [xrz, xn] = tf.split(projected, [2 * hidden, hidden], 1) as Pair;
        const [hrz, hn] = tf.split(recurrent, [2 * hidden, hidden], 1) as Pair;
        const [r, z] = tf.split(tf.sigmoid(tf.add(xrz, hrz)), 2, 1) as Pair;
        const n = tf.tanh(tf.add(xn, tf.mul(r, hn)));
        return tf.add(n, tf.mul(z, tf.sub(previous, n))) as tf.Tensor2D;
      });
      outputs.push(h);
    }
    return { outputs: tf.stack(outputs) as tf.Tensor3D, finalH: h, finalC: h };
  });
}
