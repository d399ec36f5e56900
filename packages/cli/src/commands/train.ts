import { BACKEND_NAMES, type BackendChoice } from '@seqrec/backend';
import { listLosses } from '@seqrec/losses';
import { listRepresentations } from '@seqrec/representations';
import { INTERACTION_FORMATS } from '@seqrec/datasets';
import { evaluateSequences } from '@seqrec/eval';
import { ImplicitSequenceModel, type PaddingMode } from '@seqrec/models';
import { Command, Option } from 'commander';

import { UsageError, type CliIO } from '../internal/cli-io.js';
import {
  addDataOptions,
  nonNegative,
  positiveInt,
  positiveNumber,
  type DataOptions,
} from '../internal/data-options.js';
import { count, metric } from '../internal/format.js';
import { checkDataOptions, prepareData } from '../internal/prepare-data.js';
import { paddingOption } from '../internal/padding-option.js';
import { checkKernels, kernelsOption, resolveKernelsFlag } from '../internal/kernels-option.js';
import { createProgress } from '../internal/progress.js';
import { describeData } from './baseline.js';

interface TrainOptions extends DataOptions {
  readonly representation: string;
  readonly loss: string;
  readonly dim: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly lr: number;
  readonly l2: number;
  readonly negatives: number;
  readonly backend?: string;
  readonly kernels?: string;
  readonly padding: PaddingMode;
  readonly save?: string;
}

/**
 * `seqrec train`: trains a model on the 80 % training users and prints validation and test
 * MRR (preceding items excluded), HR@10 and seconds per epoch.
 */
export function trainCommand(io: CliIO): Command {
  const command = new Command('train')
    .description('train a sequence model and report validation and test MRR')
    .option('--representation <name>', 'sequence representation (any registered name)', 'lstm')
    .option('--loss <name>', 'loss (any registered name)', 'adaptive-hinge')
    .option('--dim <n>', 'embedding dimension', positiveInt('--dim'), 64)
    .option('--epochs <n>', 'training epochs', positiveInt('--epochs'), 10)
    .option('--batch-size <n>', 'windows per batch', positiveInt('--batch-size'), 256)
    .option('--lr <x>', 'learning rate', positiveNumber('--lr'), 0.01)
    .option('--l2 <x>', 'L2 penalty', nonNegative('--l2'), 1e-6)
    .option('--negatives <n>', 'negative samples per position', positiveInt('--negatives'), 5)
    .addOption(backendOption())
    .addOption(kernelsOption())
    .addOption(paddingOption())
    .option('--save <dir>', 'save the trained model into this folder (seqrec evaluate/recommend)');
  return addDataOptions(command, INTERACTION_FORMATS).action(async (options: TrainOptions) => {
    const chatty = options.json !== true && options.quiet !== true;
    const say = (line: string): void => {
      if (chatty) io.out(`${line}\n`);
    };
    checkNames(options);
    checkDataOptions(options);
    if (options.save !== undefined) await checkSaveDir(options.save);
    const backend = resolveBackendFlag(options.backend, io);
    const kernels = resolveKernelsFlag(options.kernels, io);
    await checkKernels(kernels, io);
    // Built first so that bad model options fail before any data is read.
    const model = new ImplicitSequenceModel({
      representation: options.representation,
      loss: options.loss,
      embeddingDim: options.dim,
      nIter: options.epochs,
      batchSize: options.batchSize,
      learningRate: options.lr,
      l2: options.l2,
      numNegativeSamples: options.negatives,
      seed: options.seed,
      padding: options.padding,
      backend,
      kernels,
    });
    const data = await prepareData(options);
    say(describeData(data, options));
    say(`training ${options.representation} with ${options.loss} loss, dim ${String(options.dim)}`);

    const progress = createProgress(io, chatty);
    try {
      const reports = await model.fit(data.train, {
        onBatchEnd: ({ epoch, batch, numBatches }) => {
          if (batch === 1)
            progress.start(numBatches, `epoch ${String(epoch)}/${String(options.epochs)}`);
          progress.update(batch, `epoch ${String(epoch)}/${String(options.epochs)}`);
        },
        onEpochEnd: ({ epoch, loss, seconds }) => {
          progress.stop();
          say(
            `  epoch ${String(epoch)}/${String(options.epochs)}: loss ${metric(loss)}, ${seconds.toFixed(1)} s`,
          );
        },
      });
      const secondsPerEpoch = reports.reduce((s, r) => s + r.seconds, 0) / reports.length;
      // Threads and BLAS of the native kernels, or why 'auto' passed them over.
      say(`kernels: ${model.kernelsDescription}`);
      // Saved before evaluating, so that a failure there does not lose the training.
      if (options.save !== undefined) {
        await model.save(options.save);
        say(`saved the model to ${options.save}`);
      }
      const validation = await evaluateSequences(model, data.validation, {
        excludePreceding: true,
      });
      const test = await evaluateSequences(model, data.test, { excludePreceding: true, k: [10] });
      const result = {
        ...(options.save === undefined ? {} : { saved: options.save }),
        representation: options.representation,
        loss: options.loss,
        backend: model.backendName,
        kernels: model.kernelsName,
        padding: model.options.padding,
        validation_mrr: validation.mrr,
        test_mrr: test.mrr,
        'test_hr@10': test.hr[10],
        'test_ndcg@10': test.ndcg[10],
        seconds_per_epoch: secondsPerEpoch,
        final_loss: reports.at(-1)?.loss,
        train_windows: data.train.numSequences,
        test_windows: test.numSequences,
      };
      if (options.json === true) {
        io.out(`${JSON.stringify(result)}\n`);
        return;
      }
      io.out(
        `${options.representation}: validation MRR ${metric(validation.mrr)}, ` +
          `test MRR ${metric(test.mrr)}, test HR@10 ${metric(test.hr[10] ?? Number.NaN)}, ` +
          `${secondsPerEpoch.toFixed(1)} s/epoch on ${model.backendName}, ` +
          `${model.kernelsName} kernels ` +
          `(${count(test.numSequences)} test windows)\n`,
      );
    } finally {
      progress.stop();
      model.dispose();
    }
  });
}

