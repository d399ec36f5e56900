import * as tf from '@tensorflow/tfjs-core';
import { evaluateSequences, type Scorer, type SequenceBatch } from '@seqrec/eval';
import { selectBackend, type BackendChoice } from '@seqrec/backend';
import { describeValue, IdMap, SequenceInteractions, type RawId } from '@seqrec/interactions';
import {
  listRepresentations,
  useSequenceKernels,
  type SequenceRepresentation,
} from '@seqrec/representations';
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';

import type { EpochReport, FitOptions } from './fit-options.js';
import { buildNetwork, type Network } from './internal/build-network.js';
import { buildOptimizer } from './internal/build-optimizer.js';
import { fusedLossKind } from './internal/fused-loss-kind.js';
import { checkManifest } from './internal/check-manifest.js';
import { writeModelDir, readModelDir } from './internal/model-files.js';
import { copyTrailingColumns } from './internal/copy-trailing-columns.js';
import { planBatches, windowLengths, type PlannedBatch } from './internal/plan-batches.js';
import { resolveModelOptions } from './internal/resolve-model-options.js';
import { selectKernels, type KernelsSelection } from './internal/select-kernels.js';
import { topK } from './internal/top-k.js';
import { trainStep } from './internal/train-step.js';
import type { KernelsChoice } from './kernels-choice.js';
import type { ImplicitSequenceModelOptions, ResolvedModelOptions } from './model-options.js';
import { SAMPLER_NAMES } from './samplers/create-sampler.js';
import {
  SAVED_MODEL_FORMAT,
  SAVED_MODEL_VERSION,
  type ModelArtifacts,
  type ModelManifest,
  type SavedTensor,
} from './saved-model.js';
import { MODELS_VERSION } from './version.js';

const MAX_BATCH_ELEMENTS = 2 ** 28;

// A fresh file name per save, so a save never overwrites the weights the current manifest
// names.
function randomHex(): string {
  return Array.from({ length: 4 }, () =>
    Math.floor(Math.random() * 0x10000)
      .toString(16)
      .padStart(4, '0'),
  ).join('');
}

/**
 * Options of {@link ImplicitSequenceModel.recommend} and `recommendMany`.
 *
 * @example
 * ```ts
 * import type { RecommendOptions } from '@seqrec/models';
 *
 * // Items already in the history may be recommended again (a re-watch, a re-purchase).
 * const again: RecommendOptions = { excludeSeen: false };
 * console.assert(again.excludeSeen === false);
 * ```
 */
export interface RecommendOptions {
  /** Leave out the items of the history (default true). */
  readonly excludeSeen?: boolean;
}

/**
 * Options of {@link ImplicitSequenceModel.load} and `fromArtifacts`.
 *
 * @example
 * ```ts
 * import type { LoadOptions } from '@seqrec/models';
 *
 * // Exact, repeatable scores: load on the cpu backend.
 * const options: LoadOptions = { backend: 'cpu' };
 * console.assert(options.backend === 'cpu');
 * ```
 */
export interface LoadOptions {
  /** TensorFlow.js backend to compute on (default: `SEQREC_BACKEND`, else `'auto'`). */
  readonly backend?: BackendChoice;
  /** Recurrent-layer kernels (default: `SEQREC_KERNELS`, else `'auto'`). */
  readonly kernels?: KernelsChoice;
}

/**
 * One history's answer from {@link ImplicitSequenceModel.recommendMany}.
 *
 * @example
 * ```ts
 * import type { Recommendation } from '@seqrec/models';
 *
 * const describe = (r: Recommendation): string =>
 *   `${r.items.join(', ')} (${r.source}${r.unknown.length > 0 ? `, ignored ${r.unknown.join(', ')}` : ''})`;
 * const answer: Recommendation = { items: [7, 3], scores: [1.5, 1.2], unknown: ['x'], source: 'model' };
 * console.assert(describe(answer) === '7, 3 (model, ignored x)');
 * ```
 */
