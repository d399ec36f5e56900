import { PADDING_ID, describeValue } from '@seqrec/interactions';
import type { SequenceInteractions } from '@seqrec/interactions';

import type { Scorer } from '../scorer.js';
import type { SequenceMetrics } from '../sequence-metrics.js';
import { firstNaN } from './first-nan.js';
import { MetricSums } from './metric-sums.js';
import type { ResolvedEvaluateOptions } from './resolve-evaluate-options.js';
import { TargetRanker } from './target-ranker.js';

/**
 * The evaluation loop behind `evaluateSequences` and `sequenceMrr`: scores the rows whose
 * target is not padding in batches, ranks each target and sums the metrics.
 *
 * @param api - Name of the public entry point, for error messages.
 */
export async function evaluate(
  api: string,
  scorer: Scorer,
  test: SequenceInteractions,
  options: ResolvedEvaluateOptions,
): Promise<SequenceMetrics> {
  const { sequences, maxLength: L } = test;
  const width = L - 1;
  const numItems = scorer.numItems;
  const rows = rowsWithTargets(test);
  if (rows.length === 0) {
    throw new RangeError(
      `${api}: test must have a row whose last item is not padding; ` +
        `got ${String(test.numSequences)} rows, all ending in padding.`,
    );
  }

  const perSequence = new Float32Array(test.numSequences).fill(Number.NaN);
  const sums = new MetricSums(options.k);
  const ranker = new TargetRanker(numItems);
  for (let start = 0; start < rows.length; start += options.batchSize) {
    const batch = rows.subarray(start, start + options.batchSize);
    const scores = await scoreRows(api, scorer, test, batch);

    for (let b = 0; b < batch.length; b++) {
      const r = batch[b] as number;
      const target = sequences[r * L + width] as number;
      // Read the exclusions from the test set: the scorer may have changed its input copy.
      const excluded = options.excludePreceding
        ? sequences.subarray(r * L, r * L + width)
        : undefined;
      const rank = ranker.rank(scores, b * numItems, target, excluded);
      if (Number.isNaN(rank)) {
        const item = firstNaN(scores, b * numItems, numItems, excluded);
        throw new RangeError(
          `${api}: scores must not be NaN; got NaN for row ${String(r)}, item ${String(item)}.`,
        );
      }
      perSequence[r] = 1 / rank;
      sums.add(rank);
    }
    options.onProgress(start + batch.length, rows.length);
  }

  return {
    ...sums.means(),
    numSequences: rows.length,
    numSkipped: test.numSequences - rows.length,
    perSequence,
  };
}

/** Indices of the rows whose last item, the target, is a real item. */
function rowsWithTargets(test: SequenceInteractions): Int32Array {
  const { sequences, maxLength: L, numSequences } = test;
  const rows = new Int32Array(numSequences);
  let count = 0;
  for (let r = 0; r < numSequences; r++) {
    if (sequences[r * L + L - 1] !== PADDING_ID) rows[count++] = r;
  }
  return rows.subarray(0, count);
}

/** Copies the inputs (all but the last column) of `rows` and scores them in one call. */
async function scoreRows(
  api: string,
  scorer: Scorer,
  test: SequenceInteractions,
  rows: Int32Array,
): Promise<Float32Array> {
  const L = test.maxLength;
  const width = L - 1;
  const inputs = new Int32Array(rows.length * width);
  for (let b = 0; b < rows.length; b++) {
    const r = rows[b] as number;
    inputs.set(test.sequences.subarray(r * L, r * L + width), b * width);
  }

  let scores: unknown;
  try {
    scores = await scorer.scoreBatch({
      sequences: inputs,
      numSequences: rows.length,
      maxLength: width,
    });
  } catch (cause) {
    throw new Error(
      `${api}: scorer.scoreBatch failed on a batch of ${String(rows.length)} rows ` +
        `starting at row ${String(rows[0])}.`,
      { cause },
    );
  }

  if (!(scores instanceof Float32Array)) {
    throw new TypeError(
      `${api}: scorer.scoreBatch must return a Float32Array; got ${describeValue(scores)}.`,
    );
  }
  const expected = rows.length * scorer.numItems;
  if (scores.length !== expected) {
    throw new RangeError(
      `${api}: scores must have length batch × numItems = ${String(rows.length)} × ` +
        `${String(scorer.numItems)} = ${String(expected)}; got ${String(scores.length)}.`,
    );
  }
  return scores;
}
