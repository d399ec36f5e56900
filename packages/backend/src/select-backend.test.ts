import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it, vi } from 'vitest';

import { selectBackend, type BackendSelection } from './select-backend.js';

const missing = (specifier: string): Promise<unknown> =>
  specifier.includes('tfjs-node')
    ? Promise.reject(new Error(`Cannot find package '${specifier}'`))
    : import(specifier);

describe('selectBackend', () => {
  it('falls back from tensorflow to wasm when tfjs-node is not installed', async () => {
    const selection = await selectBackend({ backend: 'auto', importModule: missing });
    expect(selection.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(selection.skipped.map((s) => s.name)).toEqual(['tensorflow']);
    expect(selection.skipped[0]?.reason).toContain('@tensorflow/tfjs-node-gpu');
  });

  it('honours a named backend, then the environment variable', async () => {
    expect((await selectBackend({ backend: 'cpu' })).name).toBe('cpu');
    expect((await selectBackend({ env: { SEQREC_BACKEND: 'wasm' } })).name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    await selectBackend({ backend: 'cpu' });
  });

  it('reads no environment variable where there is no process, as in a browser', async () => {
    let selection: Promise<BackendSelection>;
    vi.stubGlobal('process', undefined);
    try {
      // The choice is resolved before the first await, while `process` is still hidden.
      selection = selectBackend({ importModule: missing });
    } finally {
      vi.unstubAllGlobals();
    }
    expect((await selection).name).toBe('wasm');
    await selectBackend({ backend: 'cpu' });
  });

  it('fails loudly for a named backend that does not load, and for unknown names', async () => {
    await expect(selectBackend({ backend: 'tensorflow', importModule: missing })).rejects.toThrow(
      'selectBackend: backend "tensorflow" could not be loaded.',
    );
    await expect(selectBackend({ env: { SEQREC_BACKEND: 'gpu' } })).rejects.toThrow(
      'selectBackend: SEQREC_BACKEND must be one of auto, tensorflow, wasm, cpu; got "gpu".',
    );
  });
});