export interface Recommendation {
  /** The recommended raw item ids, best first. */
  readonly items: RawId[];
  /** Their scores: the model's, or training counts when `source` is `'popularity'`. */
  readonly scores: number[];
  /** History ids the model never saw in training, in order; they were ignored. */
  readonly unknown: RawId[];
  /**
   * `'model'`, or `'popularity'` when no history item was known (an empty history, or only
   * unknown ids): then the most frequent training items are returned.
   */
  readonly source: 'model' | 'popularity';
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
  #itemCounts: Int32Array | undefined;
  #epoch = 0;
  #backendName = '';
  #kernels: KernelsSelection | undefined;
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

  /**
   * The recurrent-layer kernels the model computes with (`'native'`, `'host'`, `'plain'` or a
   * plugin's name), once `fit` or `load` has chosen them; `''` before. Representations
   * without a recurrent layer do not use them.
   */
  get kernelsName(): string {
    return this.#kernels?.kernels.name ?? '';
  }

  /**
   * One line on the kernels in use and on faster ones that could not be used, for logs: for
   * example `native (C layers, 2 threads, OpenBLAS 0.3.21 (Cooperlake))`.
   */
  get kernelsDescription(): string {
    if (this.#kernels === undefined) return '';
    const { kernels, skipped } = this.#kernels;
    const passed = skipped.map((s) => `; ${s.name} skipped: ${s.reason}`).join('');
    return `${kernels.name} (${kernels.description})${passed}`;
  }

  /**
   * Raw item id ↔ dense id map of the training data (dense id 0 is padding), or undefined
   * before the first `fit` or when the model was trained on dense ids.
   */
  get itemMap(): IdMap | undefined {
    return this.#itemMap;
  }

  /** Window length of the training data (0 before the first `fit`). */
  get maxLength(): number {
    return this.#maxLength;
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
      const fusedLoss = fusedLossKind(network.representation, network.loss);
      for (let b = 0; b < numBatches; b++) {
        const { rows, width } = batches[b] as PlannedBatch;
        const ids = copyTrailingColumns(sequences.sequences, L, rows, width);
        const negatives = new Int32Array(rows.length * width * k);
        network.sampler.sample(negatives, this.#random);

        const itemIds = tf.tensor2d(ids, [rows.length, width], 'int32');
        const negativeIds = tf.tensor2d(negatives, [rows.length * width, k], 'int32');
        this.#useOwnKernels();
        const loss = trainStep(
          {
            ...network,
            optimizer: this.#optimizer as tf.Optimizer,
            variables: this.#variables,
            l2: this.options.l2,
            fusedLoss,
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
   * best first. Unknown ids are skipped; the last `maxLength` known items are used; a
   * history with no known item gets the most frequent training items. See
   * {@link ImplicitSequenceModel.recommendMany} for many histories and for what was skipped.
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
    return (this.#recommend('recommend', [history], k, options, 1)[0] as Recommendation).items;
  }

  /**
   * Recommendations for many histories at once (raw item ids, oldest first), scored in
   * batches of `batchSize` windows. Each answer lists the history ids the model never saw
   * (they are ignored) and says whether it came from the model or, for a history with no
   * known item, from training popularity.
   *
   * @param options - `batchSize`: windows scored per batch (default 256).
   * @throws Error if the model has not been fitted.
   * @throws TypeError or RangeError naming a bad history (by index), `k` or `batchSize`.
   * @example
   * ```ts
   * import { generateSequential } from '@seqrec/datasets';
   * import { toSequences } from '@seqrec/interactions';
   * import { ImplicitSequenceModel } from '@seqrec/models';
   *
   * const data = generateSequential({ numUsers: 20, numItems: 10, numInteractions: 400, seed: 1 });
   * const model = new ImplicitSequenceModel({ nIter: 1, backend: 'cpu' });
   * await model.fit(toSequences(data, { maxLength: 5 }));
   * const [known, empty] = model.recommendMany([[1, 2, 'never-seen'], []], 3);
   * console.assert(known!.unknown[0] === 'never-seen' && known!.source === 'model');
   * console.assert(empty!.source === 'popularity' && empty!.items.length === 3);
   * model.dispose();
   * ```
   */
  recommendMany(
    histories: readonly (readonly RawId[])[],
    k: number,
    options: RecommendOptions & { readonly batchSize?: number } = {},
  ): Recommendation[] {
    this.#requireNetwork('recommendMany');
    if (!Array.isArray(histories)) {
      throw new TypeError(
        `ImplicitSequenceModel.recommendMany: histories must be an array of arrays of raw ` +
          `item ids; got ${describeValue(histories)}.`,
      );
    }
    const batchSize = options.batchSize ?? 256;
    if (!Number.isSafeInteger(batchSize) || batchSize < 1) {
      throw new RangeError(
        `ImplicitSequenceModel.recommendMany: batchSize must be a positive integer; ` +
          `got ${describeValue(batchSize)}.`,
      );
    }
    return this.#recommend('recommendMany', histories, k, options, batchSize);
  }

  #recommend(
    api: string,
    histories: readonly (readonly RawId[])[],
    k: number,
    options: RecommendOptions,
    batchSize: number,
  ): Recommendation[] {
    if (!Number.isSafeInteger(k) || k < 1) {
      throw new RangeError(
        `ImplicitSequenceModel.${api}: k must be a positive integer; got ${describeValue(k)}.`,
      );
    }
    if (options.excludeSeen !== undefined && typeof options.excludeSeen !== 'boolean') {
      throw new TypeError(
        `ImplicitSequenceModel.${api}: excludeSeen must be true or false; ` +
          `got ${describeValue(options.excludeSeen)}.`,
      );
    }
    const L = this.#maxLength;
    const numItems = this.numItems;
    const toRaw = (id: number): RawId => (this.#itemMap ? this.#itemMap.toRaw(id) : id);
    // Dense ids of each history (unknown ones set aside) and the windows to score.
    const parsed = histories.map((history, index) => {
      if (!Array.isArray(history)) {
        throw new TypeError(
          `ImplicitSequenceModel.${api}: histories[${String(index)}] must be an array of raw ` +
            `item ids; got ${describeValue(history)}.`,
        );
      }
      const dense: number[] = [];
      const unknown: RawId[] = [];
      for (const raw of history as RawId[]) {
        const id = this.#itemMap
          ? this.#itemMap.toDense(raw)
          : typeof raw === 'number'
            ? raw
            : undefined;
        if (id !== undefined && Number.isInteger(id) && id > 0 && id < numItems) dense.push(id);
        else unknown.push(raw);
      }
      return { dense, unknown };
    });
    // Batches hold windows of one length: a batch is as wide as its longest window, and a
    // shorter one would run over left padding there, so its answer would depend on which
    // histories it was batched with.
    const width = (i: number) => Math.min((parsed[i] as { dense: number[] }).dense.length, L);
    const withItems = parsed
      .map((p, i) => (p.dense.length > 0 ? i : -1))
      .filter((i) => i >= 0)
      .sort((a, b) => width(b) - width(a) || a - b);
    const batches: number[][] = [];
    for (const row of withItems) {
      const last = batches[batches.length - 1];
      if (
        last !== undefined &&
        last.length < batchSize &&
        width(last[0] as number) === width(row)
      ) {
        last.push(row);
      } else batches.push([row]);
    }
    const results: Recommendation[] = new Array<Recommendation>(parsed.length);

    for (const rows of batches) {
      const windows = new Int32Array(rows.length * L);
      rows.forEach((row, r) => {
        const recent = (parsed[row] as { dense: number[] }).dense.slice(-L);
        windows.set(recent, r * L + L - recent.length);
      });
      const scores = this.scoreBatch({
        sequences: windows,
        numSequences: rows.length,
        maxLength: L,
      });
      rows.forEach((row, r) => {
        const { dense, unknown } = parsed[row] as { dense: number[]; unknown: RawId[] };
        const rowScores = scores.subarray(r * numItems, (r + 1) * numItems);
        const excluded = options.excludeSeen === false ? [0] : [0, ...dense];
        const ids = topK(rowScores, k, excluded);
        results[row] = {
          items: ids.map(toRaw),
          scores: ids.map((id) => rowScores[id] as number),
          unknown,
          source: 'model',
        };
      });
    }

    // Histories with no known item: the most frequent training items, ranked only if needed.
    if (withItems.length === parsed.length) return results;
    const counts = Float32Array.from(this.#itemCounts ?? new Int32Array(numItems));
    const popular = topK(counts, k, [0]);
    parsed.forEach(({ unknown }, i) => {
      if (results[i] !== undefined) return;
      results[i] = {
        items: popular.map(toRaw),
        scores: popular.map((id) => counts[id] as number),
        unknown,
        source: 'popularity',
      };
    });
    return results;
  }

  /**
   * The model as a manifest and the bytes of a weights file, the in-memory form of
   * {@link ImplicitSequenceModel.save}. The representation and the loss are recorded by
   * their registry names and options; optimiser state is not kept.
   *
   * @throws Error if the model has not been fitted.
   */
  toArtifacts(): ModelArtifacts {
    const network = this.#requireNetwork('toArtifacts');
    const names = this.#variableNames();
    const tensors: SavedTensor[] = [];
    const parts: Uint8Array[] = [];
    let offset = 0;
    const add = (name: string, shape: number[], dtype: 'float32' | 'int32', data: Uint8Array) => {
      tensors.push({ name, shape, dtype, offset });
      parts.push(data);
      offset += data.byteLength;
    };
    this.#variables.forEach((variable, i) => {
      const values = variable.dataSync() as Float32Array;
      add(names[i] as string, variable.shape, 'float32', new Uint8Array(values.slice().buffer));
    });
    const counts = this.#itemCounts ?? new Int32Array(this.numItems);
    add('item_counts', [counts.length], 'int32', new Uint8Array(counts.slice().buffer));
    const weights = new Uint8Array(offset);
    let at = 0;
    for (const part of parts) {
      weights.set(part, at);
      at += part.byteLength;
    }

    const { options } = this;
    const { representation, loss, sampler } = network;
    const manifest: ModelManifest = {
      format: SAVED_MODEL_FORMAT,
      formatVersion: SAVED_MODEL_VERSION,
      packages: { '@seqrec/models': MODELS_VERSION, '@tensorflow/tfjs-core': tf.version_core },
      representation: {
        name: representation.config.name,
        options: { ...representation.config.options },
      },
      loss: {
        name: loss.name,
        options: typeof options.loss === 'string' ? { ...options.lossOptions } : {},
      },
      options: {
        embeddingDim: representation.context.embeddingDim,
        nIter: options.nIter,
        batchSize: options.batchSize,
        l2: options.l2,
        learningRate: options.learningRate,
        optimizer: options.optimizer,
        numNegativeSamples: options.numNegativeSamples,
        negativeSampler: sampler.name,
        popularityExponent: options.popularityExponent,
        seed: options.seed,
        padding: options.padding,
      },
      numItems: this.numItems,
      maxLength: this.#maxLength,
      epochs: this.#epoch,
      itemIds: this.#itemMap ? this.#itemMap.toJSON() : null,
      weights: { file: `weights-${randomHex()}.bin`, byteLength: weights.byteLength, tensors },
    };
    return { manifest, weights: weights.buffer };
  }

  /**
   * Saves the model into folder `dir` (created if needed): `manifest.json` and a weights
   * file it names. The weights are written under a new name before the manifest is
   * replaced by a rename, so an interrupted save leaves the previous model in `dir` intact.
   *
   * @returns The paths written.
   * @throws Error if the model has not been fitted, or the folder cannot be written.
   * @example
   * ```ts
   * import { mkdtempSync } from 'node:fs';
   * import { tmpdir } from 'node:os';
   * import { join } from 'node:path';
   * import { generateSequential } from '@seqrec/datasets';
   * import { toSequences } from '@seqrec/interactions';
   * import { ImplicitSequenceModel } from '@seqrec/models';
   *
   * const data = generateSequential({ numUsers: 20, numItems: 10, numInteractions: 400, seed: 1 });
   * const model = new ImplicitSequenceModel({ representation: 'lstm', nIter: 1, backend: 'cpu' });
   * await model.fit(toSequences(data, { maxLength: 5 }));
   * const dir = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'model');
   * await model.save(dir);
   * const loaded = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
   * console.assert(loaded.recommend([1, 2], 3).join() === model.recommend([1, 2], 3).join());
   * ```
   */
  async save(dir: string): Promise<{ manifest: string; weights: string }> {
    if (typeof dir !== 'string' || dir === '') {
      throw new TypeError(
        `ImplicitSequenceModel.save: dir must be a folder path; got ${describeValue(dir)}.`,
      );
    }
    return writeModelDir(dir, this.toArtifacts());
  }

  /**
   * Loads a model saved by {@link ImplicitSequenceModel.save} from folder `dir`. See
   * {@link ImplicitSequenceModel.fromArtifacts} for what is checked.
   *
   * @throws Error naming the missing file, the manifest field that is wrong, the
   *   representation that is not registered, or the weight whose shape does not match.
   */
  static async load(dir: string, options: LoadOptions = {}): Promise<ImplicitSequenceModel> {
    if (typeof dir !== 'string' || dir === '') {
      throw new TypeError(
        `ImplicitSequenceModel.load: dir must be a folder path; got ${describeValue(dir)}.`,
      );
    }
    return ImplicitSequenceModel.fromArtifacts(await readModelDir(dir), options);
  }

  /**
   * Rebuilds a saved model from its manifest and weights bytes (in a browser, fetch both
   * files). The format version, the representation's and loss's registry names and every
   * weight's shape are checked before any weight is used; the rebuilt model scores exactly
   * as the saved one did. A representation from a plugin package loads once that package
   * has registered it.
   *
   * @throws Error naming the manifest field that is wrong, the representation or loss that
   *   is not registered, or the weight whose shape does not match.
   * @example
   * ```ts
   * import { generateSequential } from '@seqrec/datasets';
   * import { toSequences } from '@seqrec/interactions';
   * import { ImplicitSequenceModel } from '@seqrec/models';
   *
   * const data = generateSequential({ numUsers: 20, numItems: 10, numInteractions: 400, seed: 1 });
   * const model = new ImplicitSequenceModel({ nIter: 1, backend: 'cpu' });
   * await model.fit(toSequences(data, { maxLength: 5 }));
   * const copy = await ImplicitSequenceModel.fromArtifacts(model.toArtifacts(), { backend: 'cpu' });
   * console.assert(copy.recommend([3], 2).join() === model.recommend([3], 2).join());
   * ```
   */
  static async fromArtifacts(
    artifacts: ModelArtifacts,
    options: LoadOptions = {},
  ): Promise<ImplicitSequenceModel> {
    const api = 'ImplicitSequenceModel.fromArtifacts';
    if (
      typeof artifacts !== 'object' ||
      artifacts === null ||
      !(artifacts.weights instanceof ArrayBuffer)
    ) {
      throw new TypeError(
        `${api}: artifacts must be { manifest, weights: ArrayBuffer }; got ${describeValue(artifacts)}.`,
      );
    }
    const manifest = checkManifest(artifacts);
    const name = manifest.representation.name;
    if (!listRepresentations().includes(name)) {
      throw new Error(
        `${api}: the model's representation ${describeValue(name)} must be registered; ` +
          `registered: ${listRepresentations().join(', ')}. Hint: import the plugin package ` +
          'that registers it (registerRepresentation) before loading.',
      );
    }
    const saved = manifest.options;
    const model = new ImplicitSequenceModel({
      representation: name,
      representationOptions: manifest.representation.options,
      loss: manifest.loss.name,
      lossOptions: manifest.loss.options,
      embeddingDim: saved.embeddingDim,
      nIter: saved.nIter,
      batchSize: saved.batchSize,
      l2: saved.l2,
      learningRate: saved.learningRate,
      optimizer: saved.optimizer,
      numNegativeSamples: saved.numNegativeSamples,
      // A sampler instance of the user's own cannot be rebuilt; training continues uniform.
      negativeSampler: (SAMPLER_NAMES as readonly string[]).includes(saved.negativeSampler)
        ? saved.negativeSampler
        : 'uniform',
      popularityExponent: saved.popularityExponent,
      seed: saved.seed,
      padding: saved.padding,
      ...(options.backend === undefined ? {} : { backend: options.backend }),
      ...(options.kernels === undefined ? {} : { kernels: options.kernels }),
    });
    const stored = new Map(manifest.weights.tensors.map((t) => [t.name, t]));
    const read = (tensor: SavedTensor): Float32Array | Int32Array => {
      const size = tensor.shape.reduce((a, b) => a * b, 1);
      const bytes = artifacts.weights.slice(tensor.offset, tensor.offset + size * 4);
      return tensor.dtype === 'int32' ? new Int32Array(bytes) : new Float32Array(bytes);
    };
    const countsTensor = stored.get('item_counts');
    const counts =
      countsTensor === undefined
        ? new Int32Array(manifest.numItems)
        : Int32Array.from(read(countsTensor));
    const itemMap = manifest.itemIds === null ? undefined : IdMap.fromJSON(manifest.itemIds);
    await model.#buildFor(manifest.numItems, manifest.maxLength, itemMap, counts);
    model.#epoch = Number.isSafeInteger(manifest.epochs) ? manifest.epochs : 0;

    const names = model.#variableNames();
    const problems: string[] = [];
    model.#variables.forEach((variable, i) => {
      const tensorName = names[i] as string;
      const tensor = stored.get(tensorName);
      if (tensor === undefined) problems.push(`${tensorName} is missing`);
      else if (tensor.dtype !== 'float32')
        problems.push(`${tensorName} must be float32; got ${tensor.dtype}`);
      else if (tensor.shape.join() !== variable.shape.join()) {
        problems.push(
          `${tensorName} must have shape [${variable.shape.join(', ')}]; got [${tensor.shape.join(', ')}]`,
        );
      }
    });
    const extra = [...stored.keys()].filter((n) => n !== 'item_counts' && !names.includes(n));
    if (extra.length > 0) problems.push(`unexpected weights ${extra.join(', ')}`);
    if (problems.length > 0) {
      const expected = names.map(
        (n, i) => `${n} ${JSON.stringify((model.#variables[i] as tf.Variable).shape)}`,
      );
      model.dispose();
      throw new Error(
        `${api}: the weights must match the ${name} network the manifest describes ` +
          `(${expected.join('; ')}); ${problems.join('; ')}.`,
      );
    }
    model.#variables.forEach((variable, i) => {
      const tensor = stored.get(names[i] as string) as SavedTensor;
      const values = tf.tensor(read(tensor), variable.shape, 'float32');
      variable.assign(values);
      values.dispose();
    });
    return model;
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
    // How often each item occurs in the first training set: recommendations for a history
    // with no known item fall back to the most frequent items.
    const counts = new Int32Array(sequences.numItems);
    for (const id of sequences.sequences) if (id > 0) counts[id] = (counts[id] as number) + 1;
    await this.#buildFor(sequences.numItems, sequences.maxLength, sequences.itemMap, counts);
  }

  async #buildFor(
    numItems: number,
    maxLength: number,
    itemMap: IdMap | undefined,
    itemCounts: Int32Array,
  ): Promise<void> {
    this.#backendName = (await selectBackend({ backend: this.options.backend })).name;
    this.#kernels = await selectKernels(
      'ImplicitSequenceModel',
      this.options.kernels,
      this.#backendName,
    );
    const network = buildNetwork(this.options, numItems);
    const { context } = network.representation;
    this.#network = network;
    this.#variables = [
      ...context.itemEmbedding.variables,
      ...context.itemBias.variables,
      ...network.representation.variables,
    ];
    this.#optimizer = buildOptimizer(this.options.optimizer, this.options.learningRate);
    this.#itemMap = itemMap;
    this.#maxLength = maxLength;
    this.#itemCounts = itemCounts;
  }

  // Logical names of the trained variables, in #variables order, for the weights file.
  #variableNames(): string[] {
    const { context, variables } = this.#requireNetwork('save').representation;
    const names = (prefix: string, count: number) =>
      Array.from({ length: count }, (_, i) => (count === 1 ? prefix : `${prefix}/${String(i)}`));
    return [
      ...names('item_embedding', context.itemEmbedding.variables.length),
      ...names('item_bias', context.itemBias.variables.length),
      ...variables.map((_, i) => `representation/${String(i)}`),
    ];
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
    this.#useOwnKernels();
    return this.#network;
  }

  // The kernels are process-wide; set this model's again before it computes, so that models
  // with different `kernels` options can take turns.
  #useOwnKernels(): void {
    if (this.#kernels !== undefined) useSequenceKernels(this.#kernels.kernels);
  }
}
