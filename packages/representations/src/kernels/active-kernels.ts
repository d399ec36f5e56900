import { describeValue } from '@seqrec/interactions';

import { hostSequenceKernels } from './host-kernels.js';
import { plainSequenceKernels } from './plain-kernels.js';
import type { SequenceKernels } from './sequence-kernels.js';

/**
 * The built-in {@link SequenceKernels} by name.
 *
 * @example
 * ```ts
 * import type { BuiltinKernelsName } from '@seqrec/representations';
 *
 * const name: BuiltinKernelsName = 'plain';
 * console.assert(name === 'plain');
 * ```
 */
export type BuiltinKernelsName = 'host' | 'plain';

const BUILTIN: Readonly<Record<BuiltinKernelsName, SequenceKernels>> = {
  host: hostSequenceKernels,
  plain: plainSequenceKernels,
};

// One choice for the whole process, as the tfjs backend is: the recurrent layers of every
// representation read it when they run, so a model built before the choice follows it too.
let active: SequenceKernels = hostSequenceKernels;

/**
 * The {@link SequenceKernels} the built-in recurrent representations run on now:
 * `hostSequenceKernels` unless {@link useSequenceKernels} chose others.
 *
 * @example
 * ```ts
 * import { activeSequenceKernels } from '@seqrec/representations';
 *
 * console.assert(activeSequenceKernels().name === 'host');
 * ```
 */
export function activeSequenceKernels(): SequenceKernels {
  return active;
}

/**
 * Makes `kernels` (or the built-in ones of that name) the ones the recurrent representations
 * run on, for the whole process, and returns the ones they replace. `@seqrec/models` calls it
 * when a model computes; call it yourself to force a path.
 *
 * @throws RangeError if `kernels` is a string other than a {@link BuiltinKernelsName}.
 * @throws TypeError if it is an object without a string `name` and `lstm`, `mlstm` and `gru`
 *   functions.
 * @example
 * ```ts
 * import { activeSequenceKernels, useSequenceKernels } from '@seqrec/representations';
 *
 * const previous = useSequenceKernels('plain');
 * console.assert(activeSequenceKernels().name === 'plain' && previous.name === 'host');
 * useSequenceKernels(previous);
 * ```
 */
export function useSequenceKernels(kernels: SequenceKernels | BuiltinKernelsName): SequenceKernels {
  const previous = active;
  if (typeof kernels === 'string') {
    const builtin = (BUILTIN as Partial<Record<string, SequenceKernels>>)[kernels];
    if (builtin === undefined) {
      throw new RangeError(
        `useSequenceKernels: kernels must be one of ${Object.keys(BUILTIN).join(', ')} or ` +
          `a SequenceKernels object; got ${describeValue(kernels)}.`,
      );
    }
    active = builtin;
    return previous;
  }
  const candidate = kernels as Partial<Record<keyof SequenceKernels, unknown>> | null;
  const missing = (['lstm', 'mlstm', 'gru'] as const).filter(
    (key) => typeof candidate?.[key] !== 'function',
  );
  if (typeof candidate !== 'object' || candidate === null || typeof candidate.name !== 'string') {
    throw new TypeError(
      `useSequenceKernels: kernels must be a built-in name or an object with a string name; ` +
        `got ${describeValue(kernels)}.`,
    );
  }
  if (missing.length > 0) {
    throw new TypeError(
      `useSequenceKernels: kernels ${describeValue(candidate.name)} must have ` +
        `lstm, mlstm and gru functions; missing ${missing.join(', ')}.`,
    );
  }
  active = kernels;
  return previous;
}
