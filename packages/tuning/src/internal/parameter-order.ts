import type { SearchSpace } from '../space/distribution.js';

/**
 * The names of a space in code-unit order: samplers draw parameters in this order so a
 * trial does not depend on the order a space file lists them in.
 *
 * @internal
 */
export function parameterOrder(space: SearchSpace): string[] {
  return Object.keys(space).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** @internal Params with the space's own key order, from values drawn in {@link parameterOrder}. */
export function inSpaceOrder(
  space: SearchSpace,
  values: ReadonlyMap<string, number | string | boolean>,
): Record<string, number | string | boolean> {
  const params: Record<string, number | string | boolean> = {};
  for (const name of Object.keys(space)) params[name] = values.get(name) as number;
  return params;
}
