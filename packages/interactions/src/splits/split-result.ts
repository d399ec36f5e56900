import type { Interactions } from '../interactions.js';

/**
 * The parts of a split. All parts keep the id spaces and id maps of the input, so a model
 * trained on `train` scores the items of `test`.
 */
export interface Split {
  /** Interactions to train on. */
  readonly train: Interactions;
  /** Interactions to choose hyperparameters on (empty when the split makes none). */
  readonly validation: Interactions;
  /** Interactions to report results on. */
  readonly test: Interactions;
}
