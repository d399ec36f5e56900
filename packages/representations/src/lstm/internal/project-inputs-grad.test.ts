import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, it } from 'vitest';

import { projectionCase } from '../../../test/fused-op-cases.js';
import {
  expectFiniteDifferences,
  expectSameGradients,
  FINITE_DIFFERENCE_SHAPES,
  SHAPES,
} from '../../../test/fused-op-checks.js';

// Sums of at most 21 float32 products, in another order than autodiff's.
const CLOSE = 1e-6;

describe.each(['cpu', 'wasm'] as const)('projectInputsGrad on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each([true, false])('with a bias: %s', (withBias) => {
    const c = projectionCase(withBias);

    it.each(SHAPES)('equals autodiff through plain ops at T %i, batch %i, H %i', (...shape) => {
      expectSameGradients(c, shape, CLOSE);
    });

    it.each(FINITE_DIFFERENCE_SHAPES)(
      'matches finite differences for every input at T %i, batch %i, H %i',
      (...shape) => {
        expectFiniteDifferences(c, shape);
      },
    );
  });
});
