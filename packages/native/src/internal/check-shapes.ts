import type * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

/** One tensor argument and the shape and dtype it must have. */
export interface ShapeRule {
  readonly name: string;
  readonly tensor: unknown;
  readonly shape: readonly number[];
  readonly dtype?: 'float32' | 'int32';
}

/**
 * Checks each argument of a native op before any value reaches the addon, so that a wrong
 * shape is named by its tensor (the addon itself would only see a buffer of the wrong length).
 *
 * @throws TypeError naming the first argument that is not a tensor of the right dtype.
 * @throws RangeError naming the first argument of the wrong shape, with both shapes.
 * @internal
 */
export function checkShapes(api: string, rules: readonly ShapeRule[]): void {
  for (const { name, tensor, shape, dtype = 'float32' } of rules) {
    const t = tensor as Partial<tf.Tensor> | null;
    if (typeof t !== 'object' || t === null || !Array.isArray(t.shape)) {
      throw new TypeError(`${api}: ${name} must be a tensor; got ${describeValue(tensor)}.`);
    }
    if (t.dtype !== dtype) {
      throw new TypeError(`${api}: ${name} must be ${dtype}; got ${String(t.dtype)}.`);
    }
    const same = t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]);
    if (!same) {
      throw new RangeError(
        `${api}: ${name} must have shape [${shape.join(', ')}]; got [${t.shape.join(', ')}].`,
      );
    }
  }
}

/**
 * The sizes of a rank-`rank` tensor whose every dimension is at least 1, for reading the
 * shapes the other arguments are checked against.
 *
 * @throws TypeError or RangeError naming `name` otherwise.
 * @internal
 */
export function dimensions(api: string, name: string, tensor: unknown, rank: number): number[] {
  const t = tensor as Partial<tf.Tensor> | null;
  if (typeof t !== 'object' || t === null || !Array.isArray(t.shape)) {
    throw new TypeError(`${api}: ${name} must be a tensor; got ${describeValue(tensor)}.`);
  }
  if (t.shape.length !== rank || t.shape.some((d) => d < 1)) {
    throw new RangeError(
      `${api}: ${name} must be a rank-${String(rank)} tensor with no empty dimension; ` +
        `got shape [${t.shape.join(', ')}].`,
    );
  }
  return [...t.shape];
}

/**
 * Steps, batch, input width and hidden size of a recurrent layer call, read from `inputs`
 * [T, batch, D] and `h0` [batch, H], with `inputs` checked as float32.
 *
 * @internal
 */
export function layerDimensions(
  api: string,
  inputs: unknown,
  h0: unknown,
): [steps: number, batch: number, dim: number, hidden: number] {
  const [steps, batch, dim] = dimensions(api, 'inputs', inputs, 3) as [number, number, number];
  const hidden = dimensions(api, 'h0', h0, 2)[1] as number;
  checkShapes(api, [{ name: 'inputs', tensor: inputs, shape: [steps, batch, dim] }]);
  return [steps, batch, dim, hidden];
}
