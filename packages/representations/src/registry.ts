import { describeValue } from '@seqrec/interactions';

import { BUILTIN_REPRESENTATIONS } from './builtins.js';
import type { RepresentationContext, SequenceRepresentation } from './sequence-representation.js';

/**
 * Builds a representation from the shared context and its options (a plain JSON object,
 * validated by the representation itself).
 *
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import {
 *   LstmRepresentation,
 *   createRepresentation,
 *   registerRepresentation,
 *   type RepresentationFactory,
 * } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * // A factory receives the shared item tables and checks its own options.
 * const plainLstm: RepresentationFactory = (context, options) => {
 *   if (Object.keys(options).length > 0) throw new TypeError('plain-lstm takes no options');
 *   return new LstmRepresentation(context);
 * };
 * registerRepresentation('plain-lstm', plainLstm);
 * const built = createRepresentation('plain-lstm', {
 *   numItems: 5,
 *   embeddingDim: 3,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 5, dim: 3 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 5, dim: 1 }),
 *   seed: 0,
 * });
 * console.assert(built instanceof LstmRepresentation);
 * ```
 */
export type RepresentationFactory = (
  context: RepresentationContext,
  options: Readonly<Record<string, unknown>>,
) => SequenceRepresentation;

const registry = new Map<string, RepresentationFactory>(Object.entries(BUILTIN_REPRESENTATIONS));

/**
 * Makes a representation available by name to {@link createRepresentation}, and so to the
 * trainer, the command line and model loading. This is how a plugin package adds its own.
 *
 * @param options - `replace: true` allows replacing an existing name (default false).
 * @throws RangeError if the name is not a lower-case identifier (letters, digits, `-`, `_`,
 *   `.`, `/`, `@`) or is taken and `replace` is not set.
 * @example
 * ```ts
 * import { PoolingRepresentation, registerRepresentation, listRepresentations } from '@seqrec/representations';
 *
 * registerRepresentation('my-pooling', (context, options) => new PoolingRepresentation(context, options));
 * console.assert(listRepresentations().includes('my-pooling'));
 * ```
 */
export function registerRepresentation(
  name: string,
  factory: RepresentationFactory,
  options: { readonly replace?: boolean } = {},
): void {
  if (typeof name !== 'string' || !/^[a-z0-9@][a-z0-9._/@-]*$/.test(name)) {
    throw new RangeError(
      'registerRepresentation: name must be a lower-case identifier (a-z, 0-9, ., _, -, /, @); ' +
        `got ${describeValue(name)}.`,
    );
  }
  if (typeof factory !== 'function') {
    throw new TypeError(
      `registerRepresentation: factory must be a function; got ${describeValue(factory)}.`,
    );
  }
  if (registry.has(name) && options.replace !== true) {
    throw new RangeError(
      `registerRepresentation: name must not be registered already; got ${describeValue(name)}. ` +
        'Hint: pass { replace: true } to replace it.',
    );
  }
  registry.set(name, factory);
}

/**
 * Builds the representation registered under `name`.
 *
 * @throws RangeError if no representation has that name (the message lists those that do),
 *   or whatever the representation throws for bad options.
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 * import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
 * import { createRepresentation } from '@seqrec/representations';
 *
 * await selectBackend({ backend: 'cpu' });
 * const representation = createRepresentation('pooling', {
 *   numItems: 10,
 *   embeddingDim: 8,
 *   itemEmbedding: new ScaledEmbedding({ numEmbeddings: 10, dim: 8, seed: 0 }),
 *   itemBias: new ZeroEmbedding({ numEmbeddings: 10, dim: 1 }),
 *   seed: 0,
 * });
 * console.assert(representation.config.name === 'pooling');
 * ```
 */
export function createRepresentation(
  name: string,
  context: RepresentationContext,
  options: Readonly<Record<string, unknown>> = {},
): SequenceRepresentation {
  const factory = registry.get(name);
  if (factory === undefined) {
    throw new RangeError(
      `createRepresentation: name must be a registered representation ` +
        `(${listRepresentations().join(', ')}); got ${describeValue(name)}. ` +
        'Hint: a plugin registers its own with registerRepresentation.',
    );
  }
  return factory(context, options);
}

/**
 * Names of all registered representations, built-in ones first.
 *
 * @example
 * ```ts
 * import { listRepresentations } from '@seqrec/representations';
 *
 * console.assert(listRepresentations().includes('mlstm'));
 * ```
 */
export function listRepresentations(): string[] {
  return [...registry.keys()];
}
