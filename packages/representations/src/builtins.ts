import type { RepresentationFactory } from './registry.js';

/**
 * The representations seqrec ships, by registry name. Each entry forwards the options to
 * the class, which validates them.
 *
 * @internal
 */
export const BUILTIN_REPRESENTATIONS: Readonly<Record<string, RepresentationFactory>> = {
  // Each representation adds its line here, e.g.
  // pooling: (context, options) => new PoolingRepresentation(context, options),
};
