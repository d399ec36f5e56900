import { readFileSync } from 'node:fs';

import { describeValue } from '@seqrec/interactions';
import { listLosses } from '@seqrec/losses';
import { parseSearchSpace, type SearchSpace } from '@seqrec/tuning';

import { UsageError } from '../internal/cli-io.js';

/**
 * The original study's search space: hyperopt expressions over batch size, learning rate
 * (e^-6 … e^-3), L2 penalty (e^-25 … e^-9), epochs and embedding width.
 */
export const DEFAULT_SPACE: Readonly<Record<string, unknown>> = Object.freeze({
  batch_size: { quniform: [64, 256, 16] },
  learning_rate: { loguniform: [-6, -3] },
  l2: { loguniform: [-25, -9] },
  n_iter: { quniform: [20, 50, 5] },
  embedding_dim: { quniform: [16, 128, 8] },
});

/** Keys a space file may hold besides `representation.<option>` ones. */
export const SPACE_KEYS: readonly string[] = [
  'batch_size',
  'learning_rate',
  'l2',
  'n_iter',
  'embedding_dim',
  'loss',
  'num_negative_samples',
];

/** Prefix of the keys whose values go to the representation as its options. */
export const REPRESENTATION_PREFIX = 'representation.';

/** A search space with the JSON it was parsed from (stored in the trial file's header). */
export interface SpaceSpec {
  readonly json: Readonly<Record<string, unknown>>;
  readonly space: SearchSpace;
}

/**
 * Reads `--space FILE` (or takes the default space when `path` is undefined). Keys in the
 * file replace the default's; the others keep the default range.
 *
 * @throws UsageError naming the file when it cannot be read, is not a JSON object, holds an
 *   unknown key, or an expression the tuning package rejects.
 */
export function readSearchSpace(path: string | undefined): SpaceSpec {
  if (path === undefined) return { json: DEFAULT_SPACE, space: parse(DEFAULT_SPACE, 'default') };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UsageError(`--space must be a readable file; got ${describeValue(path)}.`, {
      cause: error,
    });
  }
  let given: unknown;
  try {
    given = JSON.parse(text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--space ${path} must hold JSON; got a parse error: ${reason}.`);
  }
  if (typeof given !== 'object' || given === null || Array.isArray(given)) {
    throw new UsageError(
      `--space ${path} must hold a JSON object of parameter → expression; got ${describeValue(given)}.`,
    );
  }
  for (const key of Object.keys(given)) {
    const known =
      SPACE_KEYS.includes(key) ||
      (key.startsWith(REPRESENTATION_PREFIX) && key.length > REPRESENTATION_PREFIX.length);
    if (!known) {
      throw new UsageError(
        `--space ${path}: keys must be ${SPACE_KEYS.join(', ')} or ` +
          `${REPRESENTATION_PREFIX}<option>; got ${describeValue(key)}.`,
      );
    }
  }
  checkLossNames(path, (given as Record<string, unknown>)['loss']);
  const json = { ...DEFAULT_SPACE, ...(given as Record<string, unknown>) };
  return { json, space: parse(json, path) };
}

// Checked here, before any data is read: a misspelt loss would otherwise fail every trial.
function checkLossNames(path: string, expression: unknown): void {
  if (typeof expression !== 'object' || expression === null) return;
  const choices = (expression as Record<string, unknown>)['choice'];
  if (!Array.isArray(choices)) return;
  for (const name of choices) {
    if (typeof name !== 'string' || !listLosses().includes(name)) {
      throw new UsageError(
        `--space ${path}: loss choices must be registered losses (${listLosses().join(', ')}); ` +
          `got ${describeValue(name)}.`,
      );
    }
  }
}

function parse(json: Readonly<Record<string, unknown>>, source: string): SearchSpace {
  try {
    return parseSearchSpace(json);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--space ${source}: ${reason}`, { cause: error });
  }
}
