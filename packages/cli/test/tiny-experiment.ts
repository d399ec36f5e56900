import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { generateSequential } from '@seqrec/datasets';

/** A fresh temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'seqrec-experiment-'));
}

/**
 * Writes a small seeded Markov data set (200 users, 40 items, 4,000 interactions) as
 * sequence lines, so that a trial trains in well under a second on the cpu backend.
 */
export function writeTinyData(dir: string): string {
  const data = generateSequential({ numUsers: 200, numItems: 40, numInteractions: 4000, seed: 3 });
  const lines = new Map<number, number[]>();
  for (let i = 0; i < data.length; i++) {
    const user = data.userIds[i] as number;
    const items = lines.get(user) ?? [];
    items.push(data.itemIds[i] as number);
    lines.set(user, items);
  }
  const path = join(dir, 'sequences.txt');
  writeFileSync(
    path,
    [...lines].map(([user, items]) => `${String(user)} ${items.join(' ')}\n`).join(''),
  );
  return path;
}

/** Writes a search space file and returns its path. */
export function writeSpace(
  dir: string,
  space: Record<string, unknown>,
  name = 'space.json',
): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(space));
  return path;
}

/** Two epochs, dimension 8: trials of a few tenths of a second. */
export const TINY_SPACE = {
  batch_size: { choice: [32, 64] },
  learning_rate: { loguniform: [-5, -3] },
  n_iter: { choice: [2] },
  embedding_dim: { choice: [8] },
};

/**
 * The data and window arguments shared by the tests, on the cpu backend with the `host`
 * kernels by default, so that the numbers do not depend on whether @seqrec/native was built.
 */
export function tinyArgs(data: string, space: string, out: string, kernels = 'host'): string[] {
  return [
    '--data',
    data,
    '--format',
    'sequence-lines',
    '--space',
    space,
    '--max-length',
    '10',
    '--min-length',
    '3',
    '--step',
    '10',
    '--backend',
    'cpu',
    '--kernels',
    kernels,
    '--out',
    out,
  ];
}
