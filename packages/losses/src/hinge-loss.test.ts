import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { HingeLoss } from './hinge-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('HingeLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // Row 0: (max(0, 1 + 0.5 - 1) + max(0, 1 - 1 - 1)) / 2 = (0.5 + 0) / 2 = 0.25
    // Row 1: (max(0, 1 + 1 - 0) + max(0, 1 - 0.5 - 0)) / 2 = (2 + 0.5) / 2 = 1.25
    // Row 2 is masked. Mean: (0.25 + 1.25) / 2 = 0.75.
    expect(handValue(new HingeLoss(context))).toBeCloseTo(0.75, 6);
  });

  it('is zero once every negative is a margin below the positive', () => {
    expect(lossValue(new HingeLoss(context), [2], [[0.9, -4]], [1])).toBe(0);
  });
});
