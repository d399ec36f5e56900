import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { run } from './run.js';

// The model the first test saves; the second reuses it.
let trainedModel = '';

// Small windows of the built-in synthetic data, on cpu so results repeat exactly.
const DATA = ['--max-length', '20', '--min-length', '3', '--step', '20', '--backend', 'cpu'];

describe('seqrec train --save, evaluate, recommend', () => {
  it('saves a model that evaluates as it did after training and recommends raw ids', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'seqrec-cli-')), 'model');
    trainedModel = dir;
    const trained = await run([
      'train',
      '--representation',
      'lstm',
      '--dim',
      '16',
      '--epochs',
      '2',
      '--batch-size',
      '64',
      ...DATA,
      '--save',
      dir,
      '--json',
    ]);
    expect(trained.err).toBe('');
    expect(trained.code).toBe(0);
    const training = JSON.parse(trained.out) as Record<string, number | string>;
    expect(training['saved']).toBe(dir);
    // 'auto' on cpu: the native kernels when they were built, else the host ones.
    expect(training['kernels']).toMatch(/^(native|host)$/);

    const evaluated = await run(['evaluate', '--model', dir, ...DATA, '--json']);
    expect(evaluated.code).toBe(0);
    const evaluation = JSON.parse(evaluated.out) as Record<string, number | string>;
    expect(evaluation['split']).toBe('test');
    expect(evaluation['backend']).toBe('cpu');
    expect(evaluation['kernels']).toBe(training['kernels']);
    expect(evaluation['mrr']).toBe(training['test_mrr']);
    expect(evaluation['hr@10']).toBe(training['test_hr@10']);
    expect(evaluation['dropped_interactions']).toBe(0);

    const one = await run([
      'recommend',
      '--model',
      dir,
      '--history',
      '3, 7,unknown-id',
      '-k',
      '4',
      '--backend',
      'cpu',
    ]);
    expect(one.code).toBe(0);
    const lines = one.out.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^1\t\d+\t-?\d/);
    expect(one.err).toContain(
      'note: 1 item id the model never saw was ignored in 1 history (first: unknown-id)',
    );
    expect(one.err).toContain(`on cpu, ${String(training['kernels'])} kernels\n`);

    const input = join(dir, '..', 'histories.txt');
    writeFileSync(input, '3,7\n\nnope\n3,7\n');
    const many = await run([
      'recommend',
      '--model',
      dir,
      '--input',
      input,
      '-k',
      '4',
      '--json',
      '--backend',
      'cpu',
    ]);
    expect(many.code).toBe(0);
    const answers = many.out
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { items: number[]; source: string });
    expect(answers.map((a) => a.source)).toEqual(['model', 'popularity', 'popularity', 'model']);
    expect(answers[0]?.items).toEqual(answers[3]?.items);
    // The --history answer (same history, the unknown id ignored) is the same list.
    expect(answers[0]?.items.map(String)).toEqual(lines.map((l) => l.split('\t')[1]));
    expect(many.err).toContain('note: 2 histories had no item the model knows');

    // --kernels reaches the loaded model, for evaluate and recommend alike.
    const plainEvaluation = await run([
      ...['evaluate', '--model', dir, ...DATA, '--kernels', 'plain'],
      '--quiet',
    ]);
    expect(plainEvaluation.code).toBe(0);
    expect(plainEvaluation.out).toMatch(/preceding items excluded, cpu, plain kernels\)\n$/);
    const plain = await run([
      ...['recommend', '--model', dir, '--history', '3,7', '--backend', 'cpu'],
      ...['--kernels', 'plain'],
    ]);
    expect(plain.code).toBe(0);
    expect(plain.err).toMatch(/recommended for 1 history in [\d.]+ s on cpu, plain kernels\n$/);
  }, 120_000);

  it('rejects bad flags before loading anything, naming them', async () => {
    const noModel = await run(['recommend', '--model', '/nonexistent/model', '--history', '1']);
    expect(noModel.code).toBe(2);
    expect(noModel.err).toContain(
      '--model must be a folder holding a saved model (manifest.json); got "/nonexistent/model".',
    );
    const neither = await run(['recommend', '--model', '/nonexistent/model']);
    expect(neither.code).toBe(2);
    expect(neither.err).toContain(
      'exactly one of --history and --input must be given; got neither.',
    );
    const k = await run(['recommend', '--model', 'x', '--history', '1', '-k', '0']);
    expect(k.code).toBe(2);
    expect(k.err).toContain('-k must be a positive integer; got "0".');
    const file = join(mkdtempSync(join(tmpdir(), 'seqrec-cli-')), 'a-file');
    writeFileSync(file, 'x');
    const save = await run(['train', '--save', file, ...DATA]);
    expect(save.code).toBe(2);
    expect(save.err).toContain(
      `--save must be a folder, or a path where one can be created; got "${file}", and ${file} is a file.`,
    );
    const under = await run(['train', '--save', join(file, 'sub'), ...DATA]);
    expect(under.code).toBe(2);
    expect(under.err).toContain(`and ${file} is a file.`);
    const proc = await run(['train', '--save', '/proc/seqrec-test', ...DATA]);
    expect(proc.code).toBe(2);
    expect(proc.err).toContain('and nothing can be created in /proc');
    const empty = await run(['train', '--save', '', ...DATA]);
    expect(empty.code).toBe(2);
    expect(empty.err).toContain(
      '--save must be a folder, or a path where one can be created; got "".',
    );
    const unknownData = join(dirname(file), 'unknown.txt');
    writeFileSync(
      unknownData,
      Array.from({ length: 40 }, (_, u) => `u${String(u)} x y z w v\n`).join(''),
    );
    const foreign = await run([
      'evaluate',
      '--model',
      trainedModel,
      '--data',
      unknownData,
      '--format',
      'sequence-lines',
      '--min-length',
      '2',
      '--backend',
      'cpu',
    ]);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain(
      'the data must share items with the model; none of its 5 items is known to the model, so all 200 interactions were dropped (first: x, y, z, w, v).',
    );
    const evaluate = await run(['evaluate', '--model', '/nonexistent/model', '--split', 'all']);
    expect(evaluate.code).toBe(2);
    expect(evaluate.err).toContain("option '--split <part>' argument 'all' is invalid.");
    // Checked before the model is looked for.
    const loading = [
      ['evaluate', '--model', '/nonexistent/model'],
      ['recommend', '--model', '/nonexistent/model', '--history', '1'],
    ];
    for (const args of loading) {
      const flag = await run([...args, '--kernels', 'fast']);
      expect(flag.code, args[0]).toBe(2);
      expect(flag.err).toContain("option '--kernels <name>' argument 'fast' is invalid.");
      const env = await run(args, { env: { SEQREC_KERNELS: 'fast' } });
      expect(env.code, args[0]).toBe(2);
      expect(env.err).toContain(
        'SEQREC_KERNELS must be one of auto, native, host, plain; got "fast".',
      );
    }
  });
});
