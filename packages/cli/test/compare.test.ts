import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { beforeAll, describe, expect, it } from 'vitest';

import { run } from './run.js';
import { TINY_SPACE, tempDir, tinyArgs, writeSpace, writeTinyData } from './tiny-experiment.js';

let dir: string;
let data: string;
let space: string;

beforeAll(() => {
  dir = tempDir();
  data = writeTinyData(dir);
  space = writeSpace(dir, TINY_SPACE);
});

/** Checks that a file is one `<svg>` element whose tags nest properly (a small XML check). */
function expectSvg(path: string): void {
  const text = readFileSync(path, 'utf8');
  expect(text.startsWith('<svg')).toBe(true);
  const open: string[] = [];
  let roots = 0;
  for (const [, close, name, , selfClosing] of text.matchAll(
    /<(\/?)([a-zA-Z][\w:.-]*)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>/g,
  )) {
    if (open.length === 0) roots += 1;
    if (close === '/') expect(open.pop()).toBe(name);
    else if (selfClosing !== '/') open.push(name ?? '');
  }
  expect(open).toEqual([]);
  expect(roots).toBe(1);
  expect(text.replace(/<[^>]*>/g, '')).not.toMatch(/[<>]/);
}

describe('seqrec compare', () => {
  it('runs each model on one split and writes report.md, report.json and SVG charts', async () => {
    const out = join(dir, 'compare');
    const args = [
      'compare',
      '--models',
      'pooling,cnn',
      '--trials',
      '2',
      ...tinyArgs(data, space, out),
    ];
    const result = await run(args);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    expect(result.out).toMatch(
      /\| dataset +\| model +\| validation MRR \| test MRR \| gain over pooling/,
    );
    expect(result.out).toMatch(
      /\| seqrec-experiment-\w+\/sequences\.txt \| pooling +\| 0\.\d{4} +\| 0\.\d{4}/,
    );
    expect(result.out).toMatch(/\| cnn +\| 0\.\d{4} +\| 0\.\d{4} +\| [+-]\d+\.\d %/);
    expect(result.out).toContain(`report: ${join(out, 'report.md')}`);
    expect(result.out).toContain(
      'searching cnn: 2 trials (0 done before), tpe sampler, in this process, backend cpu, kernels host;',
    );

    const files = readdirSync(out).sort();
    expect(files).toEqual([
      'best-so-far.svg',
      'epochs-cnn.svg',
      'epochs-pooling.svg',
      'report.json',
      'report.md',
      'trials-cnn.jsonl',
      'trials-pooling.jsonl',
    ]);
    for (const file of files.filter((f) => f.endsWith('.svg'))) expectSvg(join(out, file));
    const markdown = readFileSync(join(out, 'report.md'), 'utf8');
    expect(markdown).toContain('](best-so-far.svg)');
    expect(markdown).toContain('](epochs-pooling.svg)');
    expect(markdown).toContain('](epochs-cnn.svg)');

    const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as {
      protocol: Record<string, unknown>;
      models: {
        model: string;
        trials: number;
        gain: number | null;
        best: Record<string, number>;
        best_so_far: number[];
        best_epochs: unknown[];
      }[];
    };
    expect(report.models.map((m) => m.model)).toEqual(['pooling', 'cnn']);
    expect(report.protocol).toMatchObject({ backend: 'cpu', kernels: 'host' });
    for (const m of report.models) {
      expect(m.trials).toBe(2);
      expect(m.best['test_mrr']).toBeGreaterThan(0);
      expect(m.best['test_hr@10']).toBeGreaterThan(0);
      expect(m.best['test_ndcg@10']).toBeGreaterThan(0);
      expect(m.best_so_far).toHaveLength(2);
      expect(m.best_epochs).toHaveLength(2);
    }
    expect(report.models[0]?.gain).toBe(0);

    // Ctrl-C before anything new runs still writes the report of the finished trials.
    const interrupt = new AbortController();
    interrupt.abort();
    const stopped = await run([...args.slice(0, 4), '3', ...args.slice(5), '--json'], {
      signal: interrupt.signal,
    });
    expect(stopped.code).toBe(130);
    const partial = JSON.parse(stopped.out) as {
      interrupted: boolean;
      models: { trials: number }[];
    };
    expect(partial.interrupted).toBe(true);
    expect(partial.models.map((m) => m.trials)).toEqual([2, 2]);
    expect(readdirSync(out).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('checks every model name before any work', async () => {
    const out = join(dir, 'bad-models');
    for (const models of ['pooling,transformer', 'pooling,pooling', 'pooling,']) {
      const result = await run([
        'compare',
        '--models',
        models,
        '--trials',
        '1',
        ...tinyArgs(data, space, out),
      ]);
      expect(result.code, models).toBe(2);
      expect(result.err).toMatch(/--models must/);
    }
    expect(existsSync(out)).toBe(false);
  });
});
