/**
 * The last `width` columns of the chosen rows of a row-major int32 [rows, maxLength] matrix,
 * as a new int32 [chosen rows, width] matrix. Windows are left-padded, so when `width` is at
 * least every chosen row's real length only padding is dropped.
 */
export function copyTrailingColumns(
  sequences: Int32Array,
  maxLength: number,
  rows: Int32Array,
  width: number,
): Int32Array {
  const ids = new Int32Array(rows.length * width);
  const skip = maxLength - width;
  rows.forEach((row, i) => {
    const from = row * maxLength + skip;
    ids.set(sequences.subarray(from, from + width), i * width);
  });
  return ids;
}
