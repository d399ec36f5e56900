import { createSampler, runSearch, TrialStore, type TrialRecord } from '@seqrec/tuning';

import { UsageError } from '../internal/cli-io.js';
import type { PreparedData } from '../internal/prepare-data.js';
import type { TrialProgress } from '../internal/trial-progress.js';
import { loadedPlugins } from '../internal/load-plugins.js';
import { evaluateTrialModule, type EpochProgress, type WorkerSetup } from './evaluate-trial.js';
import type { ExperimentSetup } from './experiment-setup.js';
import { runTrial } from './run-trial.js';
import type { SpaceSpec } from './search-space-file.js';
import { bestTrial, describeTrial } from './trial-summary.js';

/** hyperopt's `n_startup_jobs`, and the TPE sampler's own default. */
export const DEFAULT_STARTUP_TRIALS = 20;

/** One model's search, fully resolved. */
export interface ExperimentPlan {
  readonly setup: ExperimentSetup;
  readonly space: SpaceSpec;
  readonly sampler: 'tpe' | 'random';
  /** Random trials before TPE models the results; unused by the random sampler. */
  readonly startupTrials: number;
  /** Trials in the store when done (finished ones included). */
  readonly trials: number;
  /** Worker processes; 1 runs trials in this process. */
  readonly workers: number;
  /** `<out>/trials-<model>.jsonl`. */
  readonly storePath: string;
}

/**
 * What identifies an experiment in its trial file: a rerun must match it to resume. The
 * number of trials and of workers are left out, so a rerun may ask for more trials.
 */
export function storeHeader(plan: ExperimentPlan): Record<string, unknown> {
  const { setup } = plan;
  return {
    kind: 'seqrec-experiment',
    version: 1,
    model: setup.model,
    data: setup.data.data ?? 'synthetic',
    format: setup.data.format ?? null,
    windows: {
      max_length: setup.data.maxLength,
      min_length: setup.data.minLength,
      step: setup.data.step,
    },
    split: { test_fraction: 0.1, validation_fraction: 0.1 },
    seed: setup.seed,
    loss: setup.loss,
    num_negative_samples: setup.numNegativeSamples,
    backend: setup.backend,
    // No kernels: they compute the same function as one another (up to float rounding), so
    // a rerun may switch them, say to the native ones once built; each trial's details say
    // which it ran on.
    // Trial files from before the padding option were computed as 'keep' and have no key,
    // so 'keep' writes none and those files still resume.
    ...(setup.padding === 'keep' ? {} : { padding: setup.padding }),
    sampler: plan.sampler,
    // Trial files from before --startup-trials used the default and have no key, so the
    // default writes none and those files still resume.
    ...(plan.sampler === 'tpe' && plan.startupTrials !== DEFAULT_STARTUP_TRIALS
      ? { startup_trials: plan.startupTrials }
      : {}),
    space: plan.space.json,
  };
}

/**
 * Opens (or creates) the plan's trial file.
 *
 * @throws UsageError when the file belongs to another experiment or cannot be opened.
 */
export function openTrialStore(plan: ExperimentPlan): TrialStore {
  try {
    return TrialStore.open(plan.storePath, storeHeader(plan));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The message carries the store's reason already; a cause would print it twice.
    throw new UsageError(`--out: ${reason.replace(/^TrialStore\.open: /, '')}`);
  }
}

/** Where a running search reports and how it is stopped. */
export interface ExperimentHooks {
  readonly progress: TrialProgress;
  readonly signal?: AbortSignal | undefined;
}

/**
 * Runs the plan's search until its store holds `plan.trials` trials (or the signal is
 * aborted) and resolves with every trial in the store, earlier runs' included.
 */
export async function runExperiment(
  plan: ExperimentPlan,
  store: TrialStore,
  data: PreparedData,
  hooks: ExperimentHooks,
): Promise<TrialRecord[]> {
  const { setup } = plan;
  const { progress } = hooks;
  const earlier = store.records();
  let done = earlier.length;
  const bestMrr = (record: TrialRecord | undefined): number | undefined =>
    record?.metrics['validation_mrr'];
  progress.start(
    setup.model,
    Math.min(done, plan.trials),
    plan.trials,
    bestMrr(bestTrial(earlier)),
  );

  const inProcess = plan.workers === 1;
  await runSearch({
    space: plan.space.space,
    sampler: createSampler(plan.sampler, { startupTrials: plan.startupTrials }),
    numTrials: plan.trials,
    seed: setup.seed,
    store,
    workers: plan.workers,
    ...(inProcess
      ? {
          evaluate: (params, trialIndex) =>
            runTrial(params, trialIndex, setup, data, {
              signal: hooks.signal,
              onEpochEnd: (report, numEpochs) => progress.epoch(report.epoch, numEpochs),
            }),
        }
      : {
          // Worker processes import the --plugin modules too, before their first trial.
          worker: {
            module: requireWorkerModule(),
            data: { ...setup, plugins: loadedPlugins() } satisfies WorkerSetup,
          },
          onTrialProgress: (trialIndex: number, report: unknown) => {
            const { epoch, numEpochs } = report as EpochProgress;
            progress.epoch(epoch, numEpochs, trialIndex + 1);
          },
        }),
    onTrialStart: (trialIndex: number) => progress.trial(trialIndex + 1),
    onTrialEnd: (record: TrialRecord) => {
      done += 1;
      const best = bestTrial(store.records());
      progress.finished(done, bestMrr(best), describeTrial(record, plan.trials, setup));
    },
    ...(hooks.signal === undefined ? {} : { signal: hooks.signal }),
  });
  progress.stop();
  return store.records();
}

/**
 * The worker module's path.
 *
 * @throws UsageError when there is no build to load in worker processes.
 */
export function requireWorkerModule(): string {
  const module = evaluateTrialModule();
  if (module === undefined) {
    throw new UsageError(
      '--workers above 1 needs the built command (dist/experiment/evaluate-trial.js); got none. ' +
        'Hint: run pnpm run build first.',
    );
  }
  return module;
}
