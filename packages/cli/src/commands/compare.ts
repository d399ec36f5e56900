import { basename, dirname } from 'node:path';

import { describeValue } from '@seqrec/interactions';
import type { TrialRecord } from '@seqrec/tuning';
import { Command } from 'commander';

import {
  addExperimentOptions,
  checkModelName,
  planExperiment,
  resolveExperimentOptions,
  type ExperimentCliOptions,
} from '../experiment/experiment-options.js';
import {
  openTrialStore,
  runExperiment,
  type ExperimentPlan,
} from '../experiment/run-experiment.js';
import { UsageError, type CliIO } from '../internal/cli-io.js';
import type { DataOptions } from '../internal/data-options.js';
import { checkKernels } from '../internal/kernels-option.js';
import { prepareData } from '../internal/prepare-data.js';
import { createTrialProgress } from '../internal/trial-progress.js';
import { renderTables } from '../report/render-report.js';
import { writeCompareReport } from '../report/write-report.js';
import { describeData } from './baseline.js';
import { describeSearch } from './experiment.js';

interface CompareOptions extends ExperimentCliOptions {
  readonly models: string;
}

/**
 * `seqrec compare`: one experiment per model on the same split, one after the other (each
 * resumable), then `report.md`, `report.json` and SVG charts in `--out`.
 */
export function compareCommand(io: CliIO): Command {
  const command = new Command('compare')
    .description('run the experiment for several models on one split and write a report')
    .option(
      '--models <list>',
      'comma-separated representations; gains are over the first',
      'lstm,mlstm',
    );
  return addExperimentOptions(command).action(async (options: CompareOptions, self: Command) => {
    const models = parseModels(options.models);
    const resolved = resolveExperimentOptions(options, self, io);
    await checkKernels(resolved.kernels, io);
    const plans = models.map((model) => planExperiment(resolved, model));
    // Every trial file is opened before any work, so a mismatch fails at once.
    const stores = plans.map((plan) => openTrialStore(plan));
    const chatty = options.json !== true && options.quiet !== true;
    const say = (line: string): void => {
      if (chatty) io.out(`${line}\n`);
    };

    const data = await prepareData(resolved.data);
    say(describeData(data, resolved.data));
    const runs: { plan: ExperimentPlan; records: readonly TrialRecord[] }[] = [];
    for (const [i, plan] of plans.entries()) {
      const store = stores[i];
      if (store === undefined) continue;
      if (io.signal?.aborted === true) {
        runs.push({ plan, records: store.records() });
        continue;
      }
      say(describeSearch(plan, store.records().length));
      const records = await runExperiment(plan, store, data, {
        progress: createTrialProgress(io, chatty),
        signal: io.signal,
      });
      runs.push({ plan, records });
    }

    const interrupted = io.signal?.aborted === true;
    const written = await writeCompareReport(
      resolved.out,
      datasetLabel(resolved.data),
      runs,
      interrupted,
    );
    if (options.json === true) {
      io.out(`${JSON.stringify(written.report)}\n`);
      return;
    }
    io.out(
      `${interrupted ? 'interrupted; the report covers the trials finished so far\n' : ''}` +
        `${renderTables(written.report)}\n` +
        `report: ${written.markdown} (data in report.json, ${String(written.charts.length)} SVG ` +
        `chart${written.charts.length === 1 ? '' : 's'} beside it)\n`,
    );
  });
}

/**
 * Splits `--models` and checks each name.
 *
 * @throws UsageError for an empty or repeated name, or one that is not registered.
 */
export function parseModels(list: string): string[] {
  const models = list.split(',').map((name) => name.trim());
  for (const [i, name] of models.entries()) {
    if (name === '' || models.indexOf(name) !== i) {
      throw new UsageError(
        `--models must be a comma-separated list of distinct names; got ${describeValue(list)}.`,
      );
    }
    checkModelName(name, '--models');
  }
  return models;
}

/** The data set's name in the report: `synthetic`, or the file with its folder. */
export function datasetLabel(data: DataOptions): string {
  if (data.data === undefined) return 'synthetic';
  return `${basename(dirname(data.data))}/${basename(data.data)}`;
}
