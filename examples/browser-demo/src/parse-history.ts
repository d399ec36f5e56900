import type { IdMap, RawId } from '@seqrec/interactions';

/**
 * Reads a comma-separated history, as a user types it, into the model's raw item ids.
 *
 * Text has no types, but a model's raw ids do: `7` and `'7'` are different ids. So each
 * token is taken as the string the model knows, else as the number it knows. A token the
 * model knows in neither form stays the string typed, so that `recommendMany` reports it
 * among the unknown ids. A model trained on dense ids (no `itemMap`) knows numbers only.
 * Blank tokens are dropped, so stray commas and spaces do no harm.
 *
 * @param text - The history, oldest first, e.g. `"item-3, item-17"`.
 * @param itemMap - The model's raw ↔ dense item ids, or `undefined` for dense ids.
 */
export function parseHistory(text: string, itemMap: IdMap | undefined): RawId[] {
  const tokens = text
    .split(',')
    .map((token) => token.trim())
    .filter((token) => token !== '');
  return tokens.map((token) => {
    const number = /^[+-]?\d+(\.\d+)?$/.test(token) ? Number(token) : undefined;
    if (itemMap === undefined) return number ?? token;
    if (itemMap.has(token) || number === undefined) return token;
    return itemMap.has(number) ? number : token;
  });
}
