// The module that `seqrec experiment --workers N` runs in each worker process: the tuning
// package imports it there and calls evaluateTrial for every trial it hands that process.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import type { Params, TrialOutcome } from '@seqrec/tuning';

import { prepareData, type PreparedData } from '../internal/prepare-data.js';
import type { ExperimentSetup } from './experiment-setup.js';
import { runTrial } from './run-trial.js';

// Loading and windowing are done once per process; every later trial reuses them.
let cache: { readonly key: string; readonly data: Promise<PreparedData> } | undefined;
// Plugin modules this process has imported (each registers its representations once).
const imported = new Set<string>();

/** What a worker process receives: the setup, and the plugin modules to import first. */
export interface WorkerSetup extends ExperimentSetup {
  /** `file:` URLs of the `--plugin` modules the command loaded. */
  readonly plugins?: readonly string[];
}

/**
 * Runs trial `trialIndex` with `params` in a worker process; `workerData` is the
 * experiment's {@link WorkerSetup}: its setup, and the plugin modules to import first.
 */
export async function evaluateTrial(
  params: Params,
  trialIndex: number,
  workerData: unknown,
  report: (progress: EpochProgress) => void = () => {},
): Promise<TrialOutcome> {
  const { plugins = [], ...setup } = workerData as WorkerSetup;
  for (const url of plugins) {
    if (!imported.has(url)) {
      await import(url);
      imported.add(url);
    }
  }
  const key = JSON.stringify(setup.data);
  if (cache?.key !== key) cache = { key, data: prepareData(setup.data) };
  return runTrial(params, trialIndex, setup, await cache.data, {
    onEpochEnd: (epochReport, numEpochs) => report({ epoch: epochReport.epoch, numEpochs }),
  });
}

/** What a worker reports after each epoch of a trial, for the progress line. */
export interface EpochProgress {
  readonly epoch: number;
  readonly numEpochs: number;
}

/**
 * This module's compiled form, which worker processes load: this file itself when running
 * from the build; the build's copy when running from the TypeScript sources (tests), as a
 * worker process loads plain JavaScript only. `undefined` when that copy is missing.
 */
export function evaluateTrialModule(): string | undefined {
  const here = fileURLToPath(import.meta.url);
  if (here.endsWith('.js')) return here;
  const built = here.replace(/([\\/])src([\\/]experiment[\\/]evaluate-trial)\.ts$/, '$1dist$2.js');
  return built !== here && existsSync(built) ? built : undefined;
}
