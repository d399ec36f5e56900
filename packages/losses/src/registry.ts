import { describeValue } from '@seqrec/interactions';

import { BUILTIN_LOSSES } from './internal/builtins.js';
import type { Loss, LossContext } from './loss.js';

/**
 * Builds a loss from the shared context and its options (a plain JSON object, validated by
 * the loss itself).
 *
 * @example
 * ```ts
 * import { HingeLoss, createLoss, registerLoss, type LossFactory } from '@seqrec/losses';
 *
 * // A factory checks its own options; this one accepts none.
 * const strictHinge: LossFactory = (context, options) => {
 *   if (Object.keys(options).length > 0) throw new TypeError('strict-hinge takes no options');
 *   return new HingeLoss(context);
 * };
 * registerLoss('strict-hinge', strictHinge);
 * const loss = createLoss('strict-hinge', { numItems: 10, numNegatives: 2 });
 * console.assert(loss instanceof HingeLoss);
 * ```
 */
export type LossFactory = (
  context: LossContext,
  options: Readonly<Record<string, unknown>>,
) => Loss;

const registry = new Map<string, LossFactory>(Object.entries(BUILTIN_LOSSES));

/**
 * Makes a loss available by name to {@link createLoss}, and so to the trainer, the command
 * line and model loading. This is how a plugin package adds its own.
 *
 * @param options - `replace: true` allows replacing an existing name (default false).
 * @throws RangeError if the name is not a lower-case identifier (letters, digits, `-`, `_`,
 *   `.`, `/`, `@`) or is taken and `replace` is not set.
 * @throws TypeError if `factory` is not a function.
 * @example
 * ```ts
 * import { BprLoss, listLosses, registerLoss } from '@seqrec/losses';
 *
 * registerLoss('my-bpr', (context, options) => new BprLoss(context, options));
 * console.assert(listLosses().includes('my-bpr'));
 * ```
 */
export function registerLoss(
  name: string,
  factory: LossFactory,
  options: { readonly replace?: boolean } = {},
): void {
  if (typeof name !== 'string' || !/^[a-z0-9@][a-z0-9._/@-]*$/.test(name)) {
    throw new RangeError(
      'registerLoss: name must be a lower-case identifier (a-z, 0-9, ., _, -, /, @); ' +
        `got ${describeValue(name)}.`,
    );
  }
  if (typeof factory !== 'function') {
    throw new TypeError(`registerLoss: factory must be a function; got ${describeValue(factory)}.`);
  }
  if (registry.has(name) && options.replace !== true) {
    throw new RangeError(
      `registerLoss: name must not be registered already; got ${describeValue(name)}. ` +
        'Hint: pass { replace: true } to replace it.',
    );
  }
  registry.set(name, factory);
}

/**
 * Builds the loss registered under `name`: one of `pointwise`, `bpr`, `hinge`,
 * `adaptive-hinge`, `logistic`, `bpr-log`, `sampled-softmax`, `gbce`, or a plugin's.
 *
 * @param context - Item count (padding included) and negatives per position.
 * @param options - The loss's options, e.g. `{ t: 0.75 }` for `gbce` (default none).
 * @throws RangeError if no loss has that name (the message lists those that do), or
 *   whatever the loss throws for a bad context or options.
 * @example
 * ```ts
 * import { createLoss } from '@seqrec/losses';
 *
 * const loss = createLoss('gbce', { numItems: 1000, numNegatives: 16 }, { t: 0.5 });
 * console.assert(loss.name === 'gbce');
 * ```
 */
export function createLoss(
  name: string,
  context: LossContext,
  options: Readonly<Record<string, unknown>> = {},
): Loss {
  const factory = registry.get(name);
  if (factory === undefined) {
    throw new RangeError(
      `createLoss: name must be a registered loss (${listLosses().join(', ')}); ` +
        `got ${describeValue(name)}. Hint: a plugin registers its own with registerLoss.`,
    );
  }
  return factory(context, options);
}

/**
 * Names of all registered losses, built-in ones first.
 *
 * @example
 * ```ts
 * import { listLosses } from '@seqrec/losses';
 *
 * console.assert(listLosses().includes('adaptive-hinge'));
 * ```
 */
export function listLosses(): string[] {
  return [...registry.keys()];
}
