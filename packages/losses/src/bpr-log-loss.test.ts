import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { BprLogLoss } from './bpr-log-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('BprLogLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // -log σ(pos - neg) = softplus(neg - pos).
    // Row 0: (softplus(0.5 - 1) + softplus(-1 - 1)) / 2 = (0.4740770 + 0.1269280) / 2
    //        = 0.3005025
    // Row 1: (softplus(1 - 0) + softplus(-0.5 - 0)) / 2 = (1.3132617 + 0.4740770) / 2
    //        = 0.8936693
    // Row 2 is masked. Mean: (0.3005025 + 0.8936693) / 2 = 0.5970859.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new BprLogLoss(context))).toBeCloseTo(0.5970859, 5);
  });

  it('grows linearly, without overflow, for confident mistakes', () => {
    expect(lossValue(new BprLogLoss(context), [-200], [[200]], [1])).toBeCloseTo(400, 3);
  });
});
