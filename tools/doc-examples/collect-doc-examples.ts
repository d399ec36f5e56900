// Extracts the `@example` code blocks of every exported declaration in packages/*/src, so
// the test beside this file can run them and documentation examples cannot rot.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** One `@example` block and where it came from. */
export interface DocExample {
  readonly file: string;
  readonly line: number;
  readonly code: string;
}

const EXAMPLE = /@example\s*\n((?:\s*\*.*\n)*?)\s*\*\s*```ts\n((?:\s*\*.*\n)*?)\s*\*\s*```/g;

/** All examples under `root/packages/<name>/src`, tests and internals excluded. */
export function collectDocExamples(root: string): DocExample[] {
  const out: DocExample[] = [];
  const packages = join(root, 'packages');
  for (const name of readdirSync(packages)) {
    const src = join(packages, name, 'src');
    if (!exists(src)) continue;
    for (const file of walk(src)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(EXAMPLE)) {
        const body = (match[2] ?? '')
          .split('\n')
          .map((line) => line.replace(/^\s*\* ?/, ''))
          .join('\n');
        const line = text.slice(0, match.index).split('\n').length;
        out.push({ file: relative(root, file), line, code: body });
      }
    }
  }
  return out;
}

function walk(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) {
      if (entry !== 'internal') files.push(...walk(path));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts')) {
      files.push(path);
    }
  }
  return files;
}

function exists(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
