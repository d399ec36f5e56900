import { describeValue } from '@seqrec/interactions';

import {
  readOptions,
  requireBoolean,
  requireChoice,
  requirePositiveInteger,
} from '../../internal/check-options.js';
import type { CnnNonlinearity } from '../cnn-representation.js';

/** `CnnRepresentationOptions` with every default filled in, one entry per layer. @internal */
export interface ResolvedCnnOptions {
  readonly kernelWidth: readonly number[];
  readonly dilation: readonly number[];
  readonly numLayers: number;
  readonly residual: boolean;
  readonly nonlinearity: CnnNonlinearity;
}

const API = 'CnnRepresentation';
const KNOWN = ['kernelWidth', 'dilation', 'numLayers', 'residual', 'nonlinearity'] as const;
const NONLINEARITIES: readonly CnnNonlinearity[] = ['tanh', 'relu'];

/**
 * Checks the options of `CnnRepresentation` once, at construction, and fills in the
 * defaults. `numLayers` defaults to the length of a per-layer array, else 1.
 *
 * @throws TypeError if `options` is not an object or `residual` is not a boolean.
 * @throws RangeError for an unknown key, a size that is not a positive integer, a per-layer
 *   array whose length is not `numLayers`, or an unknown nonlinearity.
 * @internal
 */
export function resolveCnnOptions(options: unknown): ResolvedCnnOptions {
  const given = readOptions(API, options, KNOWN);
  const lengths = [given.kernelWidth, given.dilation].flatMap((v) =>
    Array.isArray(v) ? [v.length] : [],
  );
  const numLayers = requirePositiveInteger(API, 'numLayers', given.numLayers ?? lengths[0] ?? 1);

  return {
    kernelWidth: perLayer('kernelWidth', given.kernelWidth ?? 3, numLayers),
    dilation: perLayer('dilation', given.dilation ?? 1, numLayers),
    numLayers,
    residual: requireBoolean(API, 'residual', given.residual ?? true),
    nonlinearity: requireChoice(API, 'nonlinearity', given.nonlinearity ?? 'tanh', NONLINEARITIES),
  };
}

function perLayer(name: string, value: unknown, numLayers: number): readonly number[] {
  if (!Array.isArray(value)) {
    return new Array<number>(numLayers).fill(requirePositiveInteger(API, name, value));
  }
  if (value.length !== numLayers) {
    throw new RangeError(
      `${API}: ${name} must be a number or an array of one per layer (${String(numLayers)}); ` +
        `got ${describeValue(value)}.`,
    );
  }
  return value.map((v: unknown, i) => requirePositiveInteger(API, `${name}[${String(i)}]`, v));
}
