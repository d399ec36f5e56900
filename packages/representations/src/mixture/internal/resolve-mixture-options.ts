import { readOptions, requirePositiveInteger } from '../../internal/check-options.js';

/** `MixtureRepresentationOptions` with every default filled in. @internal */
export interface ResolvedMixtureOptions {
  readonly numComponents: number;
}

const KNOWN = ['numComponents'] as const;

/**
 * Checks the options of `MixtureRepresentation` once, at construction, and fills in the
 * defaults.
 *
 * @throws TypeError if `options` is not an object.
 * @throws RangeError for an unknown key or a `numComponents` that is not a positive integer.
 * @internal
 */
export function resolveMixtureOptions(options: unknown): ResolvedMixtureOptions {
  const given = readOptions('MixtureRepresentation', options, KNOWN);
  const numComponents = requirePositiveInteger(
    'MixtureRepresentation',
    'numComponents',
    given.numComponents ?? 4,
  );
  return { numComponents };
}
