import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, it } from 'vitest';

import {
  expectFiniteDifferences,
  expectSameGradients,
  FINITE_DIFFERENCE_SHAPES,
  SHAPES,
} from '../../test/fused-op-checks.js';
import { mlstmCase } from '../../test/fused-op-cases.js';

// Float32 gradients summed over up to 7 steps and 21 rows in another order than autodiff's.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('fusedMlstmGrad on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  describe.each([
    ['hidden', 'the paper (no bias on m, hidden states out)'],
    ['cell', 'the reference implementation (bias on m, cell states out)'],
  ] as const)('emitting %s states, as %s', (output, _description) => {
    const c = mlstmCase(output);

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
