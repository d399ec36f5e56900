import { describeValue } from '@seqrec/interactions';

/**
 * Checks that a value has the shape of a `TrialRecord` and returns the first problem
 * as `<field> must be <rule>; got <value>`, or undefined when there is none.
 *
 * @internal
 */
export function recordProblem(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return `a record must be an object; got ${describeValue(value)}`;
  }
  const r = value as Record<string, unknown>;
  const index = r['index'];
  if (typeof index !== 'number' || !Number.isSafeInteger(index) || index < 0) {
    return `index must be a non-negative integer; got ${describeValue(index)}`;
  }
  if (!isPlainObject(r['params'])) {
    return `params must be an object; got ${describeValue(r['params'])}`;
  }
  for (const [name, v] of Object.entries(r['params'])) {
    const ok = typeof v === 'string' || typeof v === 'boolean' || Number.isFinite(v);
    if (!ok) {
      return `params.${name} must be a string, boolean or finite number; got ${describeValue(v)}`;
    }
  }
  const { status, loss } = r;
  if (status === 'ok' && (typeof loss !== 'number' || !Number.isFinite(loss))) {
    return `loss must be a finite number for status 'ok'; got ${describeValue(loss)}`;
  }
  if (status === 'failed' && loss !== null) {
    return `loss must be null for status 'failed'; got ${describeValue(loss)}`;
  }
  if (status !== 'ok' && status !== 'failed') {
    return `status must be 'ok' or 'failed'; got ${describeValue(status)}`;
  }
  if (!isPlainObject(r['metrics'])) {
    return `metrics must be an object; got ${describeValue(r['metrics'])}`;
  }
  for (const [name, v] of Object.entries(r['metrics'])) {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      return `metrics.${name} must be a finite number; got ${describeValue(v)}`;
    }
  }
  const seconds = r['seconds'];
  if (typeof seconds !== 'number' || !(seconds >= 0) || !Number.isFinite(seconds)) {
    return `seconds must be a finite number ≥ 0; got ${describeValue(seconds)}`;
  }
  if (r['error'] !== undefined && typeof r['error'] !== 'string') {
    return `error must be a string; got ${describeValue(r['error'])}`;
  }
  return undefined;
}

/** @internal An object that is not null, an array or a class instance other than Object. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}
