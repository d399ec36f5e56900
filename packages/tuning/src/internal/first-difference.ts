import { isPlainObject } from './check-record.js';

/** @internal Where two JSON values first differ, and what each holds there. */
export interface Difference {
  /** The path to the first difference, e.g. `model.embeddingDim` or `space.loss.choice[1]`. */
  readonly path: string;
  readonly left: unknown;
  readonly right: unknown;
}

/**
 * The first place where two JSON values differ, walking objects in the left value's key
 * order (then the keys only the right one has) and arrays by position; undefined when they
 * are deep-equal. Key order does not matter.
 *
 * @internal
 */
export function firstDifference(left: unknown, right: unknown, path = ''): Difference | undefined {
  if (Array.isArray(left) && Array.isArray(right)) {
    for (let k = 0; k < Math.max(left.length, right.length); k++) {
      const found = firstDifference(left[k], right[k], `${path}[${String(k)}]`);
      if (found) return found;
    }
    return undefined;
  }
  if (isPlainObject(left) && isPlainObject(right)) {
    const keys = [
      ...Object.keys(left),
      ...Object.keys(right).filter((k) => !Object.hasOwn(left, k)),
    ];
    for (const key of keys) {
      const found = firstDifference(left[key], right[key], path === '' ? key : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  }
  return left === right ? undefined : { path, left, right };
}
