import { sharedDataDir } from '@seqrec/testing/shared-data';

import { runCli } from '../src/run-cli.js';

/** What a run of the CLI printed, and its exit code. */
export interface RunResult {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

/** Options of {@link run}: an abort signal (Ctrl-C), and a hook on every write to stdout. */
export interface RunOptions {
  readonly signal?: AbortSignal;
  readonly onOut?: (text: string) => void;
  /** Environment variables the CLI sees (besides SEQREC_DEBUG). */
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the CLI in-process and captures what it prints. */
export async function run(argv: readonly string[], options: RunOptions = {}): Promise<RunResult> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => {
      out += text;
      options.onOut?.(text);
    },
    err: (text) => (err += text),
    isTTY: false,
    env: { SEQREC_DEBUG: process.env['SEQREC_DEBUG'], ...options.env },
    signal: options.signal,
  });
  return { code, out, err };
}

/** The shared real-data folder: `../shared/data` beside the repository, or SEQREC_DATA_DIR. */
export const DATA_DIR = sharedDataDir();
