import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { run } from './run.js';

describe('seqrec --plugin', () => {
  it('imports a module that registers a representation, which train then accepts', async () => {
    const plugin = fileURLToPath(new URL('fixtures/pooling-plugin.mjs', import.meta.url));
    const { code, out, err } = await run([
      '--plugin',
      plugin,
      'train',
      '--representation',
      'plugin-pooling',
      '--epochs',
      '1',
      '--dim',
      '8',
      '--max-length',
      '20',
      '--min-length',
      '3',
      '--backend',
      'cpu',
      '--json',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    expect((JSON.parse(out) as { representation: string }).representation).toBe('plugin-pooling');
  });

  it('names a plugin that cannot be found', async () => {
    const { code, err } = await run(['--plugin', './no-such-plugin.mjs', 'baseline']);
    expect(code).toBe(2);
    expect(err).toContain('--plugin "./no-such-plugin.mjs" failed to load.');
  });
});
