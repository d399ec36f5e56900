import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { findStaleBuilds } from './build-freshness.js';
import { collectDocExamples, type DocExample } from './collect-doc-examples.js';
import { createLimiter, runExample } from './run-example.js';
import { typeCheckExamples, type ExampleTypeError } from './type-check-examples.js';

// Every `@example` in the public sources is type-checked against the sources and run
// against the build, each in a Node process of its own, so examples cannot rot.
const root = fileURLToPath(new URL('../..', import.meta.url));
const docs = collectDocExamples(root);

// Examples that cannot run in the tests (a real download, say) carry the line
// `// doc-example: not run (<reason>)` and must be listed here as well, so an opt-out is a
// reviewed decision rather than a quiet skip. They are still type-checked.
const NOT_RUN: Readonly<Record<string, string>> = {};
const MAX_NOT_RUN = 3;

// Exports whose TSDoc still lacks an example, each with why. The check fails both on an
// export missing from here and on one listed here that has gained its example, so the list
// can only shrink.
const WITHOUT_EXAMPLE: Readonly<Record<string, string>> = {};

// The slowest examples load every package and train a small model in 2-3 s; 30 s leaves
// room for a machine busy with the rest of the suite while still stopping an example that
// hangs. The test itself also waits for a free process slot, hence its longer limit.
const EXAMPLE_TIMEOUT_MS = 30_000;
const TEST_TIMEOUT_MS = 120_000;
// One example process per core, at most four: enough to finish in well under a minute.
const limit = createLimiter(Math.max(1, Math.min(4, availableParallelism())));

// One folder per run, so runs in parallel never delete each other's files; it sits inside
// the repository so `@seqrec/*` resolve through the root's node_modules.
const outDir = join(root, '.cache', 'doc-examples', String(process.pid));
const fileOf = new Map<DocExample, string>(
  docs.examples.map((example, index) => [
    example,
    join(outDir, `${String(index).padStart(3, '0')}-${example.name.replace(/\W+/g, '_')}`),
  ]),
);
let typeErrors = new Map<string, readonly ExampleTypeError[]>();
let staleBuilds = new Map<string, string>();

beforeAll(() => {
  mkdirSync(outDir, { recursive: true });
  for (const [example, file] of fileOf) writeFileSync(`${file}.ts`, example.code);
  typeErrors = typeCheckExamples(
    root,
    [...fileOf.values()].map((file) => `${file}.ts`),
  );
  staleBuilds = findStaleBuilds(root, docs.packages);
});

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('documentation', () => {
  it('finds the examples of every package', () => {
    const withExamples = new Set(docs.examples.map((example) => example.file.split('/')[1]));
    const folders = docs.packages.map((pkg) => pkg.dir.split(/[/\\]/).pop());
    expect([...withExamples].sort()).toEqual(folders.sort());
  });

  it('builds the API site from every published package', () => {
    // Private packages (the test helpers) are never installed by users, so not documented.
    const config = JSON.parse(readFileSync(join(root, 'typedoc.json'), 'utf8')) as {
      entryPoints: string[];
    };
    const published = docs.packages
      .filter((pkg) => !pkg.private)
      .map((pkg) => relative(root, pkg.dir).split(/[/\\]/).join('/'));
    expect([...config.entryPoints].sort()).toEqual(published.sort());
  });

  it('has no malformed @example blocks', () => {
    expect(docs.problems).toEqual([]);
  });

  it('lists every example that opts out of running, and there are few', () => {
    const optedOut = Object.fromEntries(
      docs.examples.flatMap((example) =>
        example.notRun === undefined ? [] : [[example.id, example.notRun]],
      ),
    );
    expect(optedOut).toEqual(NOT_RUN);
    expect(Object.keys(NOT_RUN).length).toBeLessThanOrEqual(MAX_NOT_RUN);
  });

  it('documents every export with an @example', () => {
    const missing = docs.exports
      .filter((symbol) => !symbol.hasExample)
      .map((symbol) => `${symbol.specifier} ${symbol.name}`);
    expect(missing.sort()).toEqual(Object.keys(WITHOUT_EXAMPLE).sort());
  });
});

describe.concurrent('documentation examples', () => {
  for (const example of docs.examples) {
    const file = fileOf.get(example) as string;
    const where = `${example.file}:${String(example.line)}`;
    const title =
      example.notRun === undefined
        ? example.id
        : `${example.id} (type-checked, not run: ${example.notRun})`;

    it(
      title,
      async ({ expect }) => {
        // Named by source line, so the message points into the doc comment to fix.
        const errors = (typeErrors.get(`${file}.ts`) ?? []).map(
          ({ line, message }) =>
            `${example.file}:${String(example.line + Math.max(line, 1) - 1)}: ${message}`,
        );
        expect(errors).toEqual([]);
        if (example.notRun !== undefined) return;

        const stale = loadedPackages(importedPackages(example.code)).flatMap((name) => {
          const reason = staleBuilds.get(name);
          return reason === undefined ? [] : [reason];
        });
        if (stale.length > 0) {
          throw new Error(
            `The example at ${where} runs against the build, as users' code does, but ` +
              `${stale.join('; ')}. Hint: run pnpm run build.`,
          );
        }
        const run = await limit(() =>
          runExample(root, example.code, `${file}.mjs`, EXAMPLE_TIMEOUT_MS),
        );
        if (!run.ok) throw new Error(`The example at ${where} failed: ${run.failure ?? ''}`);
      },
      TEST_TIMEOUT_MS,
    );
  }
});

/** The workspace packages that loading `names` loads, themselves included. */
function loadedPackages(names: readonly string[]): string[] {
  const byName = new Map(docs.packages.map((pkg) => [pkg.name, pkg]));
  const loaded = new Set<string>();
  const visit = (name: string): void => {
    const pkg = byName.get(name);
    if (pkg === undefined || loaded.has(name)) return;
    loaded.add(name);
    pkg.dependencies.forEach(visit);
  };
  names.forEach(visit);
  return [...loaded];
}

/** The `@seqrec/*` packages an example imports, by package name. */
function importedPackages(code: string): string[] {
  const names = [...code.matchAll(/['"](@seqrec\/[\w-]+)(?:\/[\w/-]+)?['"]/g)].map(
    (match) => match[1] as string,
  );
  return [...new Set(names)];
}
