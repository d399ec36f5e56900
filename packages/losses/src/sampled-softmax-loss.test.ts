import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { BprLogLoss } from './bpr-log-loss.js';
import { SampledSoftmaxLoss } from './sampled-softmax-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('SampledSoftmaxLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // Row 0: log(e¹ + e^0.5 + e⁻¹) - 1 = log(2.7182818 + 1.6487213 + 0.3678794) - 1
    //        = 1.5549569 - 1 = 0.5549569
    // Row 1: log(e⁰ + e¹ + e^-0.5) - 0 = log(1 + 2.7182818 + 0.6065307) = 1.4643688
    // Row 2 is masked. Mean: (0.5549569 + 1.4643688) / 2 = 1.0096629.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new SampledSoftmaxLoss(context))).toBeCloseTo(1.0096629, 5);
  });

  it('equals BPR-log with one negative', () => {
    // log(e^p + e^n) - p = log(1 + e^(n - p)) = softplus(n - p).
    const one = { numItems: 11, numNegatives: 1 };
    const scores = [
      [0.3, -2, 4],
      [[1.2], [-2.5], [0]],
      [1, 1, 1],
    ] as const;
    expect(lossValue(new SampledSoftmaxLoss(one), ...scores)).toBeCloseTo(
      lossValue(new BprLogLoss(one), ...scores),
      6,
    );
  });

  it('stays finite for scores far apart', () => {
    expect(lossValue(new SampledSoftmaxLoss(context), [-500], [[500, 0]], [1])).toBeCloseTo(
      1000,
      2,
    );
  });
});
