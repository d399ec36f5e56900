import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';
import {
  unpackRecurrentStates,
  type MlstmEmit,
  type MlstmLayerWeights,
  type RecurrentSequence,
} from '@seqrec/representations';

import { checkShapes, layerDimensions } from './check-shapes.js';
import type { HostArrays } from './host-arrays.js';
import type { NativeAddon } from './native-addon.js';
import { nativeMlstmGrad } from './native-mlstm-grad.js';
import { packStates, type TraceState } from './native-trace.js';

/**
 * What an mLSTM forward pass keeps for {@link nativeMlstmGrad}: its shapes and output, the
 * inputs and weights read back once, and pooled arrays of every step's projections, factors,
 * products, gate activations and states (see csrc/kernels.h, `sr_mlstm`).
 *
 * @internal
 */
export interface NativeMlstmTrace extends TraceState {
  readonly shape: readonly [steps: number, batch: number, dim: number, hidden: number];
  readonly emit: MlstmEmit;
  readonly withBias: boolean;
  readonly x: Float32Array;
  readonly weightX: Float32Array;
  readonly weightHh: Float32Array;
  readonly weightMh: Float32Array;
  readonly projected: Float32Array;
  readonly factors: Float32Array;
  readonly products: Float32Array;
  readonly gates: Float32Array;
  readonly cells: Float32Array;
  readonly cellTanh: Float32Array;
  readonly hiddens: Float32Array;
}

type Inputs = [tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor, tf.Tensor];

/**
 * A multiplicative LSTM layer on the addon, as one differentiable op (see `nativeLstm`):
 * emits `h_t` or `c_t` per step as `emit` says. The backward pass is {@link nativeMlstmGrad}.
 *
 * @throws TypeError or RangeError naming an argument of the wrong dtype or shape, or a bad
 *   `emit`.
 * @internal
 */
export function nativeMlstm(
  addon: NativeAddon,
  arrays: HostArrays,
  inputs: tf.Tensor3D,
  weights: MlstmLayerWeights,
  h0: tf.Tensor2D,
  c0: tf.Tensor2D,
  emit: MlstmEmit,
): RecurrentSequence {
  const api = 'native mlstm';
  const shape = layerDimensions(api, inputs, h0);
  const [steps, batch, dim, hidden] = shape;
  const { weightX, biasX, weightHh, weightMh, biasMh } = weights;
  checkShapes(api, [
    { name: 'h0', tensor: h0, shape: [batch, hidden] },
    { name: 'c0', tensor: c0, shape: [batch, hidden] },
    { name: 'weightX', tensor: weightX, shape: [5 * hidden, dim] },
    { name: 'biasX', tensor: biasX, shape: [5 * hidden] },
    { name: 'weightHh', tensor: weightHh, shape: [4 * hidden, hidden] },
    { name: 'weightMh', tensor: weightMh, shape: [hidden, hidden] },
    ...(biasMh === null ? [] : [{ name: 'biasMh', tensor: biasMh, shape: [hidden] }]),
  ]);
  if (emit !== 'hidden' && emit !== 'cell') {
    throw new RangeError(`${api}: emit must be 'hidden' or 'cell'; got ${describeValue(emit)}.`);
  }
  const size = batch * hidden;

  const op = tf.customGrad((...args) => {
    const [x, wX, bX, wHh, wMh, h, c] = args.slice(0, 7) as Inputs;
    const bMh = biasMh === null ? undefined : (args[7] as tf.Tensor);
    const trace: NativeMlstmTrace = {
      spent: false,
      shape,
      emit,
      withBias: bMh !== undefined,
      x: arrays.keep(x),
      weightX: arrays.keep(wX),
      weightHh: arrays.keep(wHh),
      weightMh: arrays.keep(wMh),
      projected: arrays.take(steps * 5 * size),
      factors: arrays.take(steps * size),
      products: arrays.take(steps * size),
      gates: arrays.take(steps * 4 * size),
      cells: arrays.take((steps + 1) * size),
      cellTanh: arrays.take(steps * size),
      hiddens: arrays.take((steps + 1) * size),
    };
    trace.hiddens.set(arrays.peek(h));
    trace.cells.set(arrays.peek(c));
    addon.mlstmForward(
      ...shape,
      trace.x,
      trace.weightX,
      arrays.peek(bX),
      trace.weightHh,
      trace.weightMh,
      bMh === undefined ? null : arrays.peek<Float32Array>(bMh),
      trace.projected,
      trace.factors,
      trace.products,
      trace.gates,
      trace.cells,
      trace.cellTanh,
      trace.hiddens,
    );
    const [emitted, other] =
      emit === 'hidden' ? [trace.hiddens, trace.cells] : [trace.cells, trace.hiddens];
    return {
      value: packStates(arrays, emitted, other, [steps, batch, hidden]),
      gradFunc: (dy: tf.Tensor) => nativeMlstmGrad(addon, arrays, trace, dy),
    };
  });

  const all = [inputs, weightX, biasX, weightHh, weightMh, h0, c0];
  const packed = op(...(biasMh === null ? all : [...all, biasMh]));
  return unpackRecurrentStates(packed as tf.Tensor3D, emit);
}
