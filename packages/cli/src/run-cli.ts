import { CommanderError, Command } from 'commander';

import { baselineCommand } from './commands/baseline.js';
import { compareCommand } from './commands/compare.js';
import { evaluateCommand } from './commands/evaluate.js';
import { experimentCommand } from './commands/experiment.js';
import { recommendCommand } from './commands/recommend.js';
import { trainCommand } from './commands/train.js';
import { UsageError, type CliIO } from './internal/cli-io.js';
import { loadPlugins } from './internal/load-plugins.js';

// The exit code of a process stopped by SIGINT, by shell convention (128 + 2).
const INTERRUPTED = 130;

/**
 * Runs the `seqrec` command line with `argv` (arguments after the program name) and
 * resolves with the process exit code: 0 on success, 1 when the work failed, 2 for a usage
 * error, 130 when `io.signal` was aborted (long work then stops after writing what has
 * finished). Nothing is written to the process directly: output goes through `io`.
 *
 * @example
 * ```ts
 * import { runCli } from '@seqrec/cli';
 *
 * let out = '';
 * const code = await runCli(['--version'], {
 *   out: (text) => (out += text),
 *   err: () => {},
 *   isTTY: false,
 *   env: {},
 * });
 * console.assert(code === 0 && /^\d+\.\d+\.\d+/.test(out));
 * ```
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = new Command('seqrec')
    .description('Sequence-based recommendation: load data, train and evaluate models.')
    .version('0.1.0')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run seqrec --help for usage)')
    .option(
      '--plugin <module>',
      'import a module first, e.g. a package that registers its own representation (repeatable)',
      (value: string, previous: string[]) => [...previous, value],
      [] as string[],
    )
    .hook('preAction', async (root) => {
      const plugins = (root.opts() as { plugin?: string[] }).plugin ?? [];
      await loadPlugins(plugins, process.cwd());
    });
  const commands = [
    baselineCommand(io),
    trainCommand(io),
    evaluateCommand(io),
    recommendCommand(io),
    experimentCommand(io),
    compareCommand(io),
  ];
  for (const command of commands) {
    program.addCommand(
      command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    );
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return io.signal?.aborted === true ? INTERRUPTED : 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (help, version or a usage error).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`seqrec: ${describeError(error)}\n`);
      return 2;
    }
    if (io.signal?.aborted === true) {
      io.err('seqrec: interrupted\n');
      return INTERRUPTED;
    }
    io.err(`seqrec: ${describeError(error)}\n`);
    // SEQREC_DEBUG=1 adds the stack trace, for bug reports.
    if (io.env['SEQREC_DEBUG'] === '1' && error instanceof Error)
      io.err(`${String(error.stack)}\n`);
    return 1;
  }
}

/** The message, plus the cause's when it adds something the message does not already say. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : '';
  return cause === '' || error.message.includes(cause)
    ? error.message
    : `${error.message}\n  cause: ${cause}`;
}
