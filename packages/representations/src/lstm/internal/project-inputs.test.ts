import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, it } from 'vitest';

import { projectionCase } from '../../../test/fused-op-cases.js';
import { expectNoLeaksThrough, expectSameOutput, SHAPES } from '../../../test/fused-op-checks.js';

// One float32 product of at most 6 terms plus a bias, summed in another order.
const CLOSE = 1e-6;

describe.each(['cpu', 'wasm'] as const)('projectInputs on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each([true, false])('with a bias: %s', (withBias) => {
    const c = projectionCase(withBias);

    it.each(SHAPES)('equals inputs · weightᵀ (+ bias) at T %i, batch %i, H %i', (...shape) => {
      expectSameOutput(c, shape, CLOSE);
    });

    it('leaves no tensor behind, with or without a gradient', async () => {
      await expectNoLeaksThrough(c, [3, 2, 4]);
    });
  });
});
