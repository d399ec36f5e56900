#!/usr/bin/env node
import { runCli } from './run-cli.js';

// The first Ctrl-C asks long work to stop after writing what has finished; a second one quits.
const interrupt = new AbortController();
process.on('SIGINT', () => {
  if (interrupt.signal.aborted) process.exit(130);
  process.stderr.write('\nseqrec: stopping; finished trials are kept (Ctrl-C again to quit now)\n');
  interrupt.abort();
});

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
  isTTY: process.stderr.isTTY,
  env: process.env,
  signal: interrupt.signal,
});
