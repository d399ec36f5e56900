import type { PaddingMode } from '../padding-mode.js';

/** One minibatch of an epoch: the rows it takes and the trailing columns it keeps. */
export interface PlannedBatch {
  /** Row indexes into the windows, in batch order. */
  readonly rows: Int32Array;
  /** Columns kept, counted from the right: `maxLength` in `'keep'` mode. */
  readonly width: number;
}

/**
 * Real length of each left-padded window: `maxLength` minus the index of its first non-zero
 * id, so an id of 0 inside a window is kept. A window of padding only has length 0.
 *
 * `sequences` int32 [rows, maxLength], row-major.
 */
export function windowLengths(sequences: Int32Array, maxLength: number): Int32Array {
  const rows = maxLength === 0 ? 0 : sequences.length / maxLength;
  const lengths = new Int32Array(rows);
  for (let r = 0; r < rows; r++) {
    let first = r * maxLength;
    const end = first + maxLength;
    while (first < end && sequences[first] === 0) first++;
    lengths[r] = end - first;
  }
  return lengths;
}

/**
 * The minibatches of one epoch. Both modes first shuffle all rows with `random`, so that
 * `'keep'` consumes the generator exactly as the trainer always has (results stay
 * comparable across versions).
 *
 * - `'keep'`: consecutive chunks of the shuffled order, each `maxLength` wide.
 * - `'trim'`: the shuffled rows sorted by length (longest first, ties in shuffled order),
 *   cut into chunks, the chunks shuffled; each chunk is as wide as its longest row, at least
 *   one column.
 *
 * Limitation: in `'trim'` mode a batch holds windows of similar length, not a uniform draw
 * of all windows. Gradients are unbiased over an epoch, but each step sees one length class;
 * on data whose windows all share one length the two modes batch alike.
 */
export function planBatches(
  lengths: Int32Array,
  maxLength: number,
  batchSize: number,
  mode: PaddingMode,
  random: () => number,
): PlannedBatch[] {
  const order = shuffledRows(lengths.length, random);
  if (mode === 'keep') return chunk(order, batchSize).map((rows) => ({ rows, width: maxLength }));

  const sorted = sortByLengthDescending(order, lengths, maxLength);
  const batches = chunk(sorted, batchSize).map((rows) => ({
    rows,
    width: Math.max(1, lengths[rows[0] as number] as number),
  }));
  shuffleInPlace(batches, random);
  return batches;
}

function shuffledRows(n: number, random: () => number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  shuffleInPlace(order, random);
  return order;
}

/** Fisher–Yates, drawing `random()` from the last index down. */
function shuffleInPlace<T>(items: { [index: number]: T; length: number }, random: () => number) {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const t = items[i] as T;
    items[i] = items[j] as T;
    items[j] = t;
  }
}

/** A stable counting sort: lengths are small integers in [0, maxLength]. */
function sortByLengthDescending(
  order: Int32Array,
  lengths: Int32Array,
  maxLength: number,
): Int32Array {
  // Slot k holds the rows of length maxLength - k; next[k] is where its next row goes.
  const next = new Int32Array(maxLength + 1);
  for (const row of order) {
    const k = maxLength - (lengths[row] as number);
    next[k] = (next[k] as number) + 1;
  }
  let start = 0;
  for (let k = 0; k <= maxLength; k++) {
    const size = next[k] as number;
    next[k] = start;
    start += size;
  }
  const sorted = new Int32Array(order.length);
  for (const row of order) {
    const k = maxLength - (lengths[row] as number);
    const slot = next[k] as number;
    sorted[slot] = row;
    next[k] = slot + 1;
  }
  return sorted;
}

function chunk(rows: Int32Array, size: number): Int32Array[] {
  const chunks: Int32Array[] = [];
  for (let start = 0; start < rows.length; start += size) {
    chunks.push(rows.subarray(start, Math.min(rows.length, start + size)));
  }
  return chunks;
}
