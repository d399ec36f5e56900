/**
 * Where the command writes: injected so tests capture output and the bin wires the process.
 *
 * @example
 * ```ts
 * import { runCli, type CliIO } from '@seqrec/cli';
 *
 * const lines: string[] = [];
 * const io: CliIO = { out: (t) => lines.push(t), err: (t) => lines.push(t), isTTY: false, env: {} };
 * console.assert((await runCli(['--help'], io)) === 0 && lines.join('').includes('recommend'));
 * ```
 */
export interface CliIO {
  /** Writes text to standard output (no newline added). */
  readonly out: (text: string) => void;
  /** Writes text to standard error (no newline added). */
  readonly err: (text: string) => void;
  /** Whether standard error is a terminal: only then are progress bars drawn. */
  readonly isTTY: boolean;
  /** Environment variables (for `SEQREC_*` settings). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /**
   * Aborted to stop long work (the bin aborts it on Ctrl-C): a search then stops starting
   * trials, writes what has finished, and the command exits with code 130.
   */
  readonly signal?: AbortSignal | undefined;
}

/** Thrown for a usage error: printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
