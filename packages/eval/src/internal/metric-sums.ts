import type { SequenceMetrics } from '../sequence-metrics.js';

/** Running sums of the rank metrics over the evaluated rows, in float64. */
export class MetricSums {
  readonly #ks: readonly number[];
  readonly #hits: Float64Array;
  readonly #gains: Float64Array;
  #reciprocalRanks = 0;
  #count = 0;

  /** @param ks - Cut-offs, positive integers without repeats. */
  constructor(ks: readonly number[]) {
    this.#ks = ks;
    this.#hits = new Float64Array(ks.length);
    this.#gains = new Float64Array(ks.length);
  }

  /** Adds one row whose target has average rank `rank` (≥ 1). */
  add(rank: number): void {
    this.#reciprocalRanks += 1 / rank;
    this.#count++;
    // A tie straddling k counts as a hit when its average rank is within k.
    const gain = 1 / Math.log2(rank + 1);
    for (let i = 0; i < this.#ks.length; i++) {
      if (rank <= (this.#ks[i] as number)) {
        this.#hits[i] = (this.#hits[i] as number) + 1;
        this.#gains[i] = (this.#gains[i] as number) + gain;
      }
    }
  }

  /** The means over the rows added so far. */
  means(): Pick<SequenceMetrics, 'mrr' | 'hr' | 'ndcg' | 'precision' | 'recall'> {
    const n = this.#count;
    const hr: Record<number, number> = {};
    const ndcg: Record<number, number> = {};
    const precision: Record<number, number> = {};
    const recall: Record<number, number> = {};
    this.#ks.forEach((k, i) => {
      const hitRate = (this.#hits[i] as number) / n;
      hr[k] = hitRate;
      // One relevant item per row: the ideal DCG is 1, recall is the hit rate and
      // precision divides the single possible hit by the k slots.
      ndcg[k] = (this.#gains[i] as number) / n;
      recall[k] = hitRate;
      precision[k] = hitRate / k;
    });
    return { mrr: this.#reciprocalRanks / n, hr, ndcg, precision, recall };
  }
}
