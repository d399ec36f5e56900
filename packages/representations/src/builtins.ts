import { CnnRepresentation } from './cnn/cnn-representation.js';
import { MixtureRepresentation } from './mixture/mixture-representation.js';
import { PoolingRepresentation } from './pooling/pooling-representation.js';
import type { RepresentationFactory } from './registry.js';

/**
 * The representations seqrec ships, by registry name. Each entry forwards the options to
 * the class, which validates them.
 *
 * @internal
 */
export const BUILTIN_REPRESENTATIONS: Readonly<Record<string, RepresentationFactory>> = {
  // Each representation adds its line here.
  pooling: (context, options) => new PoolingRepresentation(context, options),
  cnn: (context, options) => new CnnRepresentation(context, options),
  mixture: (context, options) => new MixtureRepresentation(context, options),
};
