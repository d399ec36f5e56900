export type { BatchReport, EpochReport, FitOptions } from './fit-options.js';
export {
  ImplicitSequenceModel,
  type LoadOptions,
  type Recommendation,
  type RecommendOptions,
} from './implicit-sequence-model.js';
export type {
  ImplicitSequenceModelOptions,
  OptimizerName,
  ResolvedModelOptions,
} from './model-options.js';
export { PADDING_MODES, type PaddingMode } from './padding-mode.js';
export { createSampler, SAMPLER_NAMES, type SamplerName } from './samplers/create-sampler.js';
export type { NegativeSampler } from './samplers/negative-sampler.js';
export { PopularitySampler } from './samplers/popularity-sampler.js';
export { UniformSampler } from './samplers/uniform-sampler.js';
export {
  SAVED_MODEL_FORMAT,
  SAVED_MODEL_VERSION,
  type ModelArtifacts,
  type ModelManifest,
  type SavedTensor,
} from './saved-model.js';
export { MODELS_VERSION } from './version.js';
export { KERNELS_ENV_VAR, KERNELS_NAMES, type KernelsChoice } from './kernels-choice.js';
