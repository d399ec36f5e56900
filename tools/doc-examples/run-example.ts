// Runs one example the way a user would: compiled to plain JavaScript and executed by Node
// in a process of its own, importing the packages' built `dist/` through their `exports`.
// A process per example means no example leans on state another one left behind (a
// registered backend, a registry entry), and a hang or a crash stays with its example.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

import ts from 'typescript';

/** What running one example produced. */
export interface ExampleRun {
  readonly ok: boolean;
  readonly seconds: number;
  /** Why it failed (exit code, signal or timeout) followed by the end of its stderr. */
  readonly failure?: string;
}

const STRICT_ASSERT = fileURLToPath(new URL('strict-assert.mjs', import.meta.url));
// The last lines of stderr hold the error and its stack; more is noise in a test report.
const STDERR_TAIL = 4000;

/**
 * Compiles `code` to `jsFile` (an `.mjs` path under `root`) and runs it with Node, with
 * `console.assert` made to throw. Resolves, never rejects: a failure is in the result.
 */
export function runExample(
  root: string,
  code: string,
  jsFile: string,
  timeoutMs: number,
): Promise<ExampleRun> {
  const compiled = ts.transpileModule(code, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  writeFileSync(jsFile, compiled.outputText);

  const started = performance.now();
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['--import', STRICT_ASSERT, jsFile],
      // Node's own defaults, whatever the test runner set up for itself.
      { cwd: root, timeout: timeoutMs, env: childEnv(), maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        const seconds = (performance.now() - started) / 1000;
        if (error === null) {
          resolve({ ok: true, seconds });
          return;
        }
        const timedOut = error.killed && error.signal === 'SIGTERM';
        const reason = timedOut
          ? `timed out after ${String(timeoutMs / 1000)} s`
          : `exited with ${error.signal ?? `code ${String(error.code)}`}`;
        resolve({ ok: false, seconds, failure: `${reason}\n${stderr.slice(-STDERR_TAIL)}` });
      },
    );
  });
}

function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  delete env['NODE_OPTIONS'];
  delete env['NODE_ENV'];
  return env;
}

/**
 * A gate that lets at most `limit` tasks run at once, so examples use the cores without
 * starving the rest of the suite.
 */
export function createLimiter(limit: number): <T>(task: () => Promise<T>) => Promise<T> {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    // A finishing task hands its slot straight to the next waiter, so a newcomer arriving
    // in between cannot take it and exceed the limit.
    if (running < limit) running++;
    else await new Promise<void>((resume) => waiting.push(resume));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next === undefined) running--;
      else next();
    }
  };
}
