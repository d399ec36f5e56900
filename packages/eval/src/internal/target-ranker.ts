/**
 * The score an excluded item gets: minus the largest float32. Spotlight negates the scores
 * and writes `np.finfo(np.float32).max` over excluded items before ranking, which is this
 * value before negation.
 */
export const EXCLUDED_SCORE = -3.4028234663852886e38;

/**
 * Computes the 1-based average rank of one target among the scores of one row without
 * sorting: one linear pass counts the scores above and equal to the target's, then the
 * excluded items are moved from their own score to {@link EXCLUDED_SCORE}.
 *
 * One instance serves many rows of the same width; its scratch mask is left clear after
 * every call.
 */
export class TargetRanker {
  readonly #numItems: number;
  readonly #excluded: Uint8Array;

  constructor(numItems: number) {
    this.#numItems = numItems;
    this.#excluded = new Uint8Array(numItems);
  }

  /**
   * The average rank (rank 1 = highest score) of `target` in
   * `scores[offset, offset + numItems)`, or NaN when a score that takes part is NaN.
   *
   * @param excluded - Item ids whose score is replaced by {@link EXCLUDED_SCORE}; repeats
   *   count once; every id must be in `[0, numItems)`.
   */
  rank(scores: Float32Array, offset: number, target: number, excluded?: ArrayLike<number>): number {
    const mask = this.#excluded;
    const exclusions = excluded ?? [];
    for (let i = 0; i < exclusions.length; i++) mask[exclusions[i] as number] = 1;
    const own = scores[offset + target] as number;
    const t = mask[target] === 1 ? EXCLUDED_SCORE : own;

    // NaN fails all three comparisons, so the counts fall short of numItems when one occurs.
    let greater = 0;
    let equal = 0;
    let lower = 0;
    const end = offset + this.#numItems;
    for (let j = offset; j < end; j++) {
      const s = scores[j] as number;
      if (s > t) greater++;
      else if (s < t) lower++;
      else if (s === t) equal++;
    }

    // Move each distinct excluded item from its own score to EXCLUDED_SCORE, clearing the mask.
    for (let i = 0; i < exclusions.length; i++) {
      const j = exclusions[i] as number;
      if (mask[j] === 0) continue;
      mask[j] = 0;
      const s = scores[offset + j] as number;
      if (s > t) greater--;
      else if (s < t) lower--;
      else if (s === t) equal--;
      if (EXCLUDED_SCORE > t) greater++;
      else if (EXCLUDED_SCORE < t) lower++;
      else equal++;
    }

    if (greater + equal + lower !== this.#numItems) return Number.NaN;
    // Tied scores share the mean of the ranks greater + 1 … greater + equal.
    return greater + (equal + 1) / 2;
  }
}
