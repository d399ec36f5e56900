import type { TrialRecord } from '@seqrec/tuning';

import { metric } from '../internal/format.js';
import { toModelOptions, type ExperimentSetup } from './experiment-setup.js';

/** A finished trial's numbers, named as in the report. */
export interface TrialSummary {
  readonly index: number;
  readonly params: TrialRecord['params'];
  readonly validation_mrr: number;
  readonly test_mrr: number;
  readonly 'test_hr@10': number;
  readonly 'test_ndcg@10': number;
  readonly learning_rate: number;
  readonly batch_size: number;
  readonly embedding_dim: number;
  readonly l2: number;
  readonly epochs: number;
  readonly seconds: number;
}

/** The trial with the highest validation MRR (the lowest index among equals), if any. */
export function bestTrial(records: readonly TrialRecord[]): TrialRecord | undefined {
  let best: TrialRecord | undefined;
  for (const record of records) {
    const mrr = record.metrics['validation_mrr'];
    if (record.status !== 'ok' || mrr === undefined || !Number.isFinite(mrr)) continue;
    const bestMrr = best?.metrics['validation_mrr'] ?? Number.NEGATIVE_INFINITY;
    if (mrr > bestMrr || (mrr === bestMrr && best !== undefined && record.index < best.index)) {
      best = record;
    }
  }
  return best;
}

/** The report's view of a trial: metrics and the model options its parameters gave. */
export function summarizeTrial(record: TrialRecord, setup: ExperimentSetup): TrialSummary {
  const options = toModelOptions(record.params, record.index, setup);
  const m = (key: string): number => record.metrics[key] ?? Number.NaN;
  return {
    index: record.index,
    params: record.params,
    validation_mrr: m('validation_mrr'),
    test_mrr: m('test_mrr'),
    'test_hr@10': m('test_hr@10'),
    'test_ndcg@10': m('test_ndcg@10'),
    learning_rate: options.learningRate ?? Number.NaN,
    batch_size: options.batchSize ?? Number.NaN,
    embedding_dim: options.embeddingDim ?? Number.NaN,
    l2: options.l2 ?? Number.NaN,
    epochs: options.nIter ?? Number.NaN,
    seconds: record.seconds,
  };
}

/** One line per finished trial, for the log. */
export function describeTrial(record: TrialRecord, total: number, setup: ExperimentSetup): string {
  const head = `  trial ${String(record.index + 1)}/${String(total)}`;
  if (record.status !== 'ok') {
    return `${head}: failed after ${record.seconds.toFixed(1)} s: ${record.error ?? 'unknown error'}`;
  }
  const s = summarizeTrial(record, setup);
  return (
    `${head}: validation MRR ${metric(s.validation_mrr)}, test MRR ${metric(s.test_mrr)} ` +
    `(${describeParams(s)}), ${record.seconds.toFixed(1)} s`
  );
}

/** 'lr 1.23e-3, batch 128, dim 64, l2 4.56e-9, 30 epochs'. */
export function describeParams(s: TrialSummary): string {
  return (
    `lr ${scientific(s.learning_rate)}, batch ${String(s.batch_size)}, ` +
    `dim ${String(s.embedding_dim)}, l2 ${scientific(s.l2)}, ${String(s.epochs)} epochs`
  );
}

/** 0.00123 → '1.23e-3'. */
export function scientific(x: number): string {
  return Number.isFinite(x) ? x.toExponential(2).replace('e+', 'e') : String(x);
}
