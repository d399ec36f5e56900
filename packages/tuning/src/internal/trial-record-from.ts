import { describeValue } from '@seqrec/interactions';

import type { TrialOutcome } from '../run-search-options.js';
import type { Params } from '../space/distribution.js';
import type { TrialRecord } from '../store/trial-record.js';

/** @internal How an evaluation ended: with an outcome, or with what it threw. */
export type Settled = { readonly outcome: unknown } | { readonly thrown: unknown };

/**
 * The record of a finished evaluation. A throw, a malformed outcome, a loss that is not
 * finite and details that are not JSON each make a failed record with the reason in
 * `error`; metrics that are not finite numbers are left out.
 *
 * @internal
 */
export function trialRecordFrom(
  index: number,
  params: Params,
  settled: Settled,
  seconds: number,
): TrialRecord {
  const base = { index, params, seconds };
  if ('thrown' in settled) {
    return { ...base, status: 'failed', loss: null, metrics: {}, error: messageOf(settled.thrown) };
  }
  const outcome = settled.outcome;
  if (!isObject(outcome) || typeof outcome['loss'] !== 'number') {
    const error = `the outcome must be { loss: number, metrics }; got ${describeValue(outcome)}`;
    return { ...base, status: 'failed', loss: null, metrics: {}, error };
  }
  const { loss, details } = outcome as unknown as TrialOutcome;
  const metrics = finiteMetrics(outcome['metrics']);
  const extra = details === undefined ? {} : { details };
  if (details !== undefined && !serialises(details)) {
    const error = `the outcome's details must serialise to JSON; got ${describeValue(details)}`;
    return { ...base, status: 'failed', loss: null, metrics, error };
  }
  if (!Number.isFinite(loss)) {
    const error = `the loss must be a finite number; got ${String(loss)}`;
    return { ...base, status: 'failed', loss: null, metrics, error, ...extra };
  }
  return { ...base, status: 'ok', loss, metrics, ...extra };
}

// Limitation: JSON has no NaN or Infinity, so such metrics are dropped rather than kept.
function finiteMetrics(metrics: unknown): Record<string, number> {
  const out: Record<string, number> = {};
  if (!isObject(metrics)) return out;
  for (const [name, value] of Object.entries(metrics)) {
    if (typeof value === 'number' && Number.isFinite(value)) out[name] = value;
  }
  return out;
}

function serialises(value: unknown): boolean {
  try {
    JSON.stringify(value);
    return true;
  } catch {
    return false;
  }
}

/** @internal An error's message, or the thrown value as text. */
export function messageOf(thrown: unknown): string {
  return thrown instanceof Error ? thrown.message : String(thrown);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
