export {
  CnnRepresentation,
  type CnnNonlinearity,
  type CnnRepresentationOptions,
} from './cnn/cnn-representation.js';
export { checkItemIds } from './check-item-ids.js';
export { DotProductRepresentation } from './dot-product-representation.js';
export { GruRepresentation, type GruRepresentationOptions } from './gru/gru-representation.js';
export { LstmRepresentation, type LstmRepresentationOptions } from './lstm/lstm-representation.js';
export {
  MixtureRepresentation,
  type MixtureRepresentationOptions,
} from './mixture/mixture-representation.js';
export {
  MlstmRepresentation,
  type MlstmRepresentationOptions,
  type MlstmVariant,
} from './mlstm/mlstm-representation.js';
export {
  PoolingRepresentation,
  type PoolingRepresentationOptions,
} from './pooling/pooling-representation.js';
export {
  createRepresentation,
  listRepresentations,
  registerRepresentation,
  type RepresentationFactory,
} from './registry.js';
export type {
  EncodedSequences,
  RepresentationConfig,
  RepresentationContext,
  SequenceRepresentation,
} from './sequence-representation.js';
export {
  activeSequenceKernels,
  useSequenceKernels,
  type BuiltinKernelsName,
} from './kernels/active-kernels.js';
export { hostSequenceKernels } from './kernels/host-kernels.js';
export { plainSequenceKernels } from './kernels/plain-kernels.js';
export type {
  GruLayerWeights,
  LstmLayerWeights,
  MlstmEmit,
  MlstmLayerWeights,
  RecurrentSequence,
  SampledLossInput,
  SampledLossKind,
  SequenceKernels,
} from './kernels/sequence-kernels.js';
export { unpackRecurrentStates } from './kernels/unpack-recurrent-states.js';
