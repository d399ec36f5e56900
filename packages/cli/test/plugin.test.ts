import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { describe, expect, it } from 'vitest';

import { run } from './run.js';
import { TINY_SPACE, tempDir, tinyArgs, writeSpace, writeTinyData } from './tiny-experiment.js';

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

  it('loads the plugin in --workers processes too', async () => {
    const plugin = fileURLToPath(new URL('fixtures/pooling-plugin.mjs', import.meta.url));
    const dir = tempDir();
    const out = join(dir, 'out');
    const args = tinyArgs(writeTinyData(dir), writeSpace(dir, TINY_SPACE), out);
    const { code, err } = await run([
      '--plugin',
      plugin,
      'experiment',
      '--model',
      'plugin-pooling',
      '--trials',
      '2',
      '--workers',
      '2',
      ...args,
      '--quiet',
    ]);
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = readFileSync(join(out, 'trials-plugin-pooling.jsonl'), 'utf8').trim().split('\n');
    const statuses = lines.slice(1).map((line) => (JSON.parse(line) as { status: string }).status);
    expect(statuses).toEqual(['ok', 'ok']);
  });

  it('names a plugin that cannot be found', async () => {
    const { code, err } = await run(['--plugin', './no-such-plugin.mjs', 'baseline']);
    expect(code).toBe(2);
    expect(err).toContain('--plugin "./no-such-plugin.mjs" failed to load.');
  });
});
