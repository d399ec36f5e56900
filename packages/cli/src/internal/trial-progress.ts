import { SingleBar } from 'cli-progress';

import type { CliIO } from './cli-io.js';
import { metric } from './format.js';

/** The progress line of a search: trial i of N, epoch, best so far, time left. */
export interface TrialProgress {
  /** Starts the bar of one model's search, `done` of `total` trials already finished. */
  start(label: string, done: number, total: number, best: number | undefined): void;
  /** A trial started (1-based `trial`). */
  trial(trial: number): void;
  /** A trial finished an epoch; `trial` (1-based) names it when several run at once. */
  epoch(epoch: number, numEpochs: number, trial?: number): void;
  /** A trial finished; `line` is printed above the bar. */
  finished(done: number, best: number | undefined, line: string | undefined): void;
  stop(): void;
}

/**
 * Draws on standard error when it is a terminal and output is not silenced; otherwise it
 * only prints the trial lines (when `chatty`).
 */
export function createTrialProgress(io: CliIO, chatty: boolean): TrialProgress {
  const say = (line: string | undefined): void => {
    if (chatty && line !== undefined) io.out(`${line}\n`);
  };
  if (!chatty || !io.isTTY) {
    return {
      start: () => {},
      trial: () => {},
      epoch: () => {},
      finished: (_done, _best, line) => say(line),
      stop: () => {},
    };
  }
  const bar = new SingleBar({
    format:
      '{label} [{bar}] {value}/{total} trials · trial {trial} {epoch}· best {best} · {left} left',
    stream: process.stderr,
    hideCursor: true,
    clearOnComplete: true,
  });
  let state = { label: '', total: 0, done: 0, trial: '', epoch: '', best: '–', left: '?' };
  let running = false;
  // Time left = mean wall time per trial finished in this run × trials to go. The bar's own
  // estimate restarts whenever a line is printed above it, so it is not used.
  let started = 0;
  let doneAtStart = 0;
  const timeLeft = (done: number): string => {
    const finished = done - doneAtStart;
    if (finished <= 0) return '?';
    const seconds = ((performance.now() - started) / 1000 / finished) * (state.total - done);
    return formatDuration(seconds);
  };
  const draw = (): void => {
    if (!running) {
      bar.start(state.total, state.done, state);
      running = true;
    } else {
      bar.update(state.done, state);
    }
  };
  return {
    start: (label, done, total, best) => {
      state = {
        label,
        total,
        done,
        trial: '',
        epoch: '',
        best: best === undefined ? '–' : metric(best),
        left: '?',
      };
      started = performance.now();
      doneAtStart = done;
      draw();
    },
    trial: (trial) => {
      state = { ...state, trial: `${String(trial)}/${String(state.total)}`, epoch: '' };
      draw();
    },
    epoch: (epoch, numEpochs, trial) => {
      const which = trial === undefined ? {} : { trial: `${String(trial)}/${String(state.total)}` };
      state = { ...state, ...which, epoch: `epoch ${String(epoch)}/${String(numEpochs)} ` };
      draw();
    },
    finished: (done, best, line) => {
      state = {
        ...state,
        done,
        best: best === undefined ? '–' : metric(best),
        left: timeLeft(done),
      };
      if (line !== undefined) {
        // The bar is cleared, the line printed, and the bar drawn again below it.
        bar.stop();
        running = false;
        say(line);
      }
      draw();
    },
    stop: () => {
      if (running) bar.stop();
      running = false;
    },
  };
}

/** 75 → '1m 15s', 4000 → '1h 6m'. */
export function formatDuration(seconds: number): string {
  const s = Math.round(seconds);
  if (s < 60) return `${String(s)}s`;
  if (s < 3600) return `${String(Math.floor(s / 60))}m ${String(s % 60)}s`;
  return `${String(Math.floor(s / 3600))}h ${String(Math.floor((s % 3600) / 60))}m`;
}
