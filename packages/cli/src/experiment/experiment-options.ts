import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { BACKEND_NAMES, type BackendChoice } from '@seqrec/backend';
import { INTERACTION_FORMATS } from '@seqrec/datasets';
import { describeValue } from '@seqrec/interactions';
import type { KernelsChoice, PaddingMode } from '@seqrec/models';
import { listRepresentations } from '@seqrec/representations';
import { Option, type Command } from 'commander';

import { resolveBackendFlag } from '../commands/train.js';
import { checkDataOptions } from '../internal/prepare-data.js';
import { kernelsOption, resolveKernelsFlag } from '../internal/kernels-option.js';
import { paddingOption } from '../internal/padding-option.js';
import { UsageError, type CliIO } from '../internal/cli-io.js';
import {
  addDataOptions,
  nonNegativeInt,
  positiveInt,
  type DataOptions,
} from '../internal/data-options.js';
import {
  DEFAULT_STARTUP_TRIALS,
  requireWorkerModule,
  type ExperimentPlan,
} from './run-experiment.js';
import { readSearchSpace, type SpaceSpec } from './search-space-file.js';

/** Window settings of the original study, per data set. */
export const WINDOW_PRESETS = {
  movielens: { maxLength: 100, minLength: 20, step: 100 },
  amazon: { maxLength: 50, minLength: 5, step: 50 },
} as const;

/** Options shared by `seqrec experiment` and `seqrec compare`, as commander parses them. */
export interface ExperimentCliOptions extends DataOptions {
  readonly trials: number;
  readonly out: string;
  readonly workers: number;
  readonly preset: keyof typeof WINDOW_PRESETS;
  readonly space?: string;
  readonly sampler: 'tpe' | 'random';
  readonly startupTrials: number;
  readonly backend?: BackendChoice;
  readonly kernels?: KernelsChoice;
  readonly padding: PaddingMode;
}

/** The shared options, checked and completed. */
export interface ResolvedExperimentOptions {
  /** Data options with the windows of the preset (or as given) and an absolute path. */
  readonly data: DataOptions;
  readonly space: SpaceSpec;
  readonly sampler: 'tpe' | 'random';
  /** Random trials before TPE starts modelling (hyperopt's `n_startup_jobs`). */
  readonly startupTrials: number;
  readonly trials: number;
  readonly workers: number;
  /** Absolute output folder, created. */
  readonly out: string;
  readonly backend: BackendChoice;
  readonly kernels: KernelsChoice;
  readonly seed: number;
  readonly padding: PaddingMode;
}

/** Adds the search, output and data options to `command`. */
export function addExperimentOptions(command: Command): Command {
  command
    .requiredOption(
      '--trials <n>',
      'trials per model (a rerun adds to those done)',
      positiveInt('--trials'),
    )
    .requiredOption('--out <dir>', 'folder for the trial files (and the report)')
    .option(
      '--workers <n>',
      'trials run at once, each in its own process',
      positiveInt('--workers'),
      1,
    )
    .addOption(
      new Option('--preset <name>', 'windows of the study: movielens 100/20/100, amazon 50/5/50')
        .choices(Object.keys(WINDOW_PRESETS))
        .default('movielens'),
    )
    .option('--space <file>', "JSON search space (keys replace the default space's)")
    .addOption(
      new Option('--sampler <name>', 'how trials are proposed')
        .choices(['tpe', 'random'])
        .default('tpe'),
    )
    .option(
      '--startup-trials <n>',
      "tpe: random trials before it models the results (hyperopt's n_startup_jobs); with " +
        '--trials at or below it the search is a random search',
      nonNegativeInt('--startup-trials'),
      DEFAULT_STARTUP_TRIALS,
    )
    .addOption(
      new Option(
        '--backend <name>',
        'TensorFlow.js backend (default: SEQREC_BACKEND, else auto)',
      ).choices(['auto', ...BACKEND_NAMES]),
    )
    .addOption(kernelsOption())
    .addOption(paddingOption());
  return addDataOptions(command, INTERACTION_FORMATS, {
    default: 72,
    help: 'seed of the split and the sampler; trial i trains with seed + i',
  });
}

