// The native kernels for a test, or undefined where the addon was not built. CI installs a
// compiler and OpenBLAS, so under CI a failure to load is the test's failure.
import { loadNativeKernels, type NativeKernels } from '../src/native-kernels.js';

export function loadKernelsForTest(threads: number): NativeKernels | undefined {
  try {
    return loadNativeKernels({ threads });
  } catch (error) {
    if (process.env['CI'] !== undefined && process.env['CI'] !== '') throw error;
    return undefined;
  }
}
