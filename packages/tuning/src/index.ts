export { runSearch } from './run-search.js';
export type { RunSearchOptions, TrialOutcome, TrialWorker } from './run-search-options.js';
export {
  createSampler,
  SEARCH_SAMPLER_NAMES,
  type SearchSamplerName,
} from './samplers/create-sampler.js';
export { createTrialRng } from './samplers/create-trial-rng.js';
export { RandomSampler } from './samplers/random-sampler.js';
export type { Sampler, TrialObservation } from './samplers/sampler.js';
export {
  TpeSampler,
  type ResolvedTpeSamplerOptions,
  type TpeSamplerOptions,
} from './samplers/tpe-sampler.js';
export {
  choice,
  DISTRIBUTION_KINDS,
  loguniform,
  qloguniform,
  quniform,
  randint,
  uniform,
  type ChoiceOption,
  type Distribution,
  type DistributionKind,
  type Params,
  type SearchSpace,
} from './space/distribution.js';
export { formatSearchSpace } from './space/format-search-space.js';
export { parseSearchSpace, type SearchSpaceConfig } from './space/parse-search-space.js';
export type { TrialRecord } from './store/trial-record.js';
export { TrialStore } from './store/trial-store.js';
