import * as tf from '@tensorflow/tfjs-core';

// Kernel attributes as tfjs passes them: a record, read here by name.
type KernelAttrs = Record<string, unknown>;

let installed = false;

/**
 * Replaces the wasm backend's `BatchMatMul` kernel with one that never multiplies a
 * transposed operand: it transposes that operand with the wasm `Transpose` kernel first and
 * then runs the stock kernel in its plain form.
 *
 * Why: the stock wasm kernel is about ten times slower when `transposeA` or `transposeB` is
 * set (0.22 s against 0.023 s for [256, 72] · [12101, 72]ᵀ, measured), and those are the
 * forms that full-catalogue scoring (`states · tableᵀ`) and every matMul gradient use. The
 * extra transpose costs a few milliseconds. Only public kernel-registry calls are used
 * (`getKernel`, `unregisterKernel`, `registerKernel`) and the stock kernel still does the
 * multiply, so the replacement depends on no backend internals; its results are tested
 * against the `cpu` backend. Called by {@link selectBackend} when it activates `wasm`;
 * calling it again does nothing.
 *
 * @returns `true` if the kernel was replaced by this call, `false` if it already was.
 * @throws Error if the wasm backend has not registered its kernels yet.
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import { installWasmMatMulKernel, selectBackend } from '@seqrec/backend';
 *
 * await selectBackend({ backend: 'wasm' }); // installs it already
 * console.assert(installWasmMatMulKernel() === false);
 * const product = tf.matMul(tf.ones([2, 3]), tf.ones([4, 3]), false, true);
 * console.assert(product.shape.join() === '2,4');
 * ```
 */
export function installWasmMatMulKernel(): boolean {
  if (installed) return false;
  const stock = tf.getKernel('BatchMatMul', 'wasm');
  const transpose = tf.getKernel('Transpose', 'wasm');
  if (stock === undefined || transpose === undefined) {
    throw new Error(
      'installWasmMatMulKernel: the wasm backend must be registered first; ' +
        'got no wasm BatchMatMul or Transpose kernel. Hint: import @tensorflow/tfjs-backend-wasm.',
    );
  }
  const stockMatMul = stock.kernelFunc;
  const transposeKernel = transpose.kernelFunc;

  const kernelFunc: tf.KernelFunc = ({ inputs, backend, attrs }) => {
    const attributes = (attrs ?? {}) as KernelAttrs & tf.NamedAttrMap;
    const transposeA = attributes['transposeA'] === true;
    const transposeB = attributes['transposeB'] === true;
    if (!transposeA && !transposeB) return stockMatMul({ inputs, backend, attrs: attributes });

    const made: tf.TensorInfo[] = [];
    const swapLastTwo = (x: tf.TensorInfo): tf.TensorInfo => {
      const rank = x.shape.length;
      const perm = [...Array.from({ length: rank - 2 }, (_, i) => i), rank - 1, rank - 2];
      const result = transposeKernel({ inputs: { x }, backend, attrs: { perm } });
      made.push(result as tf.TensorInfo);
      return result as tf.TensorInfo;
    };
    const a = inputs['a'] as tf.TensorInfo;
    const b = inputs['b'] as tf.TensorInfo;
    try {
      return stockMatMul({
        inputs: { a: transposeA ? swapLastTwo(a) : a, b: transposeB ? swapLastTwo(b) : b },
        backend,
        attrs: { ...attributes, transposeA: false, transposeB: false },
      });
    } finally {
      for (const info of made) (backend as tf.KernelBackend).disposeData(info.dataId);
    }
  };

  tf.unregisterKernel('BatchMatMul', 'wasm');
  tf.registerKernel({ ...stock, kernelFunc });
  installed = true;
  return true;
}
