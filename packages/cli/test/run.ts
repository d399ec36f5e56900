import { runCli } from '../src/run-cli.js';

/** Runs the CLI in-process and captures what it prints. */
export async function run(
  argv: readonly string[],
): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, {
    out: (text) => (out += text),
    err: (text) => (err += text),
    isTTY: false,
    env: { SEQREC_DEBUG: process.env['SEQREC_DEBUG'] },
  });
  return { code, out, err };
}

/** The shared real-data folder: `../shared/data` beside the repository, or SEQREC_DATA_DIR. */
export const DATA_DIR =
  process.env['SEQREC_DATA_DIR'] ?? new URL('../../../../shared/data/', import.meta.url).pathname;
