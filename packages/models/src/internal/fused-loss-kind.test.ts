import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { ScaledEmbedding, ZeroEmbedding } from '@seqrec/embeddings';
import { BprLoss, createLoss, type Loss } from '@seqrec/losses';
import {
  createRepresentation,
  LstmRepresentation,
  type RepresentationContext,
  type SequenceRepresentation,
} from '@seqrec/representations';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { fusedLossKind } from './fused-loss-kind.js';

const [NUM_ITEMS, DIM, NEGATIVES] = [12, 4, 3];
const lossContext = { numItems: NUM_ITEMS, numNegatives: NEGATIVES };

function context(): RepresentationContext {
  return {
    numItems: NUM_ITEMS,
    embeddingDim: DIM,
    itemEmbedding: new ScaledEmbedding({ numEmbeddings: NUM_ITEMS, dim: DIM, seed: 1 }),
    itemBias: new ZeroEmbedding({ numEmbeddings: NUM_ITEMS, dim: 1 }),
    seed: 2,
  };
}

/** An LSTM that scores in its own way, which a fused dot-product loss would bypass. */
class HalvedScores extends LstmRepresentation {
  override score(states: tf.Tensor2D, itemIds: tf.Tensor2D): tf.Tensor2D {
    return tf.tidy(() => tf.div(super.score(states, itemIds), 2));
  }
}

describe('fusedLossKind', () => {
  const built: SequenceRepresentation[] = [];
  const build = (make: (context: RepresentationContext) => SequenceRepresentation) => {
    const representation = make(context());
    built.push(representation);
    return representation;
  };

  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
  });
  afterAll(() => {
    for (const representation of built) {
      representation.dispose();
      representation.context.itemEmbedding.dispose();
      representation.context.itemBias.dispose();
    }
  });

  it('names each of the six built-in losses on a dot-product representation', () => {
    const lstm = build((c) => createRepresentation('lstm', c));
    for (const kind of ['adaptive-hinge', 'hinge', 'bpr', 'bpr-log', 'pointwise', 'logistic']) {
      expect(fusedLossKind(lstm, createLoss(kind, lossContext))).toBe(kind);
    }
    const pooling = build((c) => createRepresentation('pooling', c));
    expect(fusedLossKind(pooling, createLoss('hinge', lossContext))).toBe('hinge');
  });

  it('goes by class, so a subclass counts and a look-alike under a built-in name does not', () => {
    const lstm = build((c) => createRepresentation('lstm', c));
    class LoudBpr extends BprLoss {}
    expect(fusedLossKind(lstm, new LoudBpr(lossContext))).toBe('bpr');
    const lookAlike: Loss = {
      name: 'bpr',
      compute: (p, n, m) => new BprLoss(lossContext).compute(p, n, m),
    };
    expect(fusedLossKind(lstm, lookAlike)).toBeUndefined();
  });

  it('is undefined for the other losses', () => {
    const lstm = build((c) => createRepresentation('lstm', c));
    expect(fusedLossKind(lstm, createLoss('sampled-softmax', lossContext))).toBeUndefined();
    expect(fusedLossKind(lstm, createLoss('gbce', lossContext))).toBeUndefined();
  });

  it('is undefined for a representation that scores in its own way', () => {
    const halved = build((c) => new HalvedScores(c));
    expect(fusedLossKind(halved, createLoss('bpr', lossContext))).toBeUndefined();
    // The mixture weighs several taste vectors per item: no single dot product to fuse.
    const mixture = build((c) => createRepresentation('mixture', c));
    expect(fusedLossKind(mixture, createLoss('bpr', lossContext))).toBeUndefined();
  });
});
