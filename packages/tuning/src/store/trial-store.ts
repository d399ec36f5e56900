import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { dirname } from 'node:path';

import { describeValue } from '@seqrec/interactions';

import { isPlainObject, recordProblem } from '../internal/check-record.js';
import { firstDifference } from '../internal/first-difference.js';
import type { TrialRecord } from './trial-record.js';

const NEWLINE = 0x0a;

/**
 * The trials of one search run, kept in a JSON Lines file: the first line is the run's
 * header (whatever describes the run: space, seed, sampler, data, model arguments), each
 * further line one finished {@link TrialRecord}, appended and flushed to disk as the trial
 * ends. A run killed at any moment and started again with the same arguments goes on
 * where it stopped: {@link TrialStore.open} refuses a file of another run, and drops a last
 * line that a kill cut short.
 *
 * Records are appended in the order trials finish, which with several workers is not
 * always index order; {@link TrialStore.records} sorts them.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { TrialStore } from '@seqrec/tuning';
 *
 * const path = join(mkdtempSync(join(tmpdir(), 'tuning-')), 'trials.jsonl');
 * const header = { seed: 1, sampler: 'tpe' };
 * const store = TrialStore.open(path, header);
 * const metrics = { mrr: 0.08 };
 * store.append({ index: 0, params: { lr: 0.01 }, status: 'ok', loss: -0.08, metrics, seconds: 3 });
 * console.assert(TrialStore.open(path, header).records()[0]?.loss === -0.08);
 * ```
 */
export class TrialStore {
  /** The trial file. */
  readonly path: string;
  /** The run's header, as read back from JSON. */
  readonly header: Readonly<Record<string, unknown>>;
  readonly #records = new Map<number, TrialRecord>();

  private constructor(path: string, header: Readonly<Record<string, unknown>>) {
    this.path = path;
    this.header = header;
  }

  /**
   * Opens the trial file of a run, creating it (and its folder) with the header as first
   * line when it does not exist or is empty. An existing file must carry a deep-equal
   * header (key order aside); its records are read, and a last line without its newline
   * (a write cut short by a kill) is dropped and truncated from the file.
   *
   * @param path - the JSON Lines file.
   * @param header - a JSON-serialisable object describing the run.
   * @throws TypeError if `header` is not a plain object or does not survive JSON.
   * @throws Error if the file belongs to a different run (naming the first differing key),
   *   or a line is not a valid record (naming file and line).
   */
  static open(path: string, header: Readonly<Record<string, unknown>>): TrialStore {
    const expected = normaliseHeader(header);
    const headerLine = `${JSON.stringify(expected)}\n`;
    const bytes = existsSync(path) ? readFileSync(path) : Buffer.alloc(0);
    const complete = bytes.lastIndexOf(NEWLINE) + 1;
    const cut = bytes.subarray(complete).toString('utf8');

    if (complete === 0 && headerLine.startsWith(cut)) {
      // New, empty, or killed while its header was being written.
      mkdirSync(dirname(path), { recursive: true });
      writeDurably(path, headerLine, 'w');
      return new TrialStore(path, expected);
    }
    if (complete === 0) throw notATrialFile(path, cut);
    const lines = bytes
      .subarray(0, complete - 1)
      .toString('utf8')
      .split('\n');
    const found = parseLine(lines[0] as string, () => notATrialFile(path, lines[0]));
    if (!isPlainObject(found)) throw notATrialFile(path, lines[0]);
    checkSameRun(path, found, expected);

    const store = new TrialStore(path, expected);
    lines.slice(1).forEach((line, k) => {
      const record = parseLine(line, (problem) => badLine(path, k + 2, problem));
      const problem = recordProblem(record);
      if (problem !== undefined) throw badLine(path, k + 2, problem);
      // Limitation: a duplicate index (two processes writing one file) keeps the first.
      const { index } = record as TrialRecord;
      if (!store.#records.has(index)) store.#records.set(index, record as TrialRecord);
    });
    if (complete < bytes.length) truncateSync(path, complete);
    return store;
  }

  /** The finished trials, in index order. */
  records(): TrialRecord[] {
    return [...this.#records.values()].sort((a, b) => a.index - b.index);
  }

  /** Whether trial `index` has a record. */
  has(index: number): boolean {
    return this.#records.has(index);
  }

  /**
   * Appends one record as one JSON line and flushes it to disk (fsync) before returning.
   *
   * @throws RangeError if the record is malformed or its index is already recorded.
   * @throws TypeError if `details` does not serialise to JSON.
   */
  append(record: TrialRecord): void {
    const problem = recordProblem(record);
    if (problem !== undefined) throw new RangeError(`TrialStore.append: ${problem}.`);
    if (this.#records.has(record.index)) {
      throw new RangeError(
        `TrialStore.append: index must not be recorded yet; got ${String(record.index)}, ` +
          `already in ${this.path}.`,
      );
    }
    let line: string;
    try {
      line = `${JSON.stringify(record)}\n`;
    } catch (cause) {
      throw new TypeError(
        `TrialStore.append: details must serialise to JSON; got ${describeValue(record.details)}.`,
        { cause },
      );
    }
    writeDurably(this.path, line, 'a');
    this.#records.set(record.index, JSON.parse(line) as TrialRecord);
  }
}

function normaliseHeader(header: unknown): Readonly<Record<string, unknown>> {
  let copy: unknown;
  try {
    copy = isPlainObject(header) ? JSON.parse(JSON.stringify(header)) : undefined;
  } catch (cause) {
    throw new TypeError(
      `TrialStore.open: header must serialise to JSON; got ${describeValue(header)}.`,
      { cause },
    );
  }
  if (!isPlainObject(copy)) {
    throw new TypeError(
      `TrialStore.open: header must be a plain JSON object; got ${describeValue(header)}.`,
    );
  }
  return copy;
}

function checkSameRun(path: string, found: unknown, expected: unknown): void {
  const diff = firstDifference(found, expected);
  if (diff === undefined) return;
  const where = diff.path === '' ? 'the header' : `"${diff.path}"`;
  // A key one side lacks is said so, rather than shown as the value undefined.
  const inFile =
    diff.left === undefined ? 'absent from the file' : `${describeValue(diff.left)} in the file`;
  const now = diff.right === undefined ? 'absent now' : `${describeValue(diff.right)} now`;
  throw new Error(
    `TrialStore.open: ${path} belongs to a different run: ${where} is ${inFile} but ${now}. ` +
      'Hint: use another --out for a new run, or the same arguments to resume this one.',
  );
}

function parseLine(text: string, fail: (problem: string) => Error): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (cause) {
    throw new Error(fail(`not JSON: ${describeValue(text)}`).message, { cause });
  }
}

function badLine(path: string, line: number, problem: string): Error {
  return new Error(`TrialStore.open: ${path}:${String(line)}: ${problem}.`);
}

function notATrialFile(path: string, firstLine: string | undefined): Error {
  return new Error(
    `TrialStore.open: ${path}:1: the first line must be a run's JSON header; ` +
      `got ${describeValue(firstLine)}. Hint: is --out pointing at the wrong file?`,
  );
}

/** Writes text at the end of the file (or over it with 'w') and waits for the disk. */
function writeDurably(path: string, text: string, flags: 'a' | 'w'): void {
  const fd = openSync(path, flags);
  try {
    writeFileSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
