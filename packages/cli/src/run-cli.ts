import { CommanderError, Command } from 'commander';

import { baselineCommand } from './commands/baseline.js';
import { trainCommand } from './commands/train.js';
import { UsageError, type CliIO } from './internal/cli-io.js';

/**
 * Runs the `seqrec` command line with `argv` (arguments after the program name) and
 * resolves with the process exit code: 0 on success, 1 when the work failed, 2 for a usage
 * error. Nothing is written to the process directly: output goes through `io`.
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
    .showHelpAfterError('(run seqrec --help for usage)');
  for (const command of [baselineCommand(io), trainCommand(io)]) {
    program.addCommand(
      command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err }),
    );
  }

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Commander has already printed its message (help, version or a usage error).
      return error.exitCode === 0 ? 0 : 2;
    }
    if (error instanceof UsageError) {
      io.err(`seqrec: ${error.message}\n`);
      return 2;
    }
    const message = error instanceof Error ? error.message : String(error);
    const cause =
      error instanceof Error && error.cause instanceof Error
        ? `\n  cause: ${error.cause.message}`
        : '';
    io.err(`seqrec: ${message}${cause}\n`);
    // SEQREC_DEBUG=1 adds the stack trace, for bug reports.
    if (io.env['SEQREC_DEBUG'] === '1' && error instanceof Error)
      io.err(`${String(error.stack)}\n`);
    return 1;
  }
}
