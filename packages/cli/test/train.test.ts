import { describe, expect, it } from 'vitest';

import { run } from './run.js';

describe('seqrec train', () => {
  it('trains on the synthetic data and reports MRR and seconds per epoch', async () => {
    const args = [
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
    ];
    // SEQREC_KERNELS reaches the model when there is no --kernels.
    const { code, out, err } = await run([...args, '--json'], { env: { SEQREC_KERNELS: 'plain' } });
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number | string>;
    expect(result['backend']).toBe('cpu');
    expect(result['kernels']).toBe('plain');
    expect(result['padding']).toBe('trim');
    expect(result['validation_mrr']).toBeGreaterThan(0);
    expect(result['test_mrr']).toBeGreaterThan(0);
    expect(result['seconds_per_epoch']).toBeGreaterThan(0);

    // --kernels wins over SEQREC_KERNELS; the summary line names backend and kernels.
    const text = await run([...args, '--epochs', '1', '--kernels', 'host', '--quiet'], {
      env: { SEQREC_KERNELS: 'plain' },
    });
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      /^pooling: validation MRR 0\.\d{4}, .* s\/epoch on cpu, host kernels \([\d,]+ test windows\)\n$/,
    );
  });

  it('rejects unknown names and bad numbers before reading data, with exit code 2', async () => {
    const args = ['--data', '/nonexistent', '--format', 'movielens-csv'];
    const rep = await run(['train', '--representation', 'transformer', ...args]);
    expect(rep.code).toBe(2);
    expect(rep.err).toContain(
      '--representation must be one of pooling, cnn, mixture, lstm, mlstm, gru; got "transformer".',
    );
    const loss = await run(['train', '--loss', 'warp', ...args]);
    expect(loss.code).toBe(2);
    expect(loss.err).toContain('--loss must be one of');
    const lr = await run(['train', '--lr', '0']);
    expect(lr.code).toBe(2);
    expect(lr.err).toContain('--lr must be a finite number > 0; got "0".');
    const short = await run(['train', '--max-length', '1', '--min-length', '1']);
    expect(short.code).toBe(2);
    expect(short.err).toContain(
      '--max-length must be at least 2 (the inputs, then the target); got 1.',
    );
    const padding = await run(['train', '--padding', 'drop', ...args]);
    expect(padding.code).toBe(2);
    expect(padding.err).toContain("option '--padding <mode>' argument 'drop' is invalid.");
    const kernels = await run(['train', '--kernels', 'fast', ...args]);
    expect(kernels.code).toBe(2);
    expect(kernels.err).toContain(
      "option '--kernels <name>' argument 'fast' is invalid. Allowed choices are auto, native, host, plain.",
    );
    const csvOnly = await run(['train', '--user-column', '0', ...args]);
    expect(csvOnly.code).toBe(2);
    expect(csvOnly.err).toContain(
      '--user-column must only be given with --format csv; got it with --format movielens-csv.',
    );
  });

  it('names SEQREC_BACKEND when it holds no backend, and treats it empty as unset', async () => {
    const bad = await run(['train', '--epochs', '1'], { env: { SEQREC_BACKEND: 'nonsense' } });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'SEQREC_BACKEND must be one of auto, tensorflow, wasm, cpu; got "nonsense".',
    );
  });

  it('names SEQREC_KERNELS when it holds no kernels name, before reading data', async () => {
    const args = ['train', '--data', '/nonexistent', '--format', 'movielens-csv'];
    const bad = await run(args, { env: { SEQREC_KERNELS: 'fast' } });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain(
      'SEQREC_KERNELS must be one of auto, native, host, plain; got "fast".',
    );
  });

  it('names SEQREC_NATIVE_THREADS when it is not an integer from 1 to 256, before reading data', async () => {
    const args = ['train', '--data', '/nonexistent', '--format', 'movielens-csv'];
    for (const value of ['0', 'abc', '1000', ' 2']) {
      const bad = await run(args, { env: { SEQREC_NATIVE_THREADS: value } });
      expect(bad.code).toBe(2);
      expect(bad.err).toContain(
        `SEQREC_NATIVE_THREADS must be an integer from 1 to 256; got "${value}".`,
      );
    }
  });

  it('fails before training when a split has no window, naming --min-length', async () => {
    const { code, err } = await run(['train', '--max-length', '500', '--min-length', '400']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /the train split must hold at least one window; got none with --min-length 400 \(the longest history has \d+ items/,
    );
  });
});
