export { evaluateSequences, type EvaluateSequencesOptions } from './evaluate-sequences.js';
export { PopularityScorer } from './popularity-scorer.js';
export { rankOfTarget } from './rank-of-target.js';
export type { Scorer, SequenceBatch } from './scorer.js';
export { sequenceMrr, type SequenceMrrOptions } from './sequence-mrr.js';
export type { SequenceMetrics } from './sequence-metrics.js';
