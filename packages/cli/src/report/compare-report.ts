import type { TrialRecord } from '@seqrec/tuning';

import type { ExperimentPlan } from '../experiment/run-experiment.js';
import type { EpochDetail, TrialDetails } from '../experiment/run-trial.js';
import { bestTrial, summarizeTrial, type TrialSummary } from '../experiment/trial-summary.js';

/** One model's line of the comparison. */
export interface ModelResult {
  readonly model: string;
  readonly trials_file: string;
  /** Trials finished (failed ones included). */
  readonly trials: number;
  readonly failed: number;
  /** The trial with the highest validation MRR, or null when none succeeded. */
  readonly best: TrialSummary | null;
  /** Test MRR of `best` relative to the first model's, minus 1 (0.1 = 10 % better). */
  readonly gain: number | null;
  /** Best validation MRR among trials 1…n for n = 1, 2, …; null before the first success. */
  readonly best_so_far: readonly (number | null)[];
  /** Training loss and validation MRR per epoch of `best`. */
  readonly best_epochs: readonly EpochDetail[];
}

/** What `seqrec compare` writes to report.json (and renders into report.md). */
export interface CompareReport {
  readonly dataset: string;
  readonly protocol: Readonly<Record<string, unknown>>;
  readonly space: Readonly<Record<string, unknown>>;
  /** True when Ctrl-C stopped the run: the report covers the trials finished by then. */
  readonly interrupted: boolean;
  readonly models: readonly ModelResult[];
  /** Chart files, relative to the report. */
  readonly charts: {
    readonly best_so_far: string;
    readonly epochs: Readonly<Record<string, string>>;
  };
}

/** Assembles the report from each model's plan and trials (plans in the table's order). */
export function buildCompareReport(
  dataset: string,
  runs: readonly { readonly plan: ExperimentPlan; readonly records: readonly TrialRecord[] }[],
  charts: CompareReport['charts'],
  interrupted: boolean,
): CompareReport {
  const first = runs[0];
  if (first === undefined) throw new RangeError('buildCompareReport: runs must not be empty.');
  const models = runs.map(({ plan, records }) => modelResult(plan, records));
  const baseline = models[0]?.best?.test_mrr;
  const { setup } = first.plan;
  return {
    dataset,
    protocol: {
      users_split: '80/10/10 by seeded user hash',
      windows: {
        max_length: setup.data.maxLength,
        min_length: setup.data.minLength,
        step: setup.data.step,
      },
      seed: setup.seed,
      loss: setup.loss,
      num_negative_samples: setup.numNegativeSamples,
      objective: 'maximise validation MRR (preceding items excluded)',
      sampler: first.plan.sampler,
      trials_per_model: first.plan.trials,
      backend: setup.backend,
      kernels: setup.kernels,
    },
    space: first.plan.space.json,
    interrupted,
    models: models.map((m) => ({
      ...m,
      gain:
        m.best === null || baseline === undefined || !(baseline > 0)
          ? null
          : m.best.test_mrr / baseline - 1,
    })),
    charts,
  };
}

function modelResult(plan: ExperimentPlan, records: readonly TrialRecord[]): ModelResult {
  const best = bestTrial(records);
  const sorted = [...records].sort((a, b) => a.index - b.index);
  let running: number | null = null;
  const bestSoFar = sorted.map((record) => {
    const mrr = record.metrics['validation_mrr'];
    if (record.status === 'ok' && mrr !== undefined && Number.isFinite(mrr)) {
      running = running === null ? mrr : Math.max(running, mrr);
    }
    return running;
  });
  const details = best?.details as Partial<TrialDetails> | undefined;
  return {
    model: plan.setup.model,
    trials_file: plan.storePath,
    trials: records.length,
    failed: records.filter((r) => r.status !== 'ok').length,
    best: best === undefined ? null : summarizeTrial(best, plan.setup),
    gain: null,
    best_so_far: bestSoFar,
    best_epochs: details?.epochs ?? [],
  };
}
