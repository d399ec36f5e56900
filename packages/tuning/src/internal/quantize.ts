/**
 * Slack on `value / q` when finding the grid points inside a bound: the division of two
 * doubles can land a few ulps off an integer (0.3 / 0.1 = 2.9999999999999996), and a
 * bound that is a multiple of q must count as on the grid.
 */
const GRID_SLACK = 1e-9;

/** @internal The first and last multiples of `q` in [low, high], as integers k (value k·q). */
export function gridRange(low: number, high: number, q: number): { first: number; last: number } {
  return { first: Math.ceil(low / q - GRID_SLACK), last: Math.floor(high / q + GRID_SLACK) };
}

/** @internal Rounds to the nearest integer, ties to even, as numpy's `round` does. */
export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  return r - x === 0.5 && r % 2 !== 0 ? r - 1 : r;
}

/**
 * `round(x / q) × q` as hyperopt computes it, kept on the grid points inside [low, high].
 *
 * Deviation: hyperopt does not clamp, so a bound that is not a multiple of q can round to a
 * value outside the bounds; clamping keeps every suggested value legal.
 *
 * @internal
 */
export function quantize(x: number, q: number, low: number, high: number): number {
  const { first, last } = gridRange(low, high, q);
  const k = Math.min(Math.max(roundHalfEven(x / q), first), last);
  // k·q can overshoot a bound by an ulp (3 × 0.1 = 0.30000000000000004).
  return Math.min(Math.max(k * q, low), high);
}
