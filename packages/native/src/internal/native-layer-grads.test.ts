// The hand-written backward passes of native-lstm-grad.ts, native-mlstm-grad.ts and
// native-gru-grad.ts against central finite differences. native-kernels.test.ts compares
// them with autodiff through the plain kernels too.
import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { checkGradients, expectGradientsClose } from '@seqrec/testing';
import { beforeAll, describe, it } from 'vitest';

import { LAYER_CASES, weightedLoss, type LayerShape } from '../../test/layer-cases.js';
import { loadKernelsForTest } from '../../test/load-kernels.js';
import type { NativeKernels } from '../native-kernels.js';

const kernels = loadKernelsForTest(2);

describe.runIf(kernels !== undefined).each(['cpu', 'wasm'] as const)(
  'native layer gradients on %s',
  (backend) => {
    beforeAll(async () => {
      await selectBackend({ backend });
    });

    it.each(LAYER_CASES.map((layer) => [layer.name, layer] as const))(
      '%s gradients match finite differences',
      (_, layer) => {
        const shape: LayerShape = [4, 3, 3, 4];
        const inputs = layer.inputs(shape);
        const rows = checkGradients(weightedLoss(layer, kernels as NativeKernels, shape), inputs, {
          epsilon: 1e-2,
          maxEntries: 12,
          seed: 3,
        });
        expectGradientsClose(rows, 2e-2, 2e-3);
        tf.dispose(inputs);
      },
    );
  },
);
