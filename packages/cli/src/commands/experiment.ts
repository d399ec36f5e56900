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
import { bestTrial, describeParams, summarizeTrial } from '../experiment/trial-summary.js';
import type { CliIO } from '../internal/cli-io.js';
import { metric } from '../internal/format.js';
import { checkKernels } from '../internal/kernels-option.js';
import { prepareData } from '../internal/prepare-data.js';
import { createTrialProgress } from '../internal/trial-progress.js';
import { describeData } from './baseline.js';

interface ExperimentOptions extends ExperimentCliOptions {
  readonly model: string;
}

/**
 * `seqrec experiment`: the original study's hyperparameter search for one model, resumable
 * from its trial file; prints the best trial by validation MRR with its test metrics.
 */
export function experimentCommand(io: CliIO): Command {
  const command = new Command('experiment')
    .description("search one model's hyperparameters with the mLSTM-vs-LSTM study's protocol")
    .requiredOption('--model <name>', 'representation to tune: lstm, mlstm or any registered name');
  return addExperimentOptions(command).action(async (options: ExperimentOptions, self: Command) => {
    checkModelName(options.model, '--model');
    const resolved = resolveExperimentOptions(options, self, io);
    await checkKernels(resolved.kernels, io);
    const plan = planExperiment(resolved, options.model);
    const store = openTrialStore(plan);
    const chatty = options.json !== true && options.quiet !== true;
    const say = (line: string): void => {
      if (chatty) io.out(`${line}\n`);
    };

    const data = await prepareData(resolved.data);
    say(describeData(data, resolved.data));
    say(describeSearch(plan, store.records().length));
    const records = await runExperiment(plan, store, data, {
      progress: createTrialProgress(io, chatty),
      signal: io.signal,
    });
    const result = experimentResult(plan, records, io.signal?.aborted === true);
    if (options.json === true) io.out(`${JSON.stringify(result)}\n`);
    else io.out(`${describeResult(plan, records, result.interrupted)}\n`);
    if (result.best === null && !result.interrupted) {
      throw new Error(`no ${plan.setup.model} trial succeeded; see the errors above.`);
    }
  });
}

/** The line that starts a search. */
export function describeSearch(plan: ExperimentPlan, done: number): string {
  const workers = plan.workers === 1 ? 'in this process' : `${String(plan.workers)} workers`;
  return (
    `searching ${plan.setup.model}: ${String(plan.trials)} trials (${String(Math.min(done, plan.trials))} ` +
    `done before), ${plan.sampler} sampler, ${workers}, backend ${plan.setup.backend}, ` +
    `kernels ${plan.setup.kernels}; ` +
    `trials in ${plan.storePath}`
  );
}

/** The `--json` object of `seqrec experiment`. */
export function experimentResult(
  plan: ExperimentPlan,
  records: readonly TrialRecord[],
  interrupted: boolean,
): {
  model: string;
  trials_file: string;
  trials: number;
  failed: number;
  requested: number;
  interrupted: boolean;
  best: ReturnType<typeof summarizeTrial> | null;
} {
  const best = bestTrial(records);
  return {
    model: plan.setup.model,
    trials_file: plan.storePath,
    trials: records.length,
    failed: records.filter((r) => r.status !== 'ok').length,
    requested: plan.trials,
    interrupted,
    best: best === undefined ? null : summarizeTrial(best, plan.setup),
  };
}

function describeResult(
  plan: ExperimentPlan,
  records: readonly TrialRecord[],
  interrupted: boolean,
): string {
  const failed = records.filter((r) => r.status !== 'ok').length;
  const lines = [
    `${interrupted ? 'interrupted: ' : ''}${String(records.length)} of ${String(plan.trials)} ` +
      `trials finished${failed > 0 ? ` (${String(failed)} failed)` : ''}`,
  ];
  const best = bestTrial(records);
  if (best === undefined) {
    lines.push(`no ${plan.setup.model} trial succeeded`);
  } else {
    const s = summarizeTrial(best, plan.setup);
    lines.push(
      `best ${plan.setup.model} trial: ${String(s.index + 1)}, validation MRR ${metric(s.validation_mrr)}, ` +
        `test MRR ${metric(s.test_mrr)}, test HR@10 ${metric(s['test_hr@10'])}, ` +
        `test NDCG@10 ${metric(s['test_ndcg@10'])}`,
      `  parameters: ${describeParams(s)}`,
    );
  }
  lines.push(`trials: ${plan.storePath}`);
  return lines.join('\n');
}
