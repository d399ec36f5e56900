import { describeValue } from '@seqrec/interactions';

import type { ResolvedLoadOptions } from './resolve-load-options.js';

/**
 * Decides what happens to a bad line: an error naming file, line and problem, or (with
 * `skipInvalid`) a skip reported through `onSkip`.
 *
 * @internal
 */
export class LineIssues {
  /** Lines skipped so far. */
  skipped = 0;
  readonly #options: ResolvedLoadOptions;
  readonly #path: string;
  readonly #unit: string;

  /** @param unit - What a position counts: `line` in text files, `row` in HDF5 tables. */
  constructor(path: string, options: ResolvedLoadOptions, unit: 'line' | 'row' = 'line') {
    this.#path = path;
    this.#options = options;
    this.#unit = unit;
  }

  /**
   * Reports a problem with one line: skips it when allowed, throws otherwise.
   *
   * @param problem - `<what> must be <rule>; got <value>`, without a final period.
   * @param hint - How to fix it, for the error message only.
   */
  report(line: number, problem: string, hint?: string): void {
    if (!this.#options.skipInvalid) throw this.error(line, problem, hint);
    this.skipped++;
    this.#options.onSkip?.({ line, reason: problem });
  }

  /** An error about one line, which no option can skip (a header problem, for instance). */
  error(line: number, problem: string, hint?: string): Error {
    const tail = hint === undefined ? '' : ` Hint: ${hint}.`;
    const where = `${this.#path} ${this.#unit} ${String(line)}`;
    return new Error(`${this.#options.api}: ${where}: ${problem}.${tail}`);
  }

  /**
   * Throws when the file gave no interaction: it was empty, held only a header, or every
   * line was skipped.
   */
  requireData(interactions: number, dataLines: number, headerLines: number): void {
    if (interactions > 0) return;
    const got =
      dataLines > 0
        ? `none valid (${String(this.skipped)} lines skipped)`
        : headerLines > 0
          ? 'only a header line'
          : 'an empty file';
    throw new Error(
      `${this.#options.api}: ${this.#path} must hold at least one interaction; got ${got}.`,
    );
  }
}

/**
 * `<what> must be <rule>; got <value>`, the shape of every line problem.
 *
 * @internal
 */
export function mustBe(what: string, rule: string, value: unknown): string {
  return `${what} must be ${rule}; got ${describeValue(value)}`;
}
