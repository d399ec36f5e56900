import { isAbsolute } from 'node:path';

import { describeValue } from '@seqrec/interactions';

import type { RunSearchOptions, TrialWorker } from '../run-search-options.js';
import { TrialStore } from '../store/trial-store.js';

/** @internal {@link RunSearchOptions} checked, with defaults filled in. */
export interface ResolvedRunSearchOptions extends Omit<
  RunSearchOptions,
  'workers' | 'lag' | 'worker'
> {
  readonly workers: number;
  readonly lag: number;
  readonly worker: Required<TrialWorker> | undefined;
}

/** @internal Checks the options of runSearch once, at the entry point. */
export function resolveRunSearchOptions(options: RunSearchOptions): ResolvedRunSearchOptions {
  const api = 'runSearch';
  const o = options as unknown as Record<string, unknown>;
  const space = o['space'];
  if (space === null || typeof space !== 'object' || Object.keys(space).length === 0) {
    throw new TypeError(
      `${api}: space must be an object with at least one parameter; got ${describeValue(space)}.`,
    );
  }
  const sampler = o['sampler'] as { suggest?: unknown } | undefined;
  if (typeof sampler?.suggest !== 'function') {
    throw new TypeError(
      `${api}: sampler must have a suggest method; got ${describeValue(sampler)}.`,
    );
  }
  const numTrials = requireInteger(api, 'numTrials', options.numTrials, 0);
  requireInteger(api, 'seed', options.seed, -Infinity);
  const workers = requireInteger(api, 'workers', options.workers ?? 1, 1);
  const lag = requireInteger(api, 'lag', options.lag ?? 4, 1);
  if (!(options.store instanceof TrialStore)) {
    throw new TypeError(`${api}: store must be a TrialStore; got ${describeValue(options.store)}.`);
  }
  for (const name of ['evaluate', 'onTrialStart', 'onTrialProgress', 'onTrialEnd'] as const) {
    const f: unknown = options[name];
    if (f !== undefined && typeof f !== 'function') {
      throw new TypeError(`${api}: ${name} must be a function; got ${describeValue(f)}.`);
    }
  }
  if ((options.evaluate === undefined) === (options.worker === undefined)) {
    throw new TypeError(
      `${api}: exactly one of evaluate and worker must be given; got ` +
        `${options.evaluate === undefined ? 'neither' : 'both'}.`,
    );
  }
  return Object.freeze({
    ...options,
    numTrials,
    workers,
    lag,
    worker: options.worker === undefined ? undefined : resolveWorker(api, options.worker),
  });
}

function resolveWorker(api: string, worker: TrialWorker): Required<TrialWorker> {
  const module: unknown = worker.module;
  if (typeof module !== 'string' || !(isAbsolute(module) || module.startsWith('file:'))) {
    throw new RangeError(
      `${api}: worker.module must be an absolute path or a file: URL; ` +
        `got ${describeValue(module)}.`,
    );
  }
  const execArgv: unknown = worker.execArgv ?? [];
  if (!Array.isArray(execArgv) || !execArgv.every((a) => typeof a === 'string')) {
    throw new TypeError(
      `${api}: worker.execArgv must be an array of strings; got ${describeValue(execArgv)}.`,
    );
  }
  return { module, data: worker.data, execArgv: execArgv as string[] };
}

function requireInteger(api: string, name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const rule = min === -Infinity ? 'an integer' : `an integer ≥ ${String(min)}`;
    throw new RangeError(`${api}: ${name} must be ${rule}; got ${describeValue(value)}.`);
  }
  return value;
}
