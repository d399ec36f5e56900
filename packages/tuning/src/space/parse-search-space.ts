import { describeValue } from '@seqrec/interactions';

import { checkDistribution } from '../internal/check-distribution.js';
import { DISTRIBUTION_KINDS, type DistributionKind, type SearchSpace } from './distribution.js';

/**
 * The JSON form of a search space, as a space file holds it: one
 * `{"<distribution>": [args]}` object per hyperparameter, e.g.
 * `{"learning_rate": {"loguniform": [-6, -3]}, "loss": {"choice": ["bpr", "adaptive-hinge"]}}`.
 *
 * @example
 * ```ts
 * import { parseSearchSpace, type SearchSpaceConfig } from '@seqrec/tuning';
 *
 * const config: SearchSpaceConfig = {
 *   learning_rate: { loguniform: [-6, -3] },
 *   loss: { choice: ['bpr', 'adaptive-hinge'] },
 * };
 * const space = parseSearchSpace(config);
 * console.assert(space['learning_rate']?.kind === 'loguniform');
 * console.assert(space['loss']?.kind === 'choice');
 * ```
 */
export type SearchSpaceConfig = Readonly<
  Record<string, Readonly<Record<string, readonly unknown[]>>>
>;

/** The arguments each kind takes in a space file, for error messages. */
const ARGS: Readonly<Record<DistributionKind, readonly string[]>> = {
  choice: ['options...'],
  uniform: ['low', 'high'],
  loguniform: ['low', 'high'],
  quniform: ['low', 'high', 'q'],
  qloguniform: ['low', 'high', 'q'],
  randint: ['low', 'high'],
};

/**
 * Reads a search space from its JSON form ({@link SearchSpaceConfig}), the format of
 * hyperopt-style space files: `{"<name>": {"<distribution>": [args]}}` with the arguments
 * of {@link choice} (the options themselves), {@link uniform}, {@link loguniform},
 * {@link quniform}, {@link qloguniform} or {@link randint}, in that order.
 *
 * @param json - the parsed contents of a space file.
 * @returns a frozen space.
 * @throws TypeError if `json` is not an object, or a parameter is not one
 *   `{"<distribution>": [args]}` object; the message names the parameter.
 * @throws RangeError if the space is empty, or the arguments of a parameter are wrong (count,
 *   kind or range, as the builders check them); the message names the parameter and field.
 * @example
 * ```ts
 * import { parseSearchSpace } from '@seqrec/tuning';
 *
 * const text = '{"batch_size": {"quniform": [64, 256, 16]}, "loss": {"choice": ["bpr", "hinge"]}}';
 * const space = parseSearchSpace(JSON.parse(text));
 * console.assert(space['batch_size']?.kind === 'quniform');
 * console.assert(space['loss']?.kind === 'choice');
 * ```
 */
export function parseSearchSpace(json: unknown): SearchSpace {
  const api = 'parseSearchSpace';
  if (json === null || typeof json !== 'object' || Array.isArray(json)) {
    throw new TypeError(
      `${api}: the search space must be an object of {"<name>": {"<distribution>": [args]}}; ` +
        `got ${describeValue(json)}.`,
    );
  }
  const entries = Object.entries(json);
  if (entries.length === 0) {
    throw new RangeError(`${api}: the search space must have at least one parameter; got {}.`);
  }
  const space: Record<string, SearchSpace[string]> = {};
  for (const [name, spec] of entries) space[name] = parseParameter(api, name, spec);
  return Object.freeze(space);
}

function parseParameter(api: string, name: string, spec: unknown): SearchSpace[string] {
  const keys = spec !== null && typeof spec === 'object' ? Object.keys(spec) : [];
  const kind = keys[0] as DistributionKind;
  const args: unknown = keys.length === 1 ? (spec as Record<string, unknown>)[kind] : undefined;
  if (keys.length !== 1 || !DISTRIBUTION_KINDS.includes(kind) || !Array.isArray(args)) {
    throw new TypeError(
      `${api}: ${name} must be {"<distribution>": [args]} with one of ` +
        `${DISTRIBUTION_KINDS.join(', ')}; got ${describeValue(spec)}.`,
    );
  }
  if (kind === 'choice') return checkDistribution(api, name, { kind, options: args });

  const expected = ARGS[kind];
  if (args.length !== expected.length) {
    throw new RangeError(
      `${api}: ${name} must be {"${kind}": [${expected.join(', ')}]}; ` +
        `got ${describeValue(spec)}.`,
    );
  }
  const [low, high, q] = args as unknown[];
  return checkDistribution(api, name, { kind, low, high, q });
}
