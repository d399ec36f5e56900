import { availableParallelism } from 'node:os';

import { afterEach, describe, expect, it } from 'vitest';

import { workerEnv } from './worker-pool.js';

describe('workerEnv', () => {
  const saved = process.env['SEQREC_NATIVE_THREADS'];
  afterEach(() => {
    if (saved === undefined) delete process.env['SEQREC_NATIVE_THREADS'];
    else process.env['SEQREC_NATIVE_THREADS'] = saved;
  });

  it('gives each worker an equal share of the cores, at least one', () => {
    delete process.env['SEQREC_NATIVE_THREADS'];
    const cores = availableParallelism();
    expect(workerEnv(1)['SEQREC_NATIVE_THREADS']).toBe(String(cores));
    expect(workerEnv(cores)['SEQREC_NATIVE_THREADS']).toBe('1');
    expect(workerEnv(cores * 4)['SEQREC_NATIVE_THREADS']).toBe('1');
  });

  it('keeps a thread count the user set, and the rest of the environment', () => {
    process.env['SEQREC_NATIVE_THREADS'] = '3';
    const env = workerEnv(2);
    expect(env['SEQREC_NATIVE_THREADS']).toBe('3');
    expect(env['PATH']).toBe(process.env['PATH']);
  });
});
