// Registers tfjs-core's gradient functions, which tfjs-core alone leaves unregistered.
// The build replaces the compiled form of this file with a bundle Node can load (see
// scripts/bundle-gradients.mjs); tests load the sources through Vite, which resolves
// tfjs-core's extension-less imports itself.
// The main entry loads first: the gradient modules reuse the Tensor class that tfjs-core
// keeps on the global object, and only the main entry equips that class with its ops.
import '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
