import * as tf from '@tensorflow/tfjs-core';

/** The two methods of tfjs-backend-wasm's BackendWasm this kernel uses (public in 4.22). */
interface WasmHeapBackend {
  makeOutput(shape: number[], dtype: tf.DataType): tf.TensorInfo;
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array | Uint8Array;
}

let installed = false;

/**
 * Replaces the wasm backend's `Slice` kernel, for numeric tensors, with one that reads its
 * input where it lies in the wasm heap. The stock kernel first copies the whole input out of
 * the heap, so taking one row of a [101, 256, 64] tensor copied 6.6 MB (6 ms, measured); this
 * one copies only the slice: one block when the slice is contiguous, else one run per
 * innermost row. String tensors still go to the stock kernel.
 *
 * `selectBackend` installs it with the wasm backend. Returns whether it was installed now
 * (false when it already was).
 *
 * Limitation: it calls `makeOutput` and `typedArrayFromHeap` of tfjs-backend-wasm's backend
 * class, which are not part of tfjs's documented kernel API; tfjs is pinned to 4.22.0 and the
 * tests compare every slice form with the cpu backend.
 *
 * @throws Error if the wasm backend is not registered.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { installWasmSliceKernel, selectBackend } from '@seqrec/backend';
 *
 * await selectBackend({ backend: 'wasm' }); // installs it
 * console.assert(installWasmSliceKernel() === false);
 * const rows = tf.slice(tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]), [1, 0], [2, 2]);
 * console.assert(rows.dataSync().join() === '3,4,5,6');
 * ```
 */
export function installWasmSliceKernel(): boolean {
  if (installed) return false;
  const stock = tf.getKernel('Slice', 'wasm');
  if (stock === undefined) {
    throw new Error(
      'installWasmSliceKernel: the wasm backend must be registered first; got no wasm Slice ' +
        'kernel. Hint: import @tensorflow/tfjs-backend-wasm.',
    );
  }
  const stockSlice = stock.kernelFunc;

  const kernelFunc: tf.KernelFunc = (args) => {
    const x = args.inputs['x'] as tf.TensorInfo;
    if (x.dtype === 'string') return stockSlice(args);
    const attrs = args.attrs as unknown as { begin: number | number[]; size?: number | number[] };
    const [begin, size] = tf.slice_util.parseSliceParams(
      x as unknown as tf.Tensor,
      attrs.begin,
      attrs.size,
    ) as [number[], number[]];
    const backend = args.backend as unknown as WasmHeapBackend;
    // Made before the input's view is taken: a new output may grow the heap, which detaches
    // the views taken before it.
    const out = backend.makeOutput(size, x.dtype);
    const to = backend.typedArrayFromHeap(out);
    const from = backend.typedArrayFromHeap(x);
    copySlice(from, x.shape, begin, size, to);
    return out;
  };

  tf.unregisterKernel('Slice', 'wasm');
  tf.registerKernel({ ...stock, kernelFunc });
  installed = true;
  return true;
}

/** Copies the [begin, begin + size) block of a row-major `from` of `shape` into `to`. */
function copySlice(
  from: Float32Array | Int32Array | Uint8Array,
  shape: readonly number[],
  begin: readonly number[],
  size: readonly number[],
  to: Float32Array | Int32Array | Uint8Array,
): void {
  const rank = shape.length;
  const strides = tf.util.computeStrides([...shape]);
  if (rank === 0 || tf.slice_util.isSliceContinous([...shape], [...begin], [...size])) {
    const offset = rank === 0 ? 0 : tf.slice_util.computeFlatOffset([...begin], strides);
    to.set(from.subarray(offset, offset + to.length));
    return;
  }
  // One run of the innermost axis per index of the outer ones, in row-major order.
  const run = size[rank - 1] as number;
  const outer = size.slice(0, -1);
  const index = new Array<number>(rank - 1).fill(0);
  for (let written = 0; written < to.length; written += run) {
    let offset = begin[rank - 1] as number;
    for (let axis = 0; axis < rank - 1; axis++) {
      offset += ((begin[axis] as number) + (index[axis] as number)) * (strides[axis] as number);
    }
    to.set(from.subarray(offset, offset + run), written);
    for (let axis = rank - 2; axis >= 0; axis--) {
      index[axis] = (index[axis] as number) + 1;
      if ((index[axis] as number) < (outer[axis] as number)) break;
      index[axis] = 0;
    }
  }
}
