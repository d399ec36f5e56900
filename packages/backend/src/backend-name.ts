/**
 * The TensorFlow.js backends seqrec can run on, fastest first: `tensorflow` (the native
 * library behind `@tensorflow/tfjs-node-gpu` or `@tensorflow/tfjs-node`), `wasm` (SIMD
 * WebAssembly) and `cpu` (plain JavaScript).
 *
 * @example
 * ```ts
 * import { BACKEND_NAMES } from '@seqrec/backend';
 *
 * console.assert(BACKEND_NAMES.join() === 'tensorflow,wasm,cpu');
 * ```
 */
export const BACKEND_NAMES = ['tensorflow', 'wasm', 'cpu'] as const;

/**
 * One of {@link BACKEND_NAMES}.
 *
 * @example
 * ```ts
 * import type { BackendName } from '@seqrec/backend';
 *
 * const slowest: BackendName = 'cpu';
 * console.assert(slowest === 'cpu');
 * ```
 */
export type BackendName = (typeof BACKEND_NAMES)[number];

/**
 * A backend to use, or `'auto'` for the fastest one that loads.
 *
 * @example
 * ```ts
 * import { selectBackend, type BackendChoice } from '@seqrec/backend';
 *
 * const choice: BackendChoice = 'auto';
 * const { name } = await selectBackend({ backend: choice });
 * console.assert(name === 'wasm' || name === 'tensorflow' || name === 'cpu');
 * ```
 */
export type BackendChoice = BackendName | 'auto';

/**
 * The environment variable that forces a backend when no option does, e.g.
 * `SEQREC_BACKEND=cpu`.
 *
 * @example
 * ```ts
 * import { BACKEND_ENV_VAR } from '@seqrec/backend';
 *
 * console.assert(BACKEND_ENV_VAR === 'SEQREC_BACKEND');
 * ```
 */
export const BACKEND_ENV_VAR = 'SEQREC_BACKEND';
