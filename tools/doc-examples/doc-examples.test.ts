import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { collectDocExamples } from './doc-examples.js';

// Every `@example` in the public sources runs here, importing the public package names.
// `console.assert` only prints in Node, so it is made to throw while examples run.
const root = fileURLToPath(new URL('..', import.meta.url));
// One folder per run, so runs in parallel never delete each other's files.
const outDir = join(root, '.cache', 'doc-examples', String(process.pid));
const examples = collectDocExamples(root);
const originalAssert = console.assert;

beforeAll(() => {
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  console.assert = (condition?: unknown, ...data: unknown[]) => {
    if (!condition)
      throw new Error(`console.assert failed${data.length ? `: ${data.join(' ')}` : ''}`);
  };
});

afterAll(() => {
  console.assert = originalAssert;
});

describe('documentation examples', () => {
  it('finds examples to run', () => {
    expect(examples.length).toBeGreaterThan(10);
  });

  it.each(examples.map((example) => [`${example.file}:${String(example.line)}`, example] as const))(
    '%s',
    async (_name, example) => {
      const file = join(
        outDir,
        `${example.file.replace(/[/\\.]/g, '_')}_${String(example.line)}.ts`,
      );
      writeFileSync(file, example.code);
      await import(file);
    },
  );
});
