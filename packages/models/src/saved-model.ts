import type { IdMapConfig } from '@seqrec/interactions';

import type { OptimizerName } from './model-options.js';
import type { PaddingMode } from './padding-mode.js';

/** The `format` field of every saved model's manifest. */
export const SAVED_MODEL_FORMAT = 'seqrec-model';

/**
 * The manifest layout this version writes and reads. A loader refuses other versions
 * rather than guess at fields it does not know.
 */
export const SAVED_MODEL_VERSION = 1;

/** One tensor stored in a saved model's weights file. */
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
  readonly options: {
    readonly embeddingDim: number;
    readonly nIter: number;
    readonly batchSize: number;
    readonly l2: number;
    readonly learningRate: number;
    readonly optimizer: OptimizerName;
    readonly numNegativeSamples: number;
    readonly negativeSampler: string;
    readonly popularityExponent: number;
    readonly seed: number;
    readonly padding: PaddingMode;
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
