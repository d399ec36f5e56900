import './register-gradients.js';

export {
  BACKEND_ENV_VAR,
  BACKEND_NAMES,
  type BackendChoice,
  type BackendName,
} from './backend-name.js';
export {
  selectBackend,
  type BackendSelection,
  type SelectBackendOptions,
} from './select-backend.js';
export { installWasmMatMulKernel } from './wasm-matmul-kernel.js';
export { installWasmSliceKernel } from './wasm-slice-kernel.js';
