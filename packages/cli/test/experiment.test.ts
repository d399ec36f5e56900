import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { beforeAll, describe, expect, it } from 'vitest';

import { run } from './run.js';
import { TINY_SPACE, tempDir, tinyArgs, writeSpace, writeTinyData } from './tiny-experiment.js';

interface StoredTrial {
  readonly index: number;
  readonly status: string;
  readonly loss: number | null;
  readonly metrics: Record<string, number>;
  readonly error?: string;
  readonly details?: {
    backend: string;
    kernels: string;
    epochs: { epoch: number; loss: number; validation_mrr: number }[];
  };
}

/** The trial file's lines after the header, parsed. */
function trials(path: string): StoredTrial[] {
  const lines = readFileSync(path, 'utf8').split('\n').filter(Boolean);
  return lines.slice(1).map((line) => JSON.parse(line) as StoredTrial);
}

let dir: string;
let data: string;
let space: string;

beforeAll(() => {
  dir = tempDir();
  data = writeTinyData(dir);
  space = writeSpace(dir, TINY_SPACE);
});

describe('seqrec experiment', () => {
  it('runs the trials, stores each with its epochs, and prints the best', async () => {
    const out = join(dir, 'first');
    const args = [
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '3',
      ...tinyArgs(data, space, out),
    ];
    const text = await run(args);
    expect(text.err).toBe('');
    expect(text.code).toBe(0);
    expect(text.out).toContain('backend cpu, kernels host;');
    expect(text.out).toMatch(/trial 3\/3: validation MRR 0\.\d{4}, test MRR 0\.\d{4}/);
    expect(text.out).toMatch(/best pooling trial: \d, validation MRR 0\.\d{4}, test MRR 0\.\d{4}/);

    const stored = trials(join(out, 'trials-pooling.jsonl'));
    expect(stored.map((t) => t.index)).toEqual([0, 1, 2]);
    for (const trial of stored) {
      expect(trial.status).toBe('ok');
      expect(trial.loss).toBeCloseTo(-(trial.metrics['validation_mrr'] ?? Number.NaN), 12);
      expect(trial.metrics['test_mrr']).toBeGreaterThan(0);
      expect(trial.metrics['test_hr@10']).toBeGreaterThan(0);
      expect(trial.metrics['test_ndcg@10']).toBeGreaterThan(0);
      expect(trial.details?.backend).toBe('cpu');
      expect(trial.details?.kernels).toBe('host');
      expect(trial.details?.epochs.map((e) => e.epoch)).toEqual([1, 2]);
      expect(trial.details?.epochs[1]?.validation_mrr).toBe(trial.metrics['validation_mrr']);
    }

    // The same command again has nothing left to do, with other kernels too (they compute
    // the same function, so the trial file does not record them); --json prints one object.
    const json = await run([...args.slice(0, 5), ...tinyArgs(data, space, out, 'plain'), '--json']);
    expect(json.code).toBe(0);
    const result = JSON.parse(json.out) as Record<string, unknown>;
    expect(result).toMatchObject({ model: 'pooling', trials: 3, failed: 0, interrupted: false });
    const best = result['best'] as Record<string, number>;
    const top = Math.max(...stored.map((t) => t.metrics['validation_mrr'] ?? 0));
    expect(best['validation_mrr']).toBe(top);
    expect(best).toHaveProperty('test_mrr');
    expect(best['embedding_dim']).toBe(8);
    expect(best['epochs']).toBe(2);
    expect(trials(join(out, 'trials-pooling.jsonl'))).toHaveLength(3);
  });

  it('resumes after Ctrl-C and after a kill, repeating no trial', async () => {
    const out = join(dir, 'resume');
    const args = (n: number): string[] => [
      'experiment',
      '--model',
      'pooling',
      '--trials',
      String(n),
      ...tinyArgs(data, space, out),
    ];
    const file = join(out, 'trials-pooling.jsonl');
    expect((await run(args(2))).code).toBe(0);
    const firstTwo = readFileSync(file, 'utf8').split('\n').slice(1, 3);

    // Ctrl-C once trial 3 has finished: exit 130, three trials kept.
    const interrupt = new AbortController();
    const stopped = await run(args(4), {
      signal: interrupt.signal,
      onOut: (text) => {
        if (text.includes('trial 3/4')) interrupt.abort();
      },
    });
    expect(stopped.code).toBe(130);
    expect(stopped.out).toMatch(/interrupted: 3 of 4 trials finished/);
    expect(trials(file).map((t) => t.index)).toEqual([0, 1, 2]);

    // A kill in the middle of writing leaves a cut line, which the next run drops.
    appendFileSync(file, '{"index":3,"params":{"batch_si');
    const resumed = await run(args(4));
    expect(resumed.code).toBe(0);
    const lines = readFileSync(file, 'utf8').split('\n');
    expect(lines.slice(1, 3)).toEqual(firstTwo);
    const indexes = trials(file).map((t) => t.index);
    expect(indexes).toHaveLength(4);
    expect(new Set(indexes)).toEqual(new Set([0, 1, 2, 3]));
  });

  it('continues a process killed with SIGKILL as if it had never stopped', async () => {
    const args = (out: string): string[] => [
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '6',
      ...tinyArgs(data, space, out),
    ];
    const killedOut = join(dir, 'killed');
    const file = join(killedOut, 'trials-pooling.jsonl');
    // The built command line, as a user runs it (the test set-up builds before testing).
    const bin = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
    const child = spawn(process.execPath, [bin, ...args(killedOut)], { stdio: 'ignore' });
    await new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (existsSync(file) && trials(file).length >= 2) {
          clearInterval(timer);
          child.kill('SIGKILL');
          resolve();
        }
      }, 5);
      child.on('exit', (code) => {
        clearInterval(timer);
        if (!existsSync(file) || trials(file).length < 2) {
          reject(new Error(`the experiment exited (${String(code)}) before 2 trials`));
        }
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const beforeKill = trials(file).length;
    expect(beforeKill).toBeLessThan(6);

    expect((await run(args(killedOut))).code).toBe(0);
    const resumed = trials(file);
    expect(resumed.map((t) => t.index).sort()).toEqual([0, 1, 2, 3, 4, 5]);

    // The same trials, parameters and metrics as a run that was never stopped.
    const wholeOut = join(dir, 'whole');
    expect((await run(args(wholeOut))).code).toBe(0);
    const whole = trials(join(wholeOut, 'trials-pooling.jsonl'));
    // Everything but the timings.
    const key = (t: StoredTrial) =>
      JSON.stringify([t.index, t.status, t.loss, { ...t.metrics, seconds_per_epoch: 0 }]);
    expect(resumed.map(key).sort()).toEqual(whole.map(key).sort());
  }, 120_000);

  it('records a diverging trial as failed and goes on', async () => {
    const out = join(dir, 'nan');
    // e^80 ≈ 5.5e34: the first Adam step overflows the scores, so the loss turns NaN.
    const absurd = writeSpace(
      dir,
      { ...TINY_SPACE, learning_rate: { choice: [Math.exp(80), 0.005] } },
      'nan.json',
    );
    const result = await run([
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '4',
      '--sampler',
      'random',
      ...tinyArgs(data, absurd, out),
    ]);
    expect(result.code).toBe(0);
    const stored = trials(join(out, 'trials-pooling.jsonl'));
    expect(stored).toHaveLength(4);
    const failed = stored.filter((t) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed.length).toBeLessThan(4);
    expect(failed[0]?.loss).toBeNull();
    expect(failed[0]?.error).toMatch(/finite/);
    expect(result.out).toMatch(/failed after [\d.]+ s: .*finite/);
    expect(result.out).toMatch(/best pooling trial/);
  });

  it('starts modelling after --startup-trials and records it in the trial file', async () => {
    const runWith = async (name: string, extra: string[]): Promise<StoredTrial[]> => {
      const out = join(dir, name);
      const args = ['experiment', '--model', 'pooling', '--trials', '8', ...extra];
      const result = await run([...args, ...tinyArgs(data, space, out)]);
      expect(result.code).toBe(0);
      return trials(join(out, 'trials-pooling.jsonl'));
    };
    const params = (t: StoredTrial[]): unknown[] =>
      t.map((trial) => (trial as unknown as { params: unknown }).params);

    const random = await runWith('startup-default', []);
    const early = await runWith('startup-2', ['--startup-trials', '2']);
    // Trial i sees the results of trials 0 … i - 4 (the search's lag, so that results do not
    // depend on the number of workers): with 2 start-up trials, TPE proposes from trial 5 on.
    expect(params(early).slice(0, 5)).toEqual(params(random).slice(0, 5));
    for (const i of [5, 6, 7]) expect(params(early)[i]).not.toEqual(params(random)[i]);

    const header = (name: string): Record<string, unknown> =>
      JSON.parse(
        readFileSync(join(dir, name, 'trials-pooling.jsonl'), 'utf8').split('\n')[0] ?? '',
      ) as Record<string, unknown>;
    expect(header('startup-2')['startup_trials']).toBe(2);
    // The default writes no key, so trial files from before the option still resume.
    expect(header('startup-default')).not.toHaveProperty('startup_trials');
  });

  it('rejects bad arguments with exit code 2 before any work', async () => {
    const out = join(dir, 'bad');
    const base = tinyArgs(data, space, out);
    const cases: [string[], string][] = [
      [
        ['--model', 'pooling', '--trials', 'x', ...base],
        '--trials must be a positive integer; got "x".',
      ],
      [
        ['--model', 'pooling', '--trials', '0', ...base],
        '--trials must be a positive integer; got "0".',
      ],
      [
        ['--model', 'pooling', '--trials', '2', '--workers', '-1', ...base],
        '--workers must be a positive integer',
      ],
      [
        ['--model', 'pooling', '--trials', '2', '--startup-trials', '-1', ...base],
        '--startup-trials must be an integer ≥ 0; got "-1".',
      ],
      [
        ['--model', 'transformer', '--trials', '2', ...base],
        '--model must name registered representations',
      ],
      [
        ['--model', 'pooling', '--trials', '2', ...base, '--preset', 'netflix'],
        "argument 'netflix' is invalid",
      ],
      [
        ['--model', 'pooling', '--trials', '2', ...base, '--data', join(dir, 'none.txt')],
        '--data must be a readable file',
      ],
      [
        ['--model', 'pooling', '--trials', '2', ...base, '--space', join(dir, 'none.json')],
        '--space must be a readable file',
      ],
      [
        ['--model', 'pooling', '--trials', '2', ...base, '--out', join(data, 'below-a-file')],
        '--out must be a writable folder',
      ],
      [['--model', 'pooling', ...base], "required option '--trials <n>' not specified"],
      [
        ['--model', 'pooling', '--trials', '2', ...base, '--kernels', 'fast'],
        "option '--kernels <name>' argument 'fast' is invalid.",
      ],
    ];
    for (const [argv, message] of cases) {
      const result = await run(['experiment', ...argv]);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.err).toContain(message);
    }
    expect(existsSync(out)).toBe(false);
    const noKernels = base.filter((arg, i) => arg !== '--kernels' && base[i - 1] !== '--kernels');
    const kernelsEnv = await run(
      ['experiment', '--model', 'pooling', '--trials', '2', ...noKernels],
      {
        env: { SEQREC_KERNELS: 'fast' },
      },
    );
    expect(kernelsEnv.code).toBe(2);
    expect(kernelsEnv.err).toContain(
      'SEQREC_KERNELS must be one of auto, native, host, plain; got "fast".',
    );
    expect(existsSync(out)).toBe(false);

    writeFileSync(join(dir, 'typo.json'), JSON.stringify({ learning_rat: { uniform: [0, 1] } }));
    const typo = await run([
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '2',
      ...base,
      '--space',
      join(dir, 'typo.json'),
    ]);
    expect(typo.code).toBe(2);
    expect(typo.err).toContain('keys must be batch_size, learning_rate, l2, n_iter, embedding_dim');
    expect(typo.err).toContain('got "learning_rat"');

    writeFileSync(join(dir, 'loss.json'), JSON.stringify({ loss: { choice: ['bpr', 'warp'] } }));
    const loss = await run([
      ...['experiment', '--model', 'pooling', '--trials', '2', ...base],
      ...['--space', join(dir, 'loss.json')],
    ]);
    expect(loss.code).toBe(2);
    expect(loss.err).toMatch(
      /loss choices must be registered losses \(pointwise, .*\); got "warp"\./,
    );

    writeFileSync(join(dir, 'broken.json'), '{"l2": {"loguniform": [-25]}}');
    const broken = await run([
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '2',
      ...base,
      '--space',
      join(dir, 'broken.json'),
    ]);
    expect(broken.code).toBe(2);
    expect(broken.err).toContain('l2 must be {"loguniform": [low, high]}');

    writeFileSync(join(dir, 'notjson.json'), '{l2: 1}');
    const notJson = await run([
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '2',
      ...base,
      '--space',
      join(dir, 'notjson.json'),
    ]);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('must hold JSON');
  });

  // Worker processes load the build (dist/), as they run plain JavaScript only.
  const built = existsSync(new URL('../dist/experiment/evaluate-trial.js', import.meta.url));
  it.runIf(built)('gives the same trials in worker processes as in-process', async () => {
    const out = join(dir, 'workers');
    const args = ['experiment', '--model', 'pooling', '--trials', '3', '--workers', '2'];
    // Plain kernels, which reach the workers through their setup: for pooling (no recurrent
    // layer) with no fused loss on either, they run the very ops the host kernels run.
    const result = await run([...args, ...tinyArgs(data, space, out, 'plain'), '--quiet']);
    expect(result.err).toBe('');
    expect(result.code).toBe(0);
    const inProcess = trials(join(dir, 'first', 'trials-pooling.jsonl'));
    const inWorkers = trials(join(out, 'trials-pooling.jsonl')).sort((a, b) => a.index - b.index);
    expect(inWorkers.map((t) => t.details?.kernels)).toEqual(['plain', 'plain', 'plain']);
    // The cpu backend is deterministic, so the numbers match exactly.
    const mrrs = (list: StoredTrial[]): (number | undefined)[][] =>
      list.map((t) => [t.metrics['validation_mrr'], t.metrics['test_mrr']]);
    expect(mrrs(inWorkers)).toEqual(mrrs(inProcess));
  });

  it('refuses to resume a trial file of another experiment', async () => {
    const out = join(dir, 'first');
    const other = await run([
      'experiment',
      '--model',
      'pooling',
      '--trials',
      '3',
      '--seed',
      '5',
      ...tinyArgs(data, space, out),
    ]);
    expect(other.code).toBe(2);
    expect(other.err).toMatch(/belongs to a different run: "seed" is 72 in the file but 5 now/);
  });
});
