import { INTERACTION_FORMATS } from '@seqrec/datasets';
import { evaluateSequences } from '@seqrec/eval';
import type { RawId } from '@seqrec/interactions';
import { Command, Option } from 'commander';

import type { CliIO } from '../internal/cli-io.js';
import { addDataOptions, positiveInt, type DataOptions } from '../internal/data-options.js';
import { count, metric, plural } from '../internal/format.js';
import { checkKernels, kernelsOption, resolveKernelsFlag } from '../internal/kernels-option.js';
import { loadSavedModel } from '../internal/load-saved-model.js';
import { mapToModelItems } from '../internal/model-items.js';
import { checkDataOptions, prepareData } from '../internal/prepare-data.js';
import { backendOption, resolveBackendFlag } from './train.js';
import { describeData } from './baseline.js';

const SPLITS = ['test', 'validation', 'train'] as const;

interface EvaluateOptions extends DataOptions {
  readonly model: string;
  readonly split: (typeof SPLITS)[number];
  readonly k: number;
  readonly backend?: string;
  readonly kernels?: string;
}

/**
 * `seqrec evaluate`: loads a saved model and reports MRR, HR@k and NDCG@k on one part of a
 * data set split as `seqrec train` splits it (preceding items excluded). Items the model
 * never saw are dropped from the data and reported.
 */
export function evaluateCommand(io: CliIO): Command {
  const command = new Command('evaluate')
    .description('evaluate a saved model (seqrec train --save) on a data set')
    .requiredOption('--model <dir>', 'folder of a saved model')
    .addOption(
      new Option('--split <part>', 'part of the 80/10/10 user split to evaluate')
        .choices(SPLITS)
        .default('test'),
    )
    .option('-k, --k <n>', 'cut-off of HR@k and NDCG@k', positiveInt('-k'), 10)
    .addOption(backendOption())
    .addOption(kernelsOption());
  addDataOptions(command, INTERACTION_FORMATS);
  // Windows default to the model's own length, whatever the shared option's default says.
  const maxLength = command.options.find((option) => option.long === '--max-length');
  if (maxLength !== undefined) maxLength.defaultValueDescription = "the model's window length";
  return command.action(async (options: EvaluateOptions, self: Command) => {
    const chatty = options.json !== true && options.quiet !== true;
    const say = (line: string): void => {
      if (chatty) io.out(`${line}\n`);
    };
    checkDataOptions(options);
    const backend = resolveBackendFlag(options.backend, io);
    const kernels = resolveKernelsFlag(options.kernels, io);
    await checkKernels(kernels, io);
    const model = await loadSavedModel(options.model, backend, kernels);
    try {
      // Windows as long as the model's own, unless --max-length was given.
      const maxLength =
        self.getOptionValueSource('maxLength') === 'default' ? model.maxLength : options.maxLength;
      let dropped = 0;
      let unknownItems: RawId[] = [];
      const data = await prepareData(
        { ...options, maxLength, minLength: Math.min(options.minLength, maxLength) },
        {
          mapInteractions: (interactions) => {
            const mapped = mapToModelItems(interactions, model.itemMap, model.numItems);
            dropped = mapped.dropped;
            unknownItems = mapped.unknownItems;
            if (mapped.interactions.length === 0) {
              throw new Error(
                `the data must share items with the model; none of its ` +
                  `${String(unknownItems.length)} items is known to the model, so all ` +
                  `${String(dropped)} interactions were dropped (first: ` +
                  `${unknownItems.slice(0, 5).map(String).join(', ')}). Hint: evaluate on data ` +
                  'of the catalogue the model was trained on.',
              );
            }
            return mapped.interactions;
          },
        },
      );
      say(describeData(data, { ...options, maxLength }));
      if (dropped > 0) {
        say(
          `  ${plural(dropped, 'interaction')} with ${plural(unknownItems.length, 'item')} ` +
            `the model never saw dropped (first: ${unknownItems.slice(0, 5).join(', ')})`,
        );
      }
      const part = data[options.split];
      const result = await evaluateSequences(model, part, {
        excludePreceding: true,
        k: [options.k],
      });
      const hr = result.hr[options.k] ?? Number.NaN;
      const ndcg = result.ndcg[options.k] ?? Number.NaN;
      if (options.json === true) {
        io.out(
          `${JSON.stringify({
            model: options.model,
            representation: model.options.representation,
            backend: model.backendName,
            kernels: model.kernelsName,
            split: options.split,
            windows: result.numSequences,
            mrr: result.mrr,
            [`hr@${String(options.k)}`]: hr,
            [`ndcg@${String(options.k)}`]: ndcg,
            dropped_interactions: dropped,
            unknown_items: unknownItems.length,
          })}\n`,
        );
        return;
      }
      io.out(
        `${options.split}: MRR ${metric(result.mrr)}, HR@${String(options.k)} ${metric(hr)}, ` +
          `NDCG@${String(options.k)} ${metric(ndcg)} (${count(result.numSequences)} windows, ` +
          `preceding items excluded, ${model.backendName}, ${model.kernelsName} kernels)\n`,
      );
    } finally {
      model.dispose();
    }
  });
}
