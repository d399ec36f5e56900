export { DATASET_NAMES, type DatasetName } from './datasets/dataset-names.js';
export { datasetInfo, type DatasetInfo } from './datasets/dataset-registry.js';
export {
  defaultCacheDir,
  fetchDataset,
  type FetchDatasetOptions,
  type FetchFunction,
} from './datasets/fetch-dataset.js';
export { loadDataset, type LoadDatasetOptions } from './datasets/load-dataset.js';
export {
  loadDelimited,
  type ColumnRef,
  type DelimitedColumns,
  type LoadDelimitedOptions,
} from './loaders/load-delimited.js';
export {
  INTERACTION_FORMATS,
  loadInteractions,
  type InteractionFormat,
  type LoadInteractionsOptions,
} from './loaders/load-interactions.js';
export { loadMovieLens100k, loadMovieLensCsv, loadMovieLensDat } from './loaders/load-movielens.js';
export type { LoadOptions, SkippedLine } from './loaders/load-options.js';
export { loadPairLines } from './loaders/load-pair-lines.js';
export { loadSequenceLines } from './loaders/load-sequence-lines.js';
export { loadSpotlightHdf5, type LoadSpotlightHdf5Options } from './loaders/load-spotlight-hdf5.js';
export { saveSpotlightHdf5 } from './loaders/save-spotlight-hdf5.js';
export {
  generateSequential,
  type GenerateSequentialOptions,
} from './synthetic/generate-sequential.js';
