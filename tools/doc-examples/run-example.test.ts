import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { afterAll, describe, expect, it } from 'vitest';

import { createLimiter, runExample } from './run-example.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, '.cache'), { recursive: true });
const dir = mkdtempSync(join(root, '.cache', 'run-example-'));
let count = 0;
const run = (code: string, timeoutMs = 20_000) =>
  runExample(root, code, join(dir, `example-${String(++count)}.mjs`), timeoutMs);

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('runExample', () => {
  it('passes an example whose checks hold, TypeScript syntax and top-level await included', async () => {
    const result = await run(
      'const n: number = await Promise.resolve(2);\nconsole.assert(n === 2);',
    );
    expect(result).toMatchObject({ ok: true });
  });

  it('fails an example whose console.assert fails, which plain Node would only print', async () => {
    const result = await run("console.assert(1 + 1 === 3, 'arithmetic');");
    expect(result.ok).toBe(false);
    expect(result.failure).toMatch(/console\.assert failed: arithmetic/);
  });

  it('fails an example that throws or leaves a promise rejected', async () => {
    expect((await run("throw new RangeError('bad value');")).failure).toMatch(
      /RangeError: bad value/,
    );
    expect((await run("void Promise.reject(new Error('late'));")).failure).toMatch(/Error: late/);
  });

  it('stops an example that runs past its time limit', async () => {
    const result = await run('setInterval(() => {}, 1000);', 1000);
    expect(result.failure).toMatch(/^timed out after 1 s/);
  });
});

describe('createLimiter', () => {
  it('never runs more tasks at once than its limit', async () => {
    const limit = createLimiter(2);
    let running = 0;
    let most = 0;
    const task = async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    await Promise.all(Array.from({ length: 7 }, () => limit(task)));
    expect(most).toBe(2);
  });
});
