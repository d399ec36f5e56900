import {
  AdaptiveHingeLoss,
  BprLogLoss,
  BprLoss,
  HingeLoss,
  LogisticLoss,
  PointwiseLoss,
  type Loss,
} from '@seqrec/losses';
import { DotProductRepresentation, type SampledLossKind } from '@seqrec/representations';
import type { SequenceRepresentation } from '@seqrec/representations';

// By class, not by registry name: a plugin may register its own loss under a built-in name.
const KINDS: readonly (readonly [abstract new (...args: never[]) => Loss, SampledLossKind])[] = [
  [AdaptiveHingeLoss, 'adaptive-hinge'],
  [HingeLoss, 'hinge'],
  [BprLoss, 'bpr'],
  [BprLogLoss, 'bpr-log'],
  [PointwiseLoss, 'pointwise'],
  [LogisticLoss, 'logistic'],
];

/**
 * The per-position loss a fused sampled-loss kernel can compute for this training step, or
 * undefined when the step must score and take the loss with tfjs ops: a loss other than the
 * six built-in classes above, or a representation that scores in its own way.
 *
 * @internal
 */
export function fusedLossKind(
  representation: SequenceRepresentation,
  loss: Loss,
): SampledLossKind | undefined {
  const scoresByDotProduct =
    representation instanceof DotProductRepresentation &&
    representation.score === DotProductRepresentation.prototype.score;
  if (!scoresByDotProduct) return undefined;
  return KINDS.find(([type]) => loss instanceof type)?.[1];
}
