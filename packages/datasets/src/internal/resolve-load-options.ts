import { describeValue } from '@seqrec/interactions';

import type { LoadOptions, SkippedLine } from '../loaders/load-options.js';

/** {@link LoadOptions} checked and completed, plus the name of the calling API. @internal */
export interface ResolvedLoadOptions {
  readonly api: string;
  readonly skipInvalid: boolean;
  readonly onSkip: ((skipped: SkippedLine) => void) | undefined;
  readonly onProgress: ((linesRead: number) => void) | undefined;
}

/**
 * Checks the path and the common loader options once, at the public entry point.
 *
 * @throws TypeError if the path is not a non-empty string or an option has the wrong kind.
 * @internal
 */
export function resolveLoadOptions(
  api: string,
  path: unknown,
  options: LoadOptions | undefined,
): ResolvedLoadOptions {
  requirePath(api, path);
  if (options !== undefined && (typeof options !== 'object' || options === null)) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  const { skipInvalid = false, onSkip, onProgress } = options ?? {};
  if (typeof skipInvalid !== 'boolean') {
    throw new TypeError(
      `${api}: skipInvalid must be a boolean; got ${describeValue(skipInvalid)}.`,
    );
  }
  requireCallback(api, 'onSkip', onSkip);
  requireCallback(api, 'onProgress', onProgress);
  return { api, skipInvalid, onSkip, onProgress };
}

/**
 * @throws TypeError if `path` is not a non-empty string.
 * @internal
 */
export function requirePath(api: string, path: unknown): asserts path is string {
  if (typeof path !== 'string' || path.length === 0) {
    throw new TypeError(`${api}: path must be a non-empty string; got ${describeValue(path)}.`);
  }
}

/**
 * @throws TypeError if `value` is neither undefined nor a function.
 * @internal
 */
export function requireCallback(api: string, name: string, value: unknown): void {
  if (value !== undefined && typeof value !== 'function') {
    throw new TypeError(`${api}: ${name} must be a function; got ${describeValue(value)}.`);
  }
}
