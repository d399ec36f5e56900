// Importing this package registers its representation: that is what lets the trainer, model
// loading and `seqrec --plugin` find it by name. The module runs once per process however
// often it is imported, so the registration cannot clash with itself.
import { registerRepresentation } from '@seqrec/representations';

import {
  DECAYED_POOLING,
  DecayedPoolingRepresentation,
  type DecayedPoolingOptions,
} from './decayed-pooling-representation.js';

registerRepresentation(
  DECAYED_POOLING,
  (context, options) => new DecayedPoolingRepresentation(context, options as DecayedPoolingOptions),
);