/** The `--backend` option, shared by the commands that compute. */
export function backendOption(): Option {
  return new Option(
    '--backend <name>',
    'TensorFlow.js backend (default: SEQREC_BACKEND, else auto)',
  ).choices(['auto', ...BACKEND_NAMES]);
}

/** Representation and loss names are usage errors (exit 2), checked before any work. */
function checkNames(options: TrainOptions): void {
  if (!listRepresentations().includes(options.representation)) {
    throw new UsageError(
      `--representation must be one of ${listRepresentations().join(', ')}; ` +
        `got "${options.representation}". Hint: --plugin loads a module that registers more.`,
    );
  }
  if (!listLosses().includes(options.loss)) {
    throw new UsageError(
      `--loss must be one of ${listLosses().join(', ')}; got "${options.loss}".`,
    );
  }
}

/**
 * The backend from `--backend`, else from SEQREC_BACKEND (empty counts as unset), checked
 * here so a bad environment variable is named as such.
 */
export function resolveBackendFlag(flag: string | undefined, io: CliIO): BackendChoice {
  const fromEnv = io.env['SEQREC_BACKEND'];
  const value = flag ?? (fromEnv === undefined || fromEnv === '' ? 'auto' : fromEnv);
  const choices: readonly string[] = ['auto', ...BACKEND_NAMES];
  if (!choices.includes(value)) {
    throw new UsageError(`SEQREC_BACKEND must be one of ${choices.join(', ')}; got "${value}".`);
  }
  return value as BackendChoice;
}

/**
 * `--save` must be a folder, or a path that can be created: checked before training, so that
 * a bad path does not cost the training. The nearest existing folder on the path must take
 * a new entry, which is probed by creating and removing a temporary folder there.
 */
async function checkSaveDir(dir: string): Promise<void> {
  const { mkdtemp, rmdir, stat } = await import('node:fs/promises');
  const { dirname, join, resolve } = await import('node:path');
  const rule = '--save must be a folder, or a path where one can be created';
  if (dir.trim() === '') throw new UsageError(`${rule}; got "${dir}".`);
  let at = resolve(dir);
  for (;;) {
    const found = await stat(at).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) {
        throw new UsageError(`${rule}; got "${dir}", and ${at} is a file.`);
      }
      break;
    }
    if (dirname(at) === at) break;
    at = dirname(at);
  }
  try {
    await rmdir(await mkdtemp(join(at, '.seqrec-save-check-')));
  } catch (error) {
    const code = (error as { code?: string }).code ?? String(error);
    throw new UsageError(`${rule}; got "${dir}", and nothing can be created in ${at} (${code}).`);
  }
}
