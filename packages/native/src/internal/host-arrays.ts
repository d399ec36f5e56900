import * as tf from '@tensorflow/tfjs-core';

import type { BufferPool } from './buffer-pool.js';

/** The two methods of tfjs-backend-wasm's backend class used here (public in 4.22). */
interface WasmHeap {
  typedArrayFromHeap(info: tf.TensorInfo): Float32Array | Int32Array;
  dataIdMap: { has(dataId: object): boolean };
}

/**
 * Host arrays for the native ops, with as few fresh allocations and copies as the backend
 * allows: a training step moves about ten arrays of 6 MB between tfjs and the addon, and
 * allocating each anew cost more than copying it (page faults, then garbage collection).
 *
 * - On wasm, a tensor's values are read where they lie in the wasm heap ({@link peek}), or
 *   copied once into a pooled array when they must outlive the next tfjs call
 *   ({@link keep}); a new tensor copies its values into the heap, so the array goes back to
 *   the pool at once ({@link tensor}).
 * - On other backends the backend's own arrays are read and new tensors keep the arrays they
 *   are given, so those never return to the pool.
 *
 * Limitation: reading the wasm heap uses tfjs-backend-wasm's `typedArrayFromHeap`, outside
 * tfjs's documented API (tfjs is pinned to 4.22.0; the ops are tested on wasm and cpu).
 *
 * @internal
 */
export class HostArrays {
  readonly #pool: BufferPool;
  readonly #pooled = new WeakSet<Float32Array>();

  constructor(pool: BufferPool) {
    this.#pool = pool;
  }

  /** A pooled array of `length` floats with unspecified contents. */
  take(length: number): Float32Array {
    const array = this.#pool.take(length);
    this.#pooled.add(array);
    return array;
  }

  /** A pooled array of `length` zeros. */
  zeros(length: number): Float32Array {
    return this.take(length).fill(0);
  }

  /**
   * The tensor's values, valid only until the next tfjs call (which may move the wasm heap).
   * Read it, never write it.
   */
  peek<T extends Float32Array | Int32Array>(tensor: tf.Tensor): T {
    const heap = this.#heap(tensor);
    return (heap === undefined ? tensor.dataSync() : heap.typedArrayFromHeap(tensor)) as T;
  }

  /** The tensor's float32 values in an array that stays valid until {@link release}d. */
  keep(tensor: tf.Tensor): Float32Array {
    const heap = this.#heap(tensor);
    if (heap === undefined) return tensor.dataSync() as Float32Array;
    const copy = this.take(tensor.size);
    copy.set(heap.typedArrayFromHeap(tensor));
    return copy;
  }

  /** A float32 tensor of `values`, which the caller must not use afterwards. */
  tensor<R extends tf.Rank>(values: Float32Array, shape: tf.ShapeMap[R]): tf.Tensor<R> {
    const tensor = tf.tensor(values, shape, 'float32') as tf.Tensor<R>;
    // wasm copied the values into its heap; other backends keep the array itself.
    if (tf.getBackend() === 'wasm') this.release(values);
    return tensor;
  }

  /** Gives pooled arrays back; arrays from elsewhere are left alone. */
  release(...arrays: Float32Array[]): void {
    for (const array of arrays) {
      if (!this.#pooled.delete(array)) continue;
      this.#pool.give(array);
    }
  }

  #heap(tensor: tf.Tensor): WasmHeap | undefined {
    if (tf.getBackend() !== 'wasm') return undefined;
    const backend = tf.backend() as unknown as WasmHeap;
    // Data still held by another backend is read (and moved) the ordinary way.
    return backend.dataIdMap.has(tensor.dataId) ? backend : undefined;
  }
}
