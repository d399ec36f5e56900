export type { NativeInfo } from './native-info.js';
export {
  loadNativeKernels,
  NATIVE_THREADS_ENV_VAR,
  type NativeKernels,
  type NativeKernelsOptions,
} from './native-kernels.js';
