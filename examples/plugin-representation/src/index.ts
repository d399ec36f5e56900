// Importing the package registers its representation (see register.ts).
import './register.js';

export {
  DECAYED_POOLING,
  DecayedPoolingRepresentation,
  type DecayedPoolingOptions,
} from './decayed-pooling-representation.js';
