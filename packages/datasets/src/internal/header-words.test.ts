import { describe, expect, it } from 'vitest';

import { looksLikeHeader } from './header-words.js';

describe('looksLikeHeader', () => {
  it('knows the usual column names, in any case and separator style', () => {
    for (const name of ['user', 'userId', 'user_id', '"UserID"', 'item', 'session_id', 'asin']) {
      expect(looksLikeHeader(name), name).toBe(true);
    }
  });

  it('takes ids, even ones that start with a column name, as data', () => {
    for (const id of ['1', 'user1', 'u_17', 'A3NHUQ33CFH3VM', 'items42', '']) {
      expect(looksLikeHeader(id), id).toBe(false);
    }
  });
});
