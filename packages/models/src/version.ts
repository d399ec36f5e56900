/**
 * The version of `@seqrec/models`, written into saved models' manifests. A test keeps it
 * equal to the `version` of this package's package.json.
 *
 * @example
 * ```ts
 * import { MODELS_VERSION } from '@seqrec/models';
 *
 * console.assert(/^\d+\.\d+\.\d+/.test(MODELS_VERSION));
 * ```
 */
export const MODELS_VERSION = '0.1.0';
