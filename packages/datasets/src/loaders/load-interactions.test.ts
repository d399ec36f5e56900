import { describe, expect, it } from 'vitest';

import { fixture, tempFile } from '../../test/temp-files.js';
import {
  INTERACTION_FORMATS,
  loadInteractions,
  type InteractionFormat,
  type LoadInteractionsOptions,
} from './load-interactions.js';
import { saveSpotlightHdf5 } from './save-spotlight-hdf5.js';
import { generateSequential } from '../synthetic/generate-sequential.js';

describe('loadInteractions', () => {
  it('reads every format by name', async () => {
    const hdf5 = tempFile('data.hdf5', '');
    await saveSpotlightHdf5(hdf5, generateSequential({ numInteractions: 50, numUsers: 3 }));
    const cases: [InteractionFormat, string, LoadInteractionsOptions, number][] = [
      ['movielens-100k', fixture('u.data'), {}, 5],
      ['movielens-dat', fixture('ratings.dat'), {}, 3],
      ['movielens-csv', fixture('ratings.csv'), {}, 3],
      ['sequence-lines', fixture('sequences.txt'), {}, 6],
      ['pair-lines', fixture('pairs.txt'), {}, 3],
      ['csv', fixture('ratings.csv'), { header: true, columns: { user: 0, item: 1 } }, 3],
      ['spotlight-hdf5', hdf5, {}, 50],
    ];
    expect(cases.map((c) => c[0])).toEqual([...INTERACTION_FORMATS]);
    for (const [format, path, options, length] of cases) {
      expect((await loadInteractions(path, format, options)).length).toBe(length);
    }
  });

  it('lists the valid names for an unknown format', async () => {
    await expect(loadInteractions(fixture('u.data'), 'movielens')).rejects.toThrow(
      'loadInteractions: format must be one of movielens-100k, movielens-dat, movielens-csv, ' +
        'sequence-lines, pair-lines, csv, spotlight-hdf5; got "movielens".',
    );
  });

  it('refuses misspelt options', async () => {
    await expect(
      loadInteractions(fixture('u.data'), 'movielens-100k', { skipInvalidd: true } as never),
    ).rejects.toThrow(
      /loadInteractions: options must only hold skipInvalid, .*; got "skipInvalidd"\./,
    );
  });

  it('refuses options of another format, and csv without columns', async () => {
    await expect(
      loadInteractions(fixture('u.data'), 'movielens-100k', { header: true }),
    ).rejects.toThrow(
      'loadInteractions: header must only be given with format "csv"; got it with format ' +
        '"movielens-100k".',
    );
    await expect(loadInteractions(fixture('ratings.csv'), 'csv')).rejects.toThrow(
      'loadInteractions: columns must be given for format "csv"',
    );
  });

  it('passes skipping and progress through', async () => {
    const path = tempFile('u.data', '1\t2\t3\t4\nbad\n');
    let skipped = 0;
    let lines = 0;
    const data = await loadInteractions(path, 'movielens-100k', {
      skipInvalid: true,
      onSkip: () => skipped++,
      onProgress: (n) => (lines = n),
    });
    expect([data.length, skipped, lines]).toEqual([1, 1, 2]);
  });
});
