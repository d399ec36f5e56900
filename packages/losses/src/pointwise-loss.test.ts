import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, expect, it } from 'vitest';

import { handValue, lossValue } from '../test/helpers.js';
import { PointwiseLoss } from './pointwise-loss.js';

const context = { numItems: 11, numNegatives: 2 };

describe.each(['cpu', 'wasm'] as const)('PointwiseLoss on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it('computes the hand-worked value', () => {
    // Row 0: (1 - σ(1)) + (σ(0.5) + σ(-1)) / 2 = 0.2689414 + (0.6224593 + 0.2689414) / 2
    //        = 0.7146418
    // Row 1: (1 - σ(0)) + (σ(1) + σ(-0.5)) / 2 = 0.5 + (0.7310586 + 0.3775407) / 2 = 1.0542996
    // Row 2 is masked. Mean: (0.7146418 + 1.0542996) / 2 = 0.8844707.
    // Five decimals: float32 transcendental kernels are good to about 1e-7 relative.
    expect(handValue(new PointwiseLoss(context))).toBeCloseTo(0.8844707, 5);
  });

  it('stays within [0, 2] at extreme scores', () => {
    const loss = new PointwiseLoss(context);
    expect(lossValue(loss, [-80], [[80, 80]], [1])).toBeCloseTo(2, 6);
    expect(lossValue(loss, [80], [[-80, -80]], [1])).toBeCloseTo(0, 6);
  });

  it('rejects options', () => {
    expect(() => new PointwiseLoss(context, { t: 1 })).toThrow(
      'PointwiseLoss: options must have only known keys (none); got "t".',
    );
  });
});
