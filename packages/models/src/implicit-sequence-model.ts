import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { evaluateSequences, type Scorer, type SequenceBatch } from '@seqrec/eval';
import { describeValue, SequenceInteractions, type IdMap, type RawId } from '@seqrec/interactions';
import type { SequenceRepresentation } from '@seqrec/representations';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import type { EpochReport, FitOptions } from './fit-options.js';
import { buildNetwork, type Network } from './internal/build-network.js';
import { buildOptimizer } from './internal/build-optimizer.js';
import { copyTrailingColumns } from './internal/copy-trailing-columns.js';
import { planBatches, windowLengths, type PlannedBatch } from './internal/plan-batches.js';
import { resolveModelOptions } from './internal/resolve-model-options.js';
import { topK } from './internal/top-k.js';
import { trainStep } from './internal/train-step.js';
import type { ImplicitSequenceModelOptions, ResolvedModelOptions } from './model-options.js';

const MAX_BATCH_ELEMENTS = 2 ** 28;

/** Options of {@link ImplicitSequenceModel.recommend}. */
export interface RecommendOptions {
  /** Leave out the items of the history (default true). */
  readonly excludeSeen?: boolean;
}

/**
 * A next-item recommender trained on windows of user histories: any registered
 * representation with any loss, through one training loop (Spotlight's
 * `ImplicitSequenceModel`).
 *
 * Each epoch shuffles the windows, and for every minibatch scores the true next item at
 * every position against `numNegativeSamples` sampled items, masks padding targets, and takes
 * an optimiser step. The model is built at the first `fit`, when the item space is known;
 * later calls continue training the same weights.
 *
 * With `padding: 'trim'` (the default) each batch holds windows of similar length and drops
 * the leading columns that are padding in all of its rows, as `scoreBatch` does; with
 * `'keep'` every batch is as wide as the windows and rows are drawn freely, which is
 * Spotlight's computation step for step.
 *
 * @remarks
 * Deviation: Spotlight runs every window through all `maxLength` steps, so a recurrent
 * state evolves over the left padding (biases act on zero inputs) before the first item.
 * `'trim'` starts the state at the first column some row of the batch uses, which is less
 * work for nearly the same model; `'keep'` reproduces the reference.
 *
 * @see Kula, M. "Spotlight", 2017: `spotlight.sequence.implicit.ImplicitSequenceModel`.
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 20, numItems: 10, numInteractions: 400, seed: 1 });
 * const windows = toSequences(data, { maxLength: 5 });
 * const model = new ImplicitSequenceModel({ representation: 'pooling', nIter: 1, backend: 'cpu' });
 * await model.fit(windows);
 * const top = model.recommend([1, 2, 3], 3);
 * console.assert(top.length === 3);
 * model.dispose();
 * ```
 */
export class ImplicitSequenceModel implements Scorer {
  /** The validated options, defaults filled in. */
  readonly options: ResolvedModelOptions;
  #network: Network | undefined;
  #optimizer: tf.Optimizer | undefined;
  #variables: tf.Variable[] = [];
  #itemMap: IdMap | undefined;
  #maxLength = 0;
  #epoch = 0;
  #backendName = '';
  #disposed = false;
  readonly #random: () => number;

  /** @throws TypeError or RangeError naming the first bad option and its value. */
  constructor(options: ImplicitSequenceModelOptions = {}) {
    this.options = resolveModelOptions(options);
    const rng = xoroshiro128plus(this.options.seed);
    this.#random = () => uniformFloat64(rng);
  }

  /** Size of the item id space (padding included), or 0 before the first `fit`. */
  get numItems(): number {
    return this.#network?.representation.context.numItems ?? 0;
  }

  /** The TensorFlow.js backend the model computes on, once `fit` has chosen it. */
  get backendName(): string {
    return this.#backendName;
  }

  /** The representation, once built by `fit`. */
  get representation(): SequenceRepresentation | undefined {
    return this.#network?.representation;
  }

