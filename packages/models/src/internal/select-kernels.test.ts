import { selectBackend } from '@seqrec/backend';
import { activeSequenceKernels, useSequenceKernels } from '@seqrec/representations';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';

import { selectKernels } from './select-kernels.js';

describe('selectKernels', () => {
  beforeAll(async () => {
    await selectBackend({ backend: 'cpu' });
  });
  afterEach(() => {
    useSequenceKernels('host');
  });

  it("takes 'plain' under 'auto' on the tensorflow backend, where TensorFlow runs whole ops", async () => {
    const { kernels, skipped } = await selectKernels('test', 'auto', 'tensorflow');
    expect(kernels.name).toBe('plain');
    expect(skipped).toEqual([]);
    expect(activeSequenceKernels().name).toBe('plain');
  });

  it('takes a named built-in as it is, on any backend', async () => {
    expect((await selectKernels('test', 'host', 'tensorflow')).kernels.name).toBe('host');
    expect((await selectKernels('test', 'plain', 'wasm')).kernels.name).toBe('plain');
  });

  it("takes 'native' under 'auto' on cpu and wasm when it loads, else 'host' saying why", async () => {
    const { kernels, skipped } = await selectKernels('test', 'auto', 'wasm');
    if (kernels.name === 'native') {
      expect(skipped).toEqual([]);
    } else {
      expect(kernels.name).toBe('host');
      expect(skipped[0]?.name).toBe('native');
      expect(skipped[0]?.reason).toMatch(/@seqrec\/native/);
    }
  });

  it('names the source of a bad choice', async () => {
    await expect(selectKernels('test', 'fast' as never, 'cpu')).rejects.toThrow(
      /test: kernels must be one of auto, native, host, plain; got "fast"/,
    );
  });
});
