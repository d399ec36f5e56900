import { CnnRepresentation } from './cnn/cnn-representation.js';
import { MixtureRepresentation } from './mixture/mixture-representation.js';
import { PoolingRepresentation } from './pooling/pooling-representation.js';
import { GruRepresentation, type GruRepresentationOptions } from './gru/gru-representation.js';
import { LstmRepresentation, type LstmRepresentationOptions } from './lstm/lstm-representation.js';
import { MlstmRepresentation } from './mlstm/mlstm-representation.js';
import type { RepresentationFactory } from './registry.js';

/**
 * The representations seqrec ships, by registry name. Each entry forwards the options to
 * the class, which validates them.
 *
 * @internal
 */
export const BUILTIN_REPRESENTATIONS: Readonly<Record<string, RepresentationFactory>> = {
  // Each representation adds its line here.
  pooling: (context, options) => new PoolingRepresentation(context, options),
  cnn: (context, options) => new CnnRepresentation(context, options),
  mixture: (context, options) => new MixtureRepresentation(context, options),
  // LSTM and GRU options are typed as empty (they take none yet); the classes check the
  // options they are given at run time, as every representation does.
  lstm: (context, options) => new LstmRepresentation(context, options as LstmRepresentationOptions),
  mlstm: (context, options) => new MlstmRepresentation(context, options),
  gru: (context, options) => new GruRepresentation(context, options as GruRepresentationOptions),
};
