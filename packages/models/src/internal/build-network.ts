import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
import { createLoss, type Loss } from '@seqrec/losses';
import {
  createRepresentation,
  type RepresentationContext,
  type SequenceRepresentation,
} from '@seqrec/representations';

import { createSampler } from '../samplers/create-sampler.js';
import type { NegativeSampler } from '../samplers/negative-sampler.js';
import type { ResolvedModelOptions } from '../model-options.js';

/** The parts a model trains, built once the item space is known. */
export interface Network {
  readonly representation: SequenceRepresentation;
  readonly loss: Loss;
  readonly sampler: NegativeSampler;
}

/**
 * Builds the representation (with fresh item tables unless an instance brought its own),
 * the loss and the sampler for an item space of `numItems` ids.
 */
export function buildNetwork(options: ResolvedModelOptions, numItems: number): Network {
  const { representation: choice, seed } = options;
  let representation: SequenceRepresentation;
  if (typeof choice === 'object') {
    representation = choice;
    if (representation.context.numItems !== numItems) {
      throw new RangeError(
        `ImplicitSequenceModel: representation must be built for the data's numItems ` +
          `(${String(numItems)}); got one built for ${String(representation.context.numItems)}.`,
      );
    }
  } else {
    const context: RepresentationContext = {
      numItems,
      embeddingDim: options.embeddingDim,
      itemEmbedding: new ScaledEmbedding({
        numEmbeddings: numItems,
        dim: options.embeddingDim,
        seed,
        name: 'item_embedding',
      }),
      itemBias: new ZeroEmbedding({ numEmbeddings: numItems, dim: 1, name: 'item_bias' }),
      seed: seed + 1,
    };
    representation =
      typeof choice === 'string'
        ? createRepresentation(choice, context, options.representationOptions)
        : choice(context, options.representationOptions);
  }

  const loss =
    typeof options.loss === 'string'
      ? createLoss(
          options.loss,
          { numItems, numNegatives: options.numNegativeSamples },
          options.lossOptions,
        )
      : options.loss;
  const sampler =
    typeof options.negativeSampler === 'string'
      ? createSampler(options.negativeSampler, { exponent: options.popularityExponent })
      : options.negativeSampler;
  return { representation, loss, sampler };
}
