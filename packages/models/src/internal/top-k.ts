/**
 * Ids of the `k` highest scores, best first, skipping `excluded` ids; ties go to the lower
 * id. A bounded insertion keeps it O(n·k) with no full sort, fast for the small k of
 * recommendations.
 */
export function topK(scores: Float32Array, k: number, excluded: readonly number[]): number[] {
  const skip = new Set(excluded);
  const ids: number[] = [];
  const values: number[] = [];
  for (let id = 0; id < scores.length; id++) {
    if (skip.has(id)) continue;
    const value = scores[id] as number;
    if (ids.length === k && value <= (values[k - 1] as number)) continue;
    let at = Math.min(ids.length, k - 1);
    while (at > 0 && (values[at - 1] as number) < value) at--;
    ids.splice(at, 0, id);
    values.splice(at, 0, value);
    if (ids.length > k) {
      ids.pop();
      values.pop();
    }
  }
  return ids;
}
