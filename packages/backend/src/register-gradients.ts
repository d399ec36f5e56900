// Registers tfjs-core's gradient functions, which tfjs-core alone leaves unregistered.
// The build replaces the compiled form of this file with a bundle Node can load (see
// scripts/bundle-gradients.mjs); tests load the sources through Vite, which resolves
// tfjs-core's extension-less imports itself.
import '@tensorflow/tfjs-core/dist/register_all_gradients.js';
