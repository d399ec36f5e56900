import { gruSequence } from '../gru/gru-sequence.js';
import { projectInputs } from '../lstm/internal/project-inputs.js';
import { lstmSequence } from '../lstm/lstm-sequence.js';
import { mlstmSequence } from '../mlstm/mlstm-sequence.js';
import { inScope } from './in-scope.js';
import type { SequenceKernels } from './sequence-kernels.js';

/**
 * The default {@link SequenceKernels}: the input projection of all steps in one backend
 * product, then a fused op per layer whose gates run in JavaScript with one backend product
 * per step and a hand-written backward pass through time (see `fused-lstm.ts`).
 *
 * @example
 * ```ts
 * import { hostSequenceKernels } from '@seqrec/representations';
 *
 * console.assert(hostSequenceKernels.name === 'host');
 * ```
 */
export const hostSequenceKernels: SequenceKernels = Object.freeze<SequenceKernels>({
  name: 'host',
  description: 'gates in JavaScript, products on the tfjs backend',
  lstm: (inputs, weights, h0, c0) =>
    inScope(() => {
      const projected = projectInputs(inputs, weights.weightIh, weights.bias);
      return lstmSequence(projected, { weightHh: weights.weightHh }, h0, c0);
    }),
  mlstm: (inputs, weights, h0, c0, emit) =>
    inScope(() => {
      const projected = projectInputs(inputs, weights.weightX, weights.biasX);
      const { weightHh, weightMh, biasMh } = weights;
      return mlstmSequence(projected, { weightHh, weightMh, biasMh }, h0, c0, emit);
    }),
  gru: (inputs, weights, h0) =>
    inScope(() => {
      const projected = projectInputs(inputs, weights.weightIh, weights.biasIh);
      return gruSequence(projected, { weightHh: weights.weightHh, biasHh: weights.biasHh }, h0);
    }),
});
