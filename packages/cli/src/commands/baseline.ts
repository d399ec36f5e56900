import { INTERACTION_FORMATS } from '@seqrec/datasets';
import { evaluateSequences, PopularityScorer } from '@seqrec/eval';
import { Command } from 'commander';

import type { CliIO } from '../internal/cli-io.js';
import { addDataOptions, type DataOptions } from '../internal/data-options.js';
import { count, metric, plural } from '../internal/format.js';
import { prepareData, type PreparedData } from '../internal/prepare-data.js';

/**
 * `seqrec baseline`: loads, windows and splits a data set, then prints its statistics and
 * the popularity baseline's test MRR and HR@10 (preceding items excluded).
 */
export function baselineCommand(io: CliIO): Command {
  const command = new Command('baseline').description(
    "print a data set's statistics and the popularity baseline's test MRR and HR@10",
  );
  return addDataOptions(command, INTERACTION_FORMATS).action(async (options: DataOptions) => {
    const say = (line: string): void => {
      if (options.json !== true && options.quiet !== true) io.out(`${line}\n`);
    };
    const data = await prepareData(options);
    say(describeData(data, options));

    const popularity = PopularityScorer.fit(data.train);
    const result = await evaluateSequences(popularity, data.test, {
      excludePreceding: true,
      k: [10],
    });
    const hr10 = result.hr[10] ?? Number.NaN;
    if (options.json === true) {
      const distinct = data.interactions.countDistinct();
      io.out(
        `${JSON.stringify({
          source: data.source,
          users: distinct.users,
          items: distinct.items,
          interactions: data.interactions.length,
          skipped_lines: data.skipped,
          windows: {
            train: data.train.numSequences,
            validation: data.validation.numSequences,
            test: data.test.numSequences,
          },
          test_sequences_evaluated: result.numSequences,
          mrr: result.mrr,
          'hr@10': hr10,
          'ndcg@10': result.ndcg[10],
        })}\n`,
      );
      return;
    }
    io.out(
      `popularity baseline: test MRR ${metric(result.mrr)}, HR@10 ${metric(hr10)} ` +
        `(${count(result.numSequences)} test windows, preceding items excluded)\n`,
    );
  });
}

/** The statistics lines shared by data-reading commands. */
export function describeData(data: PreparedData, options: DataOptions): string {
  const distinct = data.interactions.countDistinct();
  const { maxLength, minLength, step } = data.windows;
  const lines = [
    `data: ${data.source}`,
    `  ${plural(distinct.users, 'user')}, ${plural(distinct.items, 'item')}, ` +
      `${plural(data.interactions.length, 'interaction')}` +
      (data.skipped > 0 ? ` (${plural(data.skipped, 'invalid line')} skipped)` : ''),
    `windows: length ${String(maxLength)}, at least ${String(minLength)} items, ` +
      `step ${String(step)}; users split 80/10/10 (seed ${String(options.seed)})`,
    `  train ${count(data.train.numSequences)}, validation ${count(data.validation.numSequences)}, ` +
      `test ${count(data.test.numSequences)} windows`,
  ];
  return lines.join('\n');
}
