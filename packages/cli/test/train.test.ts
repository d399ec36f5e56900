import { describe, expect, it } from 'vitest';

import { run } from './run.js';

describe('seqrec train', () => {
  it('trains on the synthetic data and reports MRR and seconds per epoch', async () => {
    const { code, out, err } = await run([
      'train',
      '--representation',
      'pooling',
      '--loss',
      'bpr',
      '--dim',
      '16',
      '--epochs',
      '2',
      '--batch-size',
      '64',
      '--max-length',
      '20',
      '--min-length',
      '3',
      '--step',
      '20',
      '--backend',
      'cpu',
      '--json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number | string>;
    expect(result['backend']).toBe('cpu');
    expect(result['validation_mrr']).toBeGreaterThan(0);
    expect(result['test_mrr']).toBeGreaterThan(0);
    expect(result['seconds_per_epoch']).toBeGreaterThan(0);
  });

  it('rejects unknown names and bad numbers before reading data', async () => {
    const rep = await run([
      'train',
      '--representation',
      'transformer',
      '--data',
      '/nonexistent',
      '--format',
      'movielens-csv',
    ]);
    expect(rep.code).toBe(1);
    expect(rep.err).toContain('ImplicitSequenceModel: representation must be a registered name');
    const lr = await run(['train', '--lr', 'fast']);
    expect(lr.code).toBe(2);
    expect(lr.err).toContain('--lr must be a finite number ≥ 0; got "fast".');
  });
});
