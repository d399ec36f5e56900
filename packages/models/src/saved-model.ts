import type { IdMapConfig } from '@seqrec/interactions';

import type { ResolvedModelOptions } from './model-options.js';

/**
 * The `format` field of every saved model's manifest.
 *
 * @example
 * ```ts
 * import { SAVED_MODEL_FORMAT, SAVED_MODEL_VERSION, type ModelManifest } from '@seqrec/models';
 *
 * // What a reader in another language checks before it trusts any other field.
 * function readable(manifest: Pick<ModelManifest, 'format' | 'formatVersion'>): boolean {
 *   const { format, formatVersion } = manifest;
 *   return format === SAVED_MODEL_FORMAT && formatVersion === SAVED_MODEL_VERSION;
 * }
 * console.assert(readable({ format: 'seqrec-model', formatVersion: 1 }));
 * ```
 */
export const SAVED_MODEL_FORMAT = 'seqrec-model';

/**
 * The manifest layout this version writes and reads. A loader refuses other versions
 * rather than guess at fields it does not know.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, SAVED_MODEL_VERSION } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const model = new ImplicitSequenceModel({ nIter: 1, embeddingDim: 8, backend: 'cpu' });
 * await model.fit(toSequences(data, { maxLength: 4 }));
 * const { manifest } = model.toArtifacts();
 * console.assert(manifest.formatVersion === SAVED_MODEL_VERSION);
 * // A manifest of another version is refused rather than half understood.
 * const newer = { ...model.toArtifacts(), manifest: { ...manifest, formatVersion: 99 } };
 * const refused = await ImplicitSequenceModel.fromArtifacts(newer).catch((e) => e);
 * console.assert(refused instanceof Error);
 * model.dispose();
 * ```
 */
export const SAVED_MODEL_VERSION = 1;

/**
 * One tensor stored in a saved model's weights file.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, type SavedTensor } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const model = new ImplicitSequenceModel({ nIter: 1, embeddingDim: 8, backend: 'cpu' });
 * await model.fit(toSequences(data, { maxLength: 4 }));
 * const { manifest, weights } = model.toArtifacts();
 * const table: SavedTensor | undefined = manifest.weights.tensors.find(
 *   (tensor) => tensor.name === 'item_embedding',
 * );
 * console.assert(table?.dtype === 'float32');
 * console.assert(table?.shape.join() === `${String(data.numItems)},8`);
 * // The tensor's values sit at its offset in the weights file.
 * const values = new Float32Array(weights, table?.offset ?? 0, data.numItems * 8);
 * console.assert(values.every(Number.isFinite) && (table?.offset ?? 1) % 4 === 0);
 * model.dispose();
 * ```
 */
export interface SavedTensor {
  /**
   * What it is: `item_embedding`, `item_bias`, `representation/<i>` (the representation's
   * own variables in order) or `item_counts`.
   */
  readonly name: string;
  /** The shape, checked against the rebuilt network's variable at load. */
  readonly shape: readonly number[];
  readonly dtype: 'float32' | 'int32';
  /** Byte offset in the weights file (a multiple of 4). */
  readonly offset: number;
}

/**
 * The JSON manifest of a saved {@link ImplicitSequenceModel}: enough to rebuild the network
 * through the registries and to check every weight before it is used.
 *
 * @example
 * ```ts
 * import { generateSequential } from '@seqrec/datasets';
 * import { toSequences } from '@seqrec/interactions';
 * import { ImplicitSequenceModel, type ModelManifest } from '@seqrec/models';
 *
 * const data = generateSequential({ numUsers: 10, numItems: 8, numInteractions: 100, seed: 1 });
 * const model = new ImplicitSequenceModel({ representation: 'gru', nIter: 1, backend: 'cpu' });
 * await model.fit(toSequences(data, { maxLength: 4 }));
 * const manifest: ModelManifest = model.toArtifacts().manifest;
 * console.assert(manifest.representation.name === 'gru' && manifest.epochs === 1);
 * console.assert(manifest.maxLength === 4 && manifest.numItems === data.numItems);
 * // Plain JSON: it survives a round trip through text unchanged.
 * const text = JSON.stringify(manifest);
 * console.assert(JSON.stringify(JSON.parse(text)) === text);
 * model.dispose();
 * ```
 */
export interface ModelManifest {
  readonly format: typeof SAVED_MODEL_FORMAT;
  readonly formatVersion: number;
  /** Versions of the packages that wrote it, for diagnostics. */
  readonly packages: Readonly<Record<string, string>>;
  /** Registry name and options of the representation. */
  readonly representation: { readonly name: string; readonly options: Record<string, unknown> };
  /** Registry name and options of the loss (used when training continues). */
  readonly loss: { readonly name: string; readonly options: Record<string, unknown> };
  /** The trainer's plain options. */
  readonly options: Pick<
    ResolvedModelOptions,
    | 'embeddingDim'
    | 'nIter'
    | 'batchSize'
    | 'l2'
    | 'learningRate'
    | 'optimizer'
    | 'numNegativeSamples'
    | 'popularityExponent'
    | 'seed'
    | 'padding'
  > & {
    /** The sampler's name (an instance of the user's own is saved by its name). */
    readonly negativeSampler: string;
  };
  /** Size of the item id space, padding included. */
  readonly numItems: number;
  /** Window length of the training data; recommendations use this many latest items. */
  readonly maxLength: number;
  /** Epochs trained so far. */
  readonly epochs: number;
  /** Raw item ids by dense id, or null when the model was trained on dense ids. */
  readonly itemIds: IdMapConfig | null;
  /** The weights file, next to the manifest, and the tensors in it. */
  readonly weights: {
    readonly file: string;
    readonly byteLength: number;
    readonly tensors: readonly SavedTensor[];
  };
}

/**
 * A saved model in memory: the manifest and the bytes of its weights file, as
 * {@link ImplicitSequenceModel.toArtifacts} makes them and
 * {@link ImplicitSequenceModel.fromArtifacts} reads them (a browser fetches both files).
 *
 * @example
 * ```ts
 * import type { ModelArtifacts } from '@seqrec/models';
 *
 * const describe = (a: ModelArtifacts) => `${a.manifest.representation.name}, ${String(a.weights.byteLength)} bytes`;
 * console.assert(typeof describe === 'function');
 * ```
 */
export interface ModelArtifacts {
  readonly manifest: ModelManifest;
  /** The weights file's bytes, little-endian. */
  readonly weights: ArrayBuffer;
}
