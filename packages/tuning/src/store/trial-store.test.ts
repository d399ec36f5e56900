import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import type { TrialRecord } from './trial-record.js';
import { TrialStore } from './trial-store.js';

const HEADER = { seed: 1, sampler: 'tpe', space: { lr: { loguniform: [-6, -3] } }, data: 'x.csv' };

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'trial-store-')), 'runs', 'trials.jsonl');
}

function record(index: number, loss: number | null = (index + 1) / 10): TrialRecord {
  return loss === null
    ? { index, params: { lr: 0.01 }, status: 'failed', loss, metrics: {}, seconds: 1, error: 'NaN' }
    : { index, params: { lr: 0.01 }, status: 'ok', loss, metrics: { mrr: -loss }, seconds: 1 };
}

describe('TrialStore', () => {
  it('creates the file (and folder) with the header as first line', () => {
    const path = tempFile();
    const store = TrialStore.open(path, HEADER);
    expect(store.records()).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(HEADER)}\n`);
  });

  it('appends one line per record and reads them back in index order', () => {
    const path = tempFile();
    const store = TrialStore.open(path, HEADER);
    const details = { curve: [0.1, 0.2] };
    store.append(record(2));
    store.append({ ...record(0), details });
    store.append(record(1, null));
    expect(readFileSync(path, 'utf8').split('\n')).toHaveLength(5);

    const reopened = TrialStore.open(path, { ...HEADER });
    expect(reopened.records().map((r) => r.index)).toEqual([0, 1, 2]);
    expect(reopened.records()[0]).toEqual({ ...record(0), details });
    expect(reopened.records()[1]).toEqual(record(1, null));
    expect(reopened.has(2) && !reopened.has(3)).toBe(true);
  });

  it('accepts a header whose keys come in another order', () => {
    const path = tempFile();
    TrialStore.open(path, HEADER).append(record(0));
    const reordered = { data: 'x.csv', space: HEADER.space, sampler: 'tpe', seed: 1 };
    expect(TrialStore.open(path, reordered).records()).toHaveLength(1);
  });

  it('refuses the file of a different run, naming the first differing key', () => {
    const path = tempFile();
    TrialStore.open(path, HEADER);
    const other = { ...HEADER, space: { lr: { loguniform: [-7, -3] } } };
    expect(() => TrialStore.open(path, other)).toThrow(
      `TrialStore.open: ${path} belongs to a different run: "space.lr.loguniform[0]" is -6 in ` +
        'the file but -7 now. Hint: use another --out for a new run, or the same arguments ' +
        'to resume this one.',
    );
    expect(() => TrialStore.open(path, { ...HEADER, epochs: 3 })).toThrow(
      /"epochs" is absent from the file but 3 now\./,
    );
  });

  it('drops and truncates a torn last line', () => {
    const path = tempFile();
    const store = TrialStore.open(path, HEADER);
    store.append(record(0));
    const intact = readFileSync(path, 'utf8');
    appendFileSync(path, JSON.stringify(record(1)).slice(0, 25));

    const reopened = TrialStore.open(path, HEADER);
    expect(reopened.records().map((r) => r.index)).toEqual([0]);
    expect(readFileSync(path, 'utf8')).toBe(intact);
    reopened.append(record(1));
    expect(TrialStore.open(path, HEADER).records()).toHaveLength(2);
  });

  it('starts over when only part of the header was written', () => {
    const path = tempFile();
    TrialStore.open(path, HEADER);
    writeFileSync(path, JSON.stringify(HEADER).slice(0, 10));
    expect(TrialStore.open(path, HEADER).records()).toEqual([]);
    expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify(HEADER)}\n`);
  });

  it('refuses files that are not trial files, naming file and line', () => {
    const path = tempFile();
    TrialStore.open(path, HEADER);
    writeFileSync(path, 'user,item\n1,2\n');
    expect(() => TrialStore.open(path, HEADER)).toThrow(
      `TrialStore.open: ${path}:1: the first line must be a run's JSON header; got "user,item".`,
    );
    writeFileSync(path, `${JSON.stringify(HEADER)}\n{"index": 0}\n`);
    expect(() => TrialStore.open(path, HEADER)).toThrow(
      `TrialStore.open: ${path}:2: params must be an object; got undefined.`,
    );
    writeFileSync(path, `${JSON.stringify(HEADER)}\n{oops\n`);
    expect(() => TrialStore.open(path, HEADER)).toThrow(`${path}:2: not JSON: "{oops".`);
  });

  it('checks records before appending them', () => {
    const store = TrialStore.open(tempFile(), HEADER);
    store.append(record(0));
    expect(() => store.append(record(0))).toThrow(/index must not be recorded yet; got 0/);
    expect(() => store.append({ ...record(1), loss: Number.NaN })).toThrow(
      "TrialStore.append: loss must be a finite number for status 'ok'; got NaN.",
    );
    expect(() => store.append({ ...record(1), params: { lr: Infinity } })).toThrow(
      'TrialStore.append: params.lr must be a string, boolean or finite number; got Infinity.',
    );
    const cyclic: Record<string, unknown> = {};
    cyclic['self'] = cyclic;
    expect(() => store.append({ ...record(1), details: cyclic })).toThrow(TypeError);
    expect(() => TrialStore.open(tempFile(), { n: 1n } as never)).toThrow(TypeError);
    expect(store.records()).toHaveLength(1);
  });
});
