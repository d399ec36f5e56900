import { describeValue } from '@seqrec/interactions';
import type { SequenceInteractions } from '@seqrec/interactions';

import type { EvaluateSequencesOptions } from '../evaluate-sequences.js';
import type { Scorer } from '../scorer.js';

/** {@link EvaluateSequencesOptions} with every default filled in. */
export interface ResolvedEvaluateOptions {
  readonly excludePreceding: boolean;
  /** Cut-offs, ascending, without repeats. */
  readonly k: readonly number[];
  readonly batchSize: number;
  readonly onProgress: (done: number, total: number) => void;
}

const DEFAULT_K: readonly number[] = [10];

/**
 * Checks the scorer, the test set and the options of an evaluation entry point `api`, once,
 * and returns complete options.
 */
export function resolveEvaluateOptions(
  api: string,
  scorer: Scorer,
  test: SequenceInteractions,
  options: EvaluateSequencesOptions,
): ResolvedEvaluateOptions {
  checkScorer(api, scorer);
  checkTest(api, test, scorer.numItems);
  checkKeys(api, options);

  const excludePreceding = options.excludePreceding ?? false;
  if (typeof excludePreceding !== 'boolean') {
    throw new TypeError(
      `${api}: excludePreceding must be a boolean; got ${describeValue(excludePreceding)}.`,
    );
  }
  const k = resolveCutoffs(api, options.k ?? DEFAULT_K);
  const batchSize = options.batchSize ?? 256;
  if (typeof batchSize !== 'number' || !Number.isSafeInteger(batchSize) || batchSize < 1) {
    throw new RangeError(
      `${api}: batchSize must be a positive integer; got ${describeValue(batchSize)}.`,
    );
  }
  const onProgress = options.onProgress ?? noop;
  if (typeof onProgress !== 'function') {
    throw new TypeError(`${api}: onProgress must be a function; got ${describeValue(onProgress)}.`);
  }

  return { excludePreceding, k, batchSize, onProgress };
}

const KNOWN_KEYS: readonly string[] = ['excludePreceding', 'k', 'batchSize', 'onProgress'];

// A misspelt key (`exclude_preceding`) would otherwise silently give another metric.
function checkKeys(api: string, options: unknown): void {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN_KEYS.includes(key)) {
      throw new RangeError(
        `${api}: options must only hold known keys (${KNOWN_KEYS.join(', ')}); ` +
          `got ${describeValue(key)}.`,
      );
    }
  }
}

function checkScorer(api: string, scorer: Scorer): void {
  if (typeof scorer !== 'object' || scorer === null || typeof scorer.scoreBatch !== 'function') {
    throw new TypeError(
      `${api}: scorer must be an object with a scoreBatch method; got ${describeValue(scorer)}.`,
    );
  }
  const { numItems } = scorer;
  if (typeof numItems !== 'number' || !Number.isSafeInteger(numItems) || numItems < 1) {
    const hint = numItems === 0 ? ' Hint: a model must be fitted before it is evaluated.' : '';
    throw new RangeError(
      `${api}: scorer.numItems must be a positive integer; got ${describeValue(numItems)}.${hint}`,
    );
  }
}

function checkTest(api: string, test: SequenceInteractions, numItems: number): void {
  if (typeof test !== 'object' || test === null || !(test.sequences instanceof Int32Array)) {
    throw new TypeError(`${api}: test must be a SequenceInteractions; got ${describeValue(test)}.`);
  }
  if (test.maxLength < 2) {
    throw new RangeError(
      `${api}: test.maxLength must be at least 2 (inputs, then the target); ` +
        `got ${describeValue(test.maxLength)}.`,
    );
  }
  if (test.numItems !== numItems) {
    throw new RangeError(
      `${api}: scorer.numItems must equal test.numItems (${String(test.numItems)}); ` +
        `got ${String(numItems)}. Hint: fit the scorer on data with the same item id space.`,
    );
  }
}

function resolveCutoffs(api: string, k: unknown): readonly number[] {
  if (!Array.isArray(k) || k.length === 0) {
    throw new RangeError(`${api}: k must be a non-empty array; got ${describeValue(k)}.`);
  }
  for (const [i, value] of k.entries()) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
      throw new RangeError(
        `${api}: k[${String(i)}] must be a positive integer; got ${describeValue(value)}.`,
      );
    }
  }
  return [...new Set(k as number[])].sort((a, b) => a - b);
}

function noop(): void {
  // Progress is optional; by default nobody listens.
}
