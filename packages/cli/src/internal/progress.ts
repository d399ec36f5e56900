import { SingleBar } from 'cli-progress';

import type { CliIO } from './cli-io.js';

/** A progress bar on standard error, drawn only when it is a terminal and not silenced. */
export interface Progress {
  start(total: number, label: string): void;
  update(done: number, label: string): void;
  stop(): void;
}

/** Builds a bar that draws on a terminal, or one that does nothing. */
export function createProgress(io: CliIO, enabled: boolean): Progress {
  if (!enabled || !io.isTTY) {
    return { start: () => {}, update: () => {}, stop: () => {} };
  }
  const bar = new SingleBar({
    format: '{label} [{bar}] {value}/{total} batches, {eta_formatted} left',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  return {
    start: (total, label) => bar.start(total, 0, { label }),
    update: (done, label) => bar.update(done, { label }),
    stop: () => bar.stop(),
  };
}
