/**
 * Registers tfjs-core's gradient functions with the engine, for a program that imports
 * `@tensorflow/tfjs-core` alone and needs `tf.grad`. The package's main entry imports it
 * already, so importing `@seqrec/backend` is enough; import this subpath to get only the
 * gradients.
 *
 * @example
 * ```ts
 * import * as tf from '@tensorflow/tfjs-core';
 * import '@seqrec/backend/register-gradients';
 * import { selectBackend } from '@seqrec/backend';
 *
 * await selectBackend({ backend: 'cpu' });
 * const slope = tf.grad((x: tf.Tensor) => tf.square(x))(tf.scalar(3));
 * console.assert(slope.dataSync()[0] === 6);
 * ```
 *
 * @packageDocumentation
 */
// Registers tfjs-core's gradient functions, which tfjs-core alone leaves unregistered.
// The build replaces the compiled form of this file with a bundle Node can load (see
// scripts/bundle-gradients.mjs); tests load the sources through Vite, which resolves
// tfjs-core's extension-less imports itself.
// The main entry loads first: the gradient modules reuse the Tensor class that tfjs-core
// keeps on the global object, and only the main entry equips that class with its ops.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