/**
 * Checks everything that can be checked before any work: data flags, windows, the space
 * file, the output folder.
 *
 * @throws UsageError naming the option and the bad value.
 */
export function resolveExperimentOptions(
  options: ExperimentCliOptions,
  command: Command,
  io: CliIO,
): ResolvedExperimentOptions {
  const preset = WINDOW_PRESETS[options.preset];
  const given = (key: string): boolean => command.getOptionValueSource(key) === 'cli';
  const windows = {
    maxLength: given('maxLength') ? options.maxLength : preset.maxLength,
    minLength: given('minLength') ? options.minLength : preset.minLength,
    // Like the other commands, an explicit --max-length without --step steps by it.
    step: given('step') ? options.step : given('maxLength') ? options.maxLength : preset.step,
  };
  checkDataOptions({ ...options, ...windows });
  const data: DataOptions = {
    ...pickDefined(options, DATA_KEYS),
    ...checkDataFile(options),
    ...windows,
    seed: options.seed,
  };
  const space = readSearchSpace(options.space);
  if (options.workers > 1) requireWorkerModule();
  // Before --out is created, so that a bad environment variable leaves nothing behind.
  const backend = resolveBackendFlag(options.backend, io);
  const kernels = resolveKernelsFlag(options.kernels, io);
  return {
    data,
    space,
    sampler: options.sampler,
    startupTrials: options.startupTrials,
    trials: options.trials,
    workers: options.workers,
    out: prepareOutDir(options.out),
    backend,
    kernels,
    seed: options.seed,
    padding: options.padding,
  };
}

/**
 * Checks a representation name against the registry.
 *
 * @throws UsageError listing the registered names.
 */
export function checkModelName(name: string, flag: string): void {
  if (!listRepresentations().includes(name)) {
    throw new UsageError(
      `${flag} must name registered representations (${listRepresentations().join(', ')}); ` +
        `got ${describeValue(name)}.`,
    );
  }
}

/** The search of one model under the shared options. */
export function planExperiment(resolved: ResolvedExperimentOptions, model: string): ExperimentPlan {
  return {
    setup: {
      data: resolved.data,
      model,
      backend: resolved.backend,
      kernels: resolved.kernels,
      seed: resolved.seed,
      loss: 'adaptive-hinge',
      numNegativeSamples: 5,
      padding: resolved.padding,
    },
    space: resolved.space,
    sampler: resolved.sampler,
    startupTrials: resolved.startupTrials,
    trials: resolved.trials,
    workers: resolved.workers,
    storePath: join(resolved.out, `trials-${fileSafe(model)}.jsonl`),
  };
}

/** A registered name as a file name part: `@me/rnn` → `_me_rnn`. */
export function fileSafe(name: string): string {
  return name.replace(/[^a-z0-9._-]/gi, '_');
}

// The data options that reach the loader (so into worker processes and the trial header).
const DATA_KEYS = [
  'format',
  'delimiter',
  'header',
  'userColumn',
  'itemColumn',
  'timestampColumn',
  'ratingColumn',
  'skipInvalid',
] as const;

function pickDefined<T extends object, K extends keyof T>(
  options: T,
  keys: readonly K[],
): Partial<Pick<T, K>> {
  const picked: Partial<Pick<T, K>> = {};
  for (const key of keys) if (options[key] !== undefined) picked[key] = options[key];
  return picked;
}

function checkDataFile(options: DataOptions): { data?: string } {
  if (options.data === undefined) {
    if (options.format !== undefined) {
      throw new UsageError(`--format needs --data; got --format ${options.format} alone.`);
    }
    return {};
  }
  if (options.format === undefined) {
    throw new UsageError(`--data needs --format; got --data ${options.data} alone.`);
  }
  const path = resolve(options.data);
  try {
    accessSync(path, constants.R_OK);
  } catch {
    throw new UsageError(`--data must be a readable file; got ${describeValue(options.data)}.`);
  }
  return { data: path };
}

function prepareOutDir(out: string): string {
  const path = resolve(out);
  try {
    mkdirSync(path, { recursive: true });
    if (!statSync(path).isDirectory()) throw new Error('not a folder');
    accessSync(path, constants.W_OK);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--out must be a writable folder; got ${describeValue(out)} (${reason}).`);
  }
  return path;
}