  /**
   * Trains for `nIter` epochs. Reports through callbacks; resolves with the epoch reports.
   *
   * @throws RangeError if the windows' item space differs from an earlier `fit`'s.
   * @throws Error naming the epoch and batch when the loss becomes NaN or infinite.
   */
  async fit(sequences: SequenceInteractions, options: FitOptions = {}): Promise<EpochReport[]> {
    this.#checkTrainingSet(sequences);
    await this.#build(sequences);
    const network = this.#network as Network;
    network.sampler.fit(sequences);
    const { batchSize, numNegativeSamples: k, padding } = this.options;
    const L = sequences.maxLength;
    const lengths = windowLengths(sequences.sequences, L);
    const reports: EpochReport[] = [];

    for (let iteration = 0; iteration < this.options.nIter; iteration++) {
      const epoch = ++this.#epoch;
      const started = performance.now();
      const batches = planBatches(lengths, L, batchSize, padding, this.#random);
      const numBatches = batches.length;
      let total = 0;
      for (let b = 0; b < numBatches; b++) {
        const { rows, width } = batches[b] as PlannedBatch;
        const ids = copyTrailingColumns(sequences.sequences, L, rows, width);
        const negatives = new Int32Array(rows.length * width * k);
        network.sampler.sample(negatives, this.#random);

        const itemIds = tf.tensor2d(ids, [rows.length, width], 'int32');
        const negativeIds = tf.tensor2d(negatives, [rows.length * width, k], 'int32');
        const loss = trainStep(
          {
            ...network,
            optimizer: this.#optimizer as tf.Optimizer,
            variables: this.#variables,
            l2: this.options.l2,
          },
          itemIds,
          negativeIds,
        );
        itemIds.dispose();
        negativeIds.dispose();
        if (!Number.isFinite(loss)) {
          throw new Error(
            `ImplicitSequenceModel.fit: loss must stay finite; got ${String(loss)} at epoch ` +
              `${String(epoch)}, batch ${String(b + 1)} of ${String(numBatches)}. ` +
              'Hint: lower the learning rate.',
          );
        }
        total += loss;
        options.onBatchEnd?.({ epoch, batch: b + 1, numBatches, loss });
        // Yield so timers (progress bars, signals) run between batches.
        await new Promise((resolve) => setImmediate(resolve));
      }
      const seconds = (performance.now() - started) / 1000;
      const report: EpochReport = { epoch, loss: total / Math.max(numBatches, 1), seconds };
      const validationMrr = options.validation
        ? (await evaluateSequences(this, options.validation, { excludePreceding: true })).mrr
        : undefined;
      const full = validationMrr === undefined ? report : { ...report, validationMrr };
      reports.push(full);
      options.onEpochEnd?.(full);
    }
    return reports;
  }

  /**
   * Scores every item after each row of `batch` (the {@link Scorer} contract of
   * `@seqrec/eval`): float32 [numSequences, numItems], from the state after the whole row.
   *
   * @throws Error if the model has not been fitted.
   */
  scoreBatch(batch: SequenceBatch): Float32Array {
    const network = this.#requireNetwork('scoreBatch');
    const { numSequences, maxLength } = batch;
    // A row with no input is scored from the state after one padding step.
    let width = Math.max(maxLength, 1);
    if (this.options.padding === 'trim' && maxLength > 0) {
      width = windowLengths(batch.sequences, maxLength).reduce((a, b) => Math.max(a, b), 1);
    }
    let ids = batch.sequences;
    if (maxLength === 0) ids = new Int32Array(numSequences);
    else if (width < maxLength)
      ids = copyTrailingColumns(
        batch.sequences,
        maxLength,
        Int32Array.from({ length: numSequences }, (_, i) => i),
        width,
      );
    // The tensor, not its values, leaves tidy: tidy walks every key of what it returns
    // looking for tensors, which for a [256, 12101] score array took over a second.
    const scores = tf.tidy(() => {
      const itemIds = tf.tensor2d(ids, [numSequences, width], 'int32');
      const { final } = network.representation.encode(itemIds);
      return network.representation.scoreAll(final);
    });
    const values = scores.dataSync() as Float32Array;
    scores.dispose();
    return values;
  }

  /**
   * The `k` best next items after a history of raw item ids (oldest first), as raw ids,
   * best first. Unknown ids are skipped; the last `maxLength` known items are used.
   *
   * @throws Error if the model has not been fitted.
   * @throws RangeError if `k` is not a positive integer.
   */
  recommend(history: readonly RawId[], k: number, options: RecommendOptions = {}): RawId[] {
    this.#requireNetwork('recommend');
    if (!Array.isArray(history)) {
      throw new TypeError(
        `ImplicitSequenceModel.recommend: history must be an array of raw item ids; ` +
          `got ${describeValue(history)}.`,
      );
    }
    if (!Number.isSafeInteger(k) || k < 1) {
      throw new RangeError(
        `ImplicitSequenceModel.recommend: k must be a positive integer; got ${describeValue(k)}.`,
      );
    }
    const dense: number[] = [];
    for (const raw of history) {
      const id = this.#itemMap
        ? this.#itemMap.toDense(raw)
        : typeof raw === 'number'
          ? raw
          : undefined;
      if (id !== undefined && id > 0 && id < this.numItems) dense.push(id);
    }
    const L = this.#maxLength;
    const window = new Int32Array(L);
    const recent = dense.slice(-L);
    window.set(recent, L - recent.length);
    const scores = this.scoreBatch({ sequences: window, numSequences: 1, maxLength: L });
    const excluded = options.excludeSeen === false ? [0] : [0, ...dense];
    return topK(scores, k, excluded).map((id) => (this.#itemMap ? this.#itemMap.toRaw(id) : id));
  }

  /** Frees every tensor the model holds. */
  dispose(): void {
    if (this.#network !== undefined) {
      const { representation } = this.#network;
      representation.dispose();
      representation.context.itemEmbedding.dispose();
      representation.context.itemBias.dispose();
    }
    this.#optimizer?.dispose();
    this.#network = undefined;
    this.#optimizer = undefined;
    this.#variables = [];
    this.#disposed = true;
  }

  async #build(sequences: SequenceInteractions): Promise<void> {
    if (this.#network !== undefined) {
      if (sequences.numItems !== this.numItems) {
        throw new RangeError(
          `ImplicitSequenceModel.fit: sequences.numItems must equal the first fit's ` +
            `(${String(this.numItems)}); got ${String(sequences.numItems)}.`,
        );
      }
      return;
    }
    this.#backendName = (await selectBackend({ backend: this.options.backend })).name;
    const network = buildNetwork(this.options, sequences.numItems);
    const { context } = network.representation;
    this.#network = network;
    this.#variables = [
      ...context.itemEmbedding.variables,
      ...context.itemBias.variables,
      ...network.representation.variables,
    ];
    this.#optimizer = buildOptimizer(this.options.optimizer, this.options.learningRate);
    this.#itemMap = sequences.itemMap;
    this.#maxLength = sequences.maxLength;
  }

  #checkTrainingSet(sequences: unknown): asserts sequences is SequenceInteractions {
    const api = 'ImplicitSequenceModel.fit';
    if (this.#disposed) {
      throw new Error(`${api}: the model must not be disposed; got a disposed model.`);
    }
    if (!(sequences instanceof SequenceInteractions)) {
      throw new TypeError(
        `${api}: sequences must be a SequenceInteractions; got ${describeValue(sequences)}. ` +
          'Hint: window interactions with toSequences first.',
      );
    }
    if (sequences.numSequences === 0) {
      throw new RangeError(
        `${api}: sequences must hold at least one window; got 0. ` +
          'Hint: lower minLength, or check the split left users to train on.',
      );
    }
    if (sequences.numItems < 2) {
      throw new RangeError(
        `${api}: sequences.numItems must be at least 2 (padding and one item); ` +
          `got ${String(sequences.numItems)}.`,
      );
    }
    // The item embeddings of a batch's negatives, float32 [negatives, batch, length, dim],
    // are gathered into one buffer; past 2^28 elements (1 GiB) the wasm heap (4 GiB at most)
    // cannot hold them with their gradient, and the engine's own error would not say why.
    const { batchSize, numNegativeSamples, embeddingDim } = this.options;
    const rows = Math.min(batchSize, sequences.numSequences);
    if (numNegativeSamples * rows * sequences.maxLength * embeddingDim > MAX_BATCH_ELEMENTS) {
      throw new RangeError(
        `${api}: numNegativeSamples × batchSize × maxLength × embeddingDim must be at most ` +
          `2^28; got ${[numNegativeSamples, rows, sequences.maxLength, embeddingDim].join(' × ')}. ` +
          'Hint: lower numNegativeSamples or batchSize.',
      );
    }
  }

  #requireNetwork(api: string): Network {
    if (this.#network === undefined) {
      const state = this.#disposed ? 'a disposed model' : 'an unfitted model';
      throw new Error(
        `ImplicitSequenceModel.${api}: the model must be fitted first; got ${state}.`,
      );
    }
    return this.#network;
  }
}
