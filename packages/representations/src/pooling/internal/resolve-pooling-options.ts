import { readOptions, requireBoolean } from '../../internal/check-options.js';

/** `PoolingRepresentationOptions` with every default filled in. @internal */
export interface ResolvedPoolingOptions {
  readonly exactMean: boolean;
}

const KNOWN = ['exactMean'] as const;

/**
 * Checks the options of `PoolingRepresentation` once, at construction, and fills in the
 * defaults.
 *
 * @throws TypeError if `options` is not an object or `exactMean` is not a boolean.
 * @throws RangeError for an unknown key.
 * @internal
 */
export function resolvePoolingOptions(options: unknown): ResolvedPoolingOptions {
  const given = readOptions('PoolingRepresentation', options, KNOWN);
  const exactMean = requireBoolean('PoolingRepresentation', 'exactMean', given.exactMean ?? false);
  return { exactMean };
}
