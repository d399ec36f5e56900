import { Interactions, type IdMap, type RawId } from '@seqrec/interactions';

/**
 * The raw id a typed token stands for in a model's item map: the token itself when the map
 * has it as a string, else the number it spells when the map has that (loaders store
 * numeric ids as numbers), else the token unchanged (an unknown id).
 */
export function tokenToRaw(token: string, itemMap: IdMap | undefined): RawId {
  if (itemMap === undefined) return /^-?\d+$/.test(token) ? Number(token) : token;
  if (itemMap.has(token)) return token;
  const n = Number(token);
  if (token !== '' && Number.isFinite(n) && itemMap.has(n)) return n;
  return token;
}

/** Interactions moved into a model's item id space, and what could not be moved. */
export interface MappedInteractions {
  readonly interactions: Interactions;
  /** Interactions dropped because the model never saw their item. */
  readonly dropped: number;
  /** Distinct unknown raw item ids, in order of first appearance. */
  readonly unknownItems: RawId[];
}

/**
 * Re-expresses `interactions` in the dense item ids of a saved model, dropping the
 * interactions whose item the model never saw, so that its scores can be ranked against
 * them. Users are untouched, so the seeded user split picks the same users as in training.
 * A model without an item map was trained on dense ids; they are kept as they are and
 * those outside its item space are dropped.
 */
export function mapToModelItems(
  interactions: Interactions,
  itemMap: IdMap | undefined,
  numItems: number,
): MappedInteractions {
  const keep: number[] = [];
  const mapped: number[] = [];
  const unknown = new Set<RawId>();
  for (let i = 0; i < interactions.length; i++) {
    const dense = interactions.itemIds[i] as number;
    const raw = interactions.itemMap ? interactions.itemMap.toRaw(dense) : dense;
    const id =
      itemMap === undefined
        ? typeof raw === 'number' && dense < numItems
          ? dense
          : undefined
        : itemMap.toDense(raw);
    if (id === undefined) unknown.add(raw);
    else {
      keep.push(i);
      mapped.push(id);
    }
  }
  const subset = interactions.subset(keep);
  return {
    interactions: new Interactions({
      userIds: subset.userIds,
      itemIds: Int32Array.from(mapped),
      ratings: subset.ratings,
      timestamps: subset.timestamps,
      weights: subset.weights,
      numUsers: subset.numUsers,
      numItems,
      userMap: subset.userMap,
      itemMap,
    }),
    dropped: interactions.length - keep.length,
    unknownItems: [...unknown],
  };
}
