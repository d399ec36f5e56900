/**
 * Which recurrent-layer kernels a model trains and scores with (see `SequenceKernels` in
 * `@seqrec/representations`): `'native'` (C and OpenBLAS from `@seqrec/native`, when it was
 * built at install), `'host'` (JavaScript gates with products on the tfjs backend), `'plain'`
 * (plain tfjs ops, every kernel on the backend), or `'auto'`: `'plain'` on the tfjs-node
 * (`tensorflow`) backend, else `'native'` when it loads, else `'host'`.
 *
 * @example
 * ```ts
 * import type { KernelsChoice } from '@seqrec/models';
 *
 * const choice: KernelsChoice = 'auto';
 * console.assert(choice === 'auto');
 * ```
 */
export type KernelsChoice = 'auto' | 'native' | 'host' | 'plain';

/**
 * Every {@link KernelsChoice} but `'auto'`, in the order `'auto'` prefers them on cpu and wasm.
 *
 * @example
 * ```ts
 * import { KERNELS_NAMES } from '@seqrec/models';
 *
 * console.assert(KERNELS_NAMES.join() === 'native,host,plain');
 * ```
 */
export const KERNELS_NAMES = ['native', 'host', 'plain'] as const;

/**
 * The environment variable read when a model's `kernels` option is not given.
 *
 * @example
 * ```ts
 * import { KERNELS_ENV_VAR } from '@seqrec/models';
 *
 * // SEQREC_KERNELS=host pnpm seqrec train … trains without the native kernels.
 * console.assert(KERNELS_ENV_VAR === 'SEQREC_KERNELS');
 * ```
 */
export const KERNELS_ENV_VAR = 'SEQREC_KERNELS';
