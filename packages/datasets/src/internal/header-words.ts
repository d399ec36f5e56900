/**
 * Column names that data files of our field use in their header lines, lower-cased with `_`,
 * `-` and spaces removed.
 */
const HEADER_WORDS = new Set([
  'user',
  'users',
  'userid',
  'uid',
  'reviewerid',
  'customerid',
  'session',
  'sessionid',
  'item',
  'items',
  'itemid',
  'iid',
  'movie',
  'movieid',
  'product',
  'productid',
  'asin',
  'sequence',
  'rating',
  'timestamp',
  'time',
  'date',
]);

/**
 * Whether a first line is a header, in a format where ids may be any text and so a header
 * cannot be told from data by its type: its first field must be a common column name, in
 * full (`user`, `userId`, `user_id`), which real ids rarely are. Ids such as `user1` pass.
 *
 * @internal
 */
export function looksLikeHeader(firstField: string): boolean {
  const word = firstField
    .trim()
    .replace(/^["']|["']$/g, '')
    .replace(/[\s_-]/g, '')
    .toLowerCase();
  return HEADER_WORDS.has(word);
}
