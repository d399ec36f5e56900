import { describeValue } from '@seqrec/interactions';

import type { ChoiceOption, Distribution, DistributionKind } from '../space/distribution.js';
import { gridRange } from './quantize.js';

/** @internal A distribution whose fields are not checked yet. */
export interface RawDistribution {
  readonly kind: DistributionKind;
  readonly options?: unknown;
  readonly low?: unknown;
  readonly high?: unknown;
  readonly q?: unknown;
}

/**
 * Checks a distribution's fields and returns a frozen copy. Error messages name the
 * field as `label.field` (or just `field` for an empty label).
 *
 * @internal
 */
export function checkDistribution(api: string, label: string, raw: RawDistribution): Distribution {
  const name = (field: string): string => (label === '' ? field : `${label}.${field}`);
  if (raw.kind === 'choice') {
    return Object.freeze({ kind: 'choice', options: checkOptions(api, name('options'), raw) });
  }
  const low = requireNumber(api, name('low'), raw.low, raw.kind === 'randint');
  const high = requireNumber(api, name('high'), raw.high, raw.kind === 'randint');
  if (!(high > low)) {
    throw new RangeError(
      `${api}: ${name('high')} must be above ${name('low')} (${String(low)}); ` +
        `got ${String(high)}.`,
    );
  }
  if (raw.kind !== 'quniform' && raw.kind !== 'qloguniform') {
    return Object.freeze({ kind: raw.kind, low, high });
  }
  const q = requireNumber(api, name('q'), raw.q, false);
  if (!(q > 0)) {
    throw new RangeError(`${api}: ${name('q')} must be positive; got ${String(q)}.`);
  }
  const [lo, hi] = raw.kind === 'quniform' ? [low, high] : [Math.exp(low), Math.exp(high)];
  const { first, last } = gridRange(lo, hi, q);
  if (first > last) {
    throw new RangeError(
      `${api}: ${name('q')} must have a multiple in [${String(lo)}, ${String(hi)}]; ` +
        `got ${String(q)}.`,
    );
  }
  return Object.freeze({ kind: raw.kind, low, high, q });
}

function requireNumber(api: string, name: string, value: unknown, integer: boolean): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${api}: ${name} must be a finite number; got ${describeValue(value)}.`);
  }
  if (integer && !Number.isSafeInteger(value)) {
    throw new RangeError(`${api}: ${name} must be an integer; got ${String(value)}.`);
  }
  return value;
}

function checkOptions(api: string, name: string, raw: RawDistribution): readonly ChoiceOption[] {
  const options = raw.options;
  if (!Array.isArray(options)) {
    throw new TypeError(`${api}: ${name} must be an array; got ${describeValue(options)}.`);
  }
  if (options.length === 0) {
    throw new RangeError(`${api}: ${name} must not be empty; got [].`);
  }
  options.forEach((option: unknown, k) => {
    const kind = typeof option;
    if (kind !== 'string' && kind !== 'number' && kind !== 'boolean') {
      throw new TypeError(
        `${api}: ${name}[${String(k)}] must be a string, number or boolean; ` +
          `got ${describeValue(option)}.`,
      );
    }
    if (kind === 'number' && !Number.isFinite(option)) {
      throw new RangeError(
        `${api}: ${name}[${String(k)}] must be a finite number; got ${String(option)}.`,
      );
    }
    if (options.indexOf(option) !== k) {
      throw new RangeError(
        `${api}: ${name} must hold each value once; got ${describeValue(option)} twice.`,
      );
    }
  });
  return Object.freeze([...(options as ChoiceOption[])]);
}
