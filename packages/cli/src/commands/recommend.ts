import type { RawId } from '@seqrec/interactions';
import type { Recommendation } from '@seqrec/models';
import { Command } from 'commander';

import { UsageError, type CliIO } from '../internal/cli-io.js';
import { positiveInt } from '../internal/data-options.js';
import { count, plural } from '../internal/format.js';
import { checkKernels, kernelsOption, resolveKernelsFlag } from '../internal/kernels-option.js';
import { loadSavedModel } from '../internal/load-saved-model.js';
import { tokenToRaw } from '../internal/model-items.js';
import { backendOption, resolveBackendFlag } from './train.js';

interface RecommendOptions {
  readonly model: string;
  readonly history?: string;
  readonly input?: string;
  readonly k: number;
  readonly batchSize: number;
  readonly includeSeen?: boolean;
  readonly backend?: string;
  readonly kernels?: string;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/**
 * `seqrec recommend`: the top k next items from a saved model for one history
 * (`--history "a,b,c"`) or for every line of a file (`--input FILE`, one comma-separated
 * history per line, oldest first), raw ids in and out. Ids the model never saw are
 * ignored and reported; a history with none it knows gets the most popular items.
 */
export function recommendCommand(io: CliIO): Command {
  return new Command('recommend')
    .description('recommend the next items for histories with a saved model')
    .requiredOption('--model <dir>', 'folder of a saved model (seqrec train --save)')
    .option('--history <ids>', 'one history: comma-separated raw item ids, oldest first')
    .option('--input <file>', 'many histories: one comma-separated history per line')
    .option('-k, --k <n>', 'items to recommend per history', positiveInt('-k'), 10)
    .option('--batch-size <n>', 'histories scored together', positiveInt('--batch-size'), 256)
    .option('--include-seen', 'allow items of the history in the answer')
    .addOption(backendOption())
    .addOption(kernelsOption())
    .option('--json', 'print JSON (one object per history, one per line with --input)')
    .option('--quiet', 'print only the recommendations')
    .action(async (options: RecommendOptions) => {
      if ((options.history === undefined) === (options.input === undefined)) {
        throw new UsageError(
          'exactly one of --history and --input must be given; got ' +
            (options.history === undefined ? 'neither.' : 'both.'),
        );
      }
      const backend = resolveBackendFlag(options.backend, io);
      const kernels = resolveKernelsFlag(options.kernels, io);
      await checkKernels(kernels, io);
      const lines =
        options.history !== undefined ? [options.history] : await readHistories(options.input);
      const model = await loadSavedModel(options.model, backend, kernels);
      try {
        const started = performance.now();
        const histories = lines.map((line) =>
          splitHistory(line).map((t) => tokenToRaw(t, model.itemMap)),
        );
        const answers = model.recommendMany(histories, options.k, {
          batchSize: options.batchSize,
          excludeSeen: options.includeSeen !== true,
        });
        const seconds = (performance.now() - started) / 1000;
        printAnswers(io, options, answers);
        if (options.quiet !== true) {
          report(io, answers, seconds, `${model.backendName}, ${model.kernelsName} kernels`);
        }
      } finally {
        model.dispose();
      }
    });
}

// Ids are separated by commas; spaces around them are not part of the id.
function splitHistory(line: string): string[] {
  return line
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
}

async function readHistories(file: string | undefined): Promise<string[]> {
  const { readFile } = await import('node:fs/promises');
  let text: string;
  try {
    text = await readFile(file as string, 'utf8');
  } catch (error) {
    throw new UsageError(
      `--input must be a readable file of histories; could not read "${String(file)}" ` +
        `(${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const lines = text.split(/\r?\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

function printAnswers(io: CliIO, options: RecommendOptions, answers: Recommendation[]): void {
  const single = options.history !== undefined;
  for (const answer of answers) {
    if (options.json === true) {
      io.out(`${JSON.stringify(answer)}\n`);
    } else if (single) {
      answer.items.forEach((item, rank) => {
        io.out(
          `${String(rank + 1)}\t${String(item)}\t${(answer.scores[rank] ?? 0).toPrecision(5)}\n`,
        );
      });
    } else {
      io.out(`${answer.items.map(String).join(',')}\n`);
    }
  }
}

// Notes go to standard error, so that standard output stays the recommendations alone.
// `computedOn` names the backend and kernels, as in 'cpu, host kernels'.
function report(io: CliIO, answers: Recommendation[], seconds: number, computedOn: string): void {
  const unknown: RawId[] = [];
  let withUnknown = 0;
  let popular = 0;
  for (const answer of answers) {
    if (answer.unknown.length > 0) withUnknown += 1;
    for (const id of answer.unknown)
      if (unknown.length < 5 && !unknown.includes(id)) unknown.push(id);
    if (answer.source === 'popularity') popular += 1;
  }
  const total = answers.reduce((n, a) => n + a.unknown.length, 0);
  if (total > 0) {
    io.err(
      `note: ${plural(total, 'item id')} the model never saw ${total === 1 ? 'was' : 'were'} ` +
        `ignored in ${plural(withUnknown, 'history', 'histories')} (first: ${unknown.map(String).join(', ')})\n`,
    );
  }
  if (popular > 0) {
    io.err(
      `note: ${plural(popular, 'history', 'histories')} had no item the model knows; ` +
        `${popular === 1 ? 'it got' : 'they got'} the most popular items instead\n`,
    );
  }
  io.err(
    `recommended for ${count(answers.length)} ${answers.length === 1 ? 'history' : 'histories'} ` +
      `in ${seconds.toFixed(2)} s on ${computedOn}\n`,
  );
}
