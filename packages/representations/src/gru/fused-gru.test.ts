import { selectBackend } from '@seqrec/backend';
import { beforeAll, describe, it } from 'vitest';

import { expectNoLeaksThrough, expectSameOutput, SHAPES } from '../../test/fused-op-checks.js';
import { GRU_CASE } from '../../test/fused-op-cases.js';

// Float32 rounding, about 1e-7 per op, over at most seven steps; the fused op computes its
// gates in float64 before rounding, the reference in float32.
const CLOSE = 1e-5;

describe.each(['cpu', 'wasm'] as const)('fusedGru on %s', (backend) => {
  beforeAll(async () => {
    await selectBackend({ backend });
  });

  it.each(SHAPES)('matches the plain-op GRU at T %i, batch %i, H %i', (...shape) => {
    expectSameOutput(GRU_CASE, shape, CLOSE);
  });

  it('leaves no tensor behind, with or without a gradient', async () => {
    await expectNoLeaksThrough(GRU_CASE, [3, 2, 4]);
  });
});
