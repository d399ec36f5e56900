import { AdaptiveHingeLoss } from '../adaptive-hinge-loss.js';
import { BprLogLoss } from '../bpr-log-loss.js';
import { BprLoss } from '../bpr-loss.js';
import { GbceLoss, type GbceLossOptions } from '../gbce-loss.js';
import { HingeLoss } from '../hinge-loss.js';
import { LogisticLoss } from '../logistic-loss.js';
import { PointwiseLoss } from '../pointwise-loss.js';
import type { LossFactory } from '../registry.js';
import { SampledSoftmaxLoss } from '../sampled-softmax-loss.js';

/**
 * The losses seqrec ships, by registry name, in the order `listLosses` gives them. Each entry
 * forwards the options to the class, which validates them.
 *
 * @internal
 */
export const BUILTIN_LOSSES: Readonly<Record<string, LossFactory>> = {
  pointwise: (context, options) => new PointwiseLoss(context, options),
  bpr: (context, options) => new BprLoss(context, options),
  hinge: (context, options) => new HingeLoss(context, options),
  'adaptive-hinge': (context, options) => new AdaptiveHingeLoss(context, options),
  logistic: (context, options) => new LogisticLoss(context, options),
  'bpr-log': (context, options) => new BprLogLoss(context, options),
  'sampled-softmax': (context, options) => new SampledSoftmaxLoss(context, options),
  gbce: (context, options) => new GbceLoss(context, options as GbceLossOptions),
};
