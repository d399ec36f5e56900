/**
 * The dense item id reserved for padding. Real items start at 1; windows shorter than their
 * length are left-padded with this id, and models keep its embedding at zero.
 *
 * @example
 * ```ts
 * import { PADDING_ID } from '@seqrec/interactions';
 *
 * console.assert(PADDING_ID === 0);
 * ```
 */
export const PADDING_ID = 0;
