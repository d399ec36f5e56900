import { appendFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import {
  loguniform,
  runSearch,
  TpeSampler,
  TrialStore,
  uniform,
  type Params,
  type RunSearchOptions,
  type Sampler,
  type TrialOutcome,
  type TrialRecord,
  type TrialWorker,
} from '@seqrec/tuning';

const WORKER = fileURLToPath(new URL('./fixtures/quadratic-worker.mjs', import.meta.url));
const NO_EXPORT = fileURLToPath(new URL('./fixtures/no-export-worker.mjs', import.meta.url));
type EvaluateTrial = (params: Params, index: number, data: unknown) => Promise<TrialOutcome>;
// The same objective the worker processes run, loaded here for in-process runs.
const { evaluateTrial } = (await import(WORKER)) as { evaluateTrial: EvaluateTrial };

const SPACE = { x: uniform(-3, 3), lr: loguniform(-8, 0) };
const HEADER = { space: 'x, lr', seed: 7 };

function freshStore(): TrialStore {
  return TrialStore.open(join(mkdtempSync(join(tmpdir(), 'run-search-')), 't.jsonl'), HEADER);
}

function options(store: TrialStore, extra: Partial<RunSearchOptions> = {}): RunSearchOptions {
  return {
    space: SPACE,
    sampler: new TpeSampler({ startupTrials: 4 }),
    numTrials: 10,
    seed: 7,
    store,
    lag: 2,
    evaluate: (params, index) => evaluateTrial(params, index, {}),
    ...extra,
  };
}

/** The options with `worker` in place of `evaluate`. */
function withWorker(o: RunSearchOptions, worker: TrialWorker, workers = 1): RunSearchOptions {
  const copy: Record<string, unknown> = { ...o, worker, workers };
  delete copy['evaluate'];
  return copy as unknown as RunSearchOptions;
}

/** What must not depend on workers, restarts or timing. */
function essence(records: readonly TrialRecord[]): unknown[] {
  return records.map(({ seconds: _seconds, ...rest }) => rest);
}

describe('runSearch in process', () => {
  it('runs every trial, records it and reports the best so far', async () => {
    const started: number[] = [];
    const bests: (number | undefined)[] = [];
    const store = freshStore();
    const records = await runSearch(
      options(store, {
        onTrialStart: (index) => started.push(index),
        onTrialEnd: (_record, best) => bests.push(best?.loss ?? undefined),
      }),
    );
    expect(records.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const losses = records.map((r) => r.loss as number);
    expect(bests).toEqual(losses.map((_, k) => Math.min(...losses.slice(0, k + 1))));
    expect(records[0]?.details).toEqual({
      curve: [records[0]?.params['x'], records[0]?.params['lr']],
    });
    expect(readFileSync(store.path, 'utf8').trim().split('\n')).toHaveLength(11);
  });

  it('suggests trial i from trials 0 … i − lag only', async () => {
    const seen: number[][] = [];
    const inner = new TpeSampler({ startupTrials: 2 });
    const spy: Sampler = {
      name: 'spy',
      suggest: (space, history, rng) => {
        seen.push(history.map((h) => h.params['x'] as number));
        return inner.suggest(space, history, rng);
      },
    };
    const records = await runSearch(options(freshStore(), { sampler: spy, lag: 3, workers: 3 }));
    const xs = records.map((r) => r.params['x']);
    seen.forEach((history, i) => expect(history).toEqual(xs.slice(0, Math.max(0, i - 2))));
  });

  it('records a NaN loss or a throw as a failed trial and goes on', async () => {
    const records = await runSearch(
      options(freshStore(), {
        evaluate: (params, index) => evaluateTrial(params, index, { nanAt: 2, throwAt: 4 }),
      }),
    );
    expect(records).toHaveLength(10);
    expect(records[2]).toMatchObject({
      status: 'failed',
      loss: null,
      error: 'the loss must be a finite number; got NaN',
    });
    expect(records[2]?.metrics['x']).toBe(records[2]?.params['x']);
    expect(records[4]).toMatchObject({ status: 'failed', loss: null, error: 'trial 4 broke' });
    expect(records.filter((r) => r.status === 'ok')).toHaveLength(8);
  });

  it('resumes a killed run without losing or repeating a trial', async () => {
    const uninterrupted = await runSearch(options(freshStore(), { numTrials: 8 }));

    const first = freshStore();
    await runSearch(options(first, { numTrials: 5 }));
    // The kill also cut the line of trial 5 short.
    appendFileSync(first.path, '{"index":5,"params":{"x":0.1');
    const evaluated: number[] = [];
    const resumed = await runSearch(
      options(TrialStore.open(first.path, HEADER), {
        numTrials: 8,
        onTrialStart: (index) => evaluated.push(index),
      }),
    );
    expect(evaluated).toEqual([5, 6, 7]);
    expect(essence(resumed)).toEqual(essence(uninterrupted));
    const lines = readFileSync(first.path, 'utf8').trim().split('\n').slice(1);
    expect(lines.map((line) => (JSON.parse(line) as TrialRecord).index)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7,
    ]);
  });

  it('stops starting trials on abort and keeps what finished', async () => {
    const controller = new AbortController();
    const store = freshStore();
    const records = await runSearch(
      options(store, {
        signal: controller.signal,
        onTrialEnd: (record) => {
          if (record.index === 3) controller.abort();
        },
      }),
    );
    expect(records.map((r) => r.index)).toEqual([0, 1, 2, 3]);
    expect(TrialStore.open(store.path, HEADER).records()).toHaveLength(4);
    expect(await runSearch(options(store, { signal: AbortSignal.abort() }))).toHaveLength(4);
  });

  it('checks its options', async () => {
    const store = freshStore();
    await expect(runSearch({ ...options(store), evaluate: undefined } as never)).rejects.toThrow(
      'runSearch: exactly one of evaluate and worker must be given; got neither.',
    );
    await expect(
      runSearch(options(store, { worker: { module: WORKER, data: {} } })),
    ).rejects.toThrow('runSearch: exactly one of evaluate and worker must be given; got both.');
    await expect(runSearch(options(store, { lag: 0 }))).rejects.toThrow(
      new RangeError('runSearch: lag must be an integer ≥ 1; got 0.'),
    );
    await expect(
      runSearch(withWorker(options(store), { module: 'fixtures/w.mjs', data: {} })),
    ).rejects.toThrow(
      'runSearch: worker.module must be an absolute path or a file: URL; got "fixtures/w.mjs".',
    );
  });
});

describe('runSearch in worker processes', () => {
  const workerOptions = (store: TrialStore, workers: number, data: unknown): RunSearchOptions =>
    withWorker(options(store, { numTrials: 12, lag: 3 }), { module: WORKER, data }, workers);
  // Uneven delays make trials finish out of index order with several workers.
  const data = { delays: [40, 5, 25, 0, 15], nanAt: 6 };

  it('gives the same records with 1 and 2 workers, and in process', async () => {
    const one = freshStore();
    const two = freshStore();
    const [a, b] = await Promise.all([
      runSearch(workerOptions(one, 1, data)),
      runSearch(workerOptions(two, 2, data)),
    ]);
    const inProcess = await runSearch(
      options(freshStore(), {
        numTrials: 12,
        lag: 3,
        evaluate: (p, i) => evaluateTrial(p, i, data),
      }),
    );
    expect(a).toHaveLength(12);
    expect(a[6]?.status).toBe('failed');
    expect(essence(b)).toEqual(essence(a));
    expect(essence(inProcess)).toEqual(essence(a));
    // Both stores hold the same records, whatever order the lines were appended in.
    expect(essence(TrialStore.open(two.path, HEADER).records())).toEqual(essence(a));
  });

  it('passes what a worker reports during a trial to onTrialProgress', async () => {
    const reports: [number, unknown][] = [];
    await runSearch({
      ...workerOptions(freshStore(), 2, {}),
      onTrialProgress: (index, progress) => reports.push([index, progress]),
    });
    expect(reports.map(([index]) => index).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
    ]);
    for (const [index, progress] of reports) expect(progress).toEqual({ started: index });
  });

  it('records a crashed worker as a failed trial and starts another worker', async () => {
    const records = await runSearch(workerOptions(freshStore(), 2, { exitAt: 1 }));
    expect(records).toHaveLength(12);
    expect(records[1]).toMatchObject({
      status: 'failed',
      error: 'the worker process exited with code 3 during the trial',
    });
    expect(records.filter((r) => r.status === 'ok')).toHaveLength(11);
  });

  it('kills running trials on abort; a resumed run does them again', async () => {
    const controller = new AbortController();
    const store = freshStore();
    const slow = { delays: [0, 60_000] };
    const records = await runSearch({
      ...workerOptions(store, 2, slow),
      signal: controller.signal,
      onTrialEnd: (record) => {
        if (record.index === 2) controller.abort();
      },
    });
    // Trials 1 and 3 were still running (60 s each) and are gone.
    expect(records.map((r) => r.index)).toEqual([0, 2]);
    const started: number[] = [];
    const resumed = await runSearch({
      ...workerOptions(TrialStore.open(store.path, HEADER), 2, {}),
      numTrials: 4,
      onTrialStart: (index) => started.push(index),
    });
    expect(started).toEqual([1, 3]);
    expect(resumed.map((r) => r.index)).toEqual([0, 1, 2, 3]);
  });

  it('fails the search when the worker module cannot be loaded', async () => {
    const store = freshStore();
    const broken = withWorker(options(store), { module: NO_EXPORT, data: {} });
    await expect(runSearch(broken)).rejects.toThrow(
      /^runSearch: worker\.module could not be loaded: .*no-export-worker\.mjs must export a/,
    );
    expect(store.records()).toEqual([]);
  });
});
