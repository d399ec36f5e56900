import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { DATA_DIR, run } from './run.js';

describe('seqrec baseline', () => {
  it('reports a --data path that is missing or a folder as a usage error (exit 2)', async () => {
    for (const command of ['baseline', 'train', 'evaluate']) {
      const extra = command === 'evaluate' ? ['--model', tmpdir()] : [];
      const missing = await run([
        command,
        ...extra,
        '--data',
        '/nonexistent.csv',
        '--format',
        'movielens-csv',
      ]);
      // evaluate checks --model first: a folder without a saved model is named before --data.
      expect(missing.code).toBe(2);
      expect(missing.err).toContain(
        command === 'evaluate'
          ? '--model must be a folder holding a saved model (manifest.json)'
          : '--data must be a readable file; got "/nonexistent.csv".',
      );
    }
    const folder = await run(['baseline', '--data', tmpdir(), '--format', 'movielens-csv']);
    expect(folder.code).toBe(2);
    expect(folder.err).toContain(`--data must be a readable file; got "${tmpdir()}".`);
  });

  it('runs on the built-in synthetic data and prints statistics and metrics', async () => {
    const { code, out, err } = await run([
      'baseline',
      '--max-length',
      '20',
      '--min-length',
      '3',
      '--step',
      '20',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect(out).toMatch(/built-in synthetic/);
    expect(out).toMatch(/popularity baseline: test MRR 0\.\d{4}, HR@10 0\.\d{4}/);
  });

  it('prints one JSON object with --json', async () => {
    const { code, out } = await run([
      'baseline',
      '--json',
      '--max-length',
      '20',
      '--min-length',
      '3',
      '--step',
      '20',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number>;
    expect(result['users']).toBeGreaterThan(0);
    expect(result['mrr']).toBeGreaterThan(0);
    expect(result['mrr']).toBeLessThanOrEqual(1);
    expect(result['hr@10']).toBeGreaterThanOrEqual(0);
  });

  it('loads ml-latest-small and scores the popularity baseline', async () => {
    const path = join(DATA_DIR, 'ml-latest-small', 'ratings.csv');
    const { code, out } = await run([
      'baseline',
      '--data',
      path,
      '--format',
      'movielens-csv',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number>;
    expect([result['users'], result['items'], result['interactions']]).toEqual([610, 9724, 100836]);
    // Measured 0.0109 / 0.0195 (seed 42); popularity ranks far above a random ranking (~0.0004).
    expect(result['mrr']).toBeGreaterThan(0.008);
    expect(result['hr@10']).toBeGreaterThan(0.01);
  });

  it('loads the Beauty sequences with 50/5/50 windows', async () => {
    const path = join(DATA_DIR, 'amazon-beauty-5core', 'sequences.txt');
    const { code, out } = await run([
      'baseline',
      '--data',
      path,
      '--format',
      'sequence-lines',
      '--max-length',
      '50',
      '--min-length',
      '5',
      '--step',
      '50',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(out) as Record<string, number>;
    expect([result['users'], result['items'], result['interactions']]).toEqual([
      22363, 12101, 198502,
    ]);
    expect(result['mrr']).toBeGreaterThan(0.003);
  });

  it('rejects bad arguments before any work, naming the option and value', async () => {
    const bad = await run(['baseline', '--max-length', 'ten']);
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--max-length must be a positive integer; got "ten".');

    const order = await run(['baseline', '--max-length', '5', '--min-length', '6']);
    expect(order.code).toBe(2);
    expect(order.err).toContain('--min-length must be at most --max-length (5); got 6.');

    const format = await run(['baseline', '--data', 'x.csv', '--format', 'excel']);
    expect(format.code).toBe(2);
    expect(format.err).toContain("argument 'excel' is invalid");
  });

  it('reports a bad file with its name and line, and exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seqrec-cli-'));
    const file = join(dir, 'u.data');
    writeFileSync(file, '1\t2\t5\t100\n1\tx\t5\t101\n');
    const { code, err } = await run(['baseline', '--data', file, '--format', 'movielens-100k']);
    expect(code).toBe(1);
    expect(err).toContain(file);
    expect(err).toMatch(/line 2/);
  });
});
