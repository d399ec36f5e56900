import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** A new empty folder under the system's temporary folder. */
export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'seqrec-datasets-'));
}

/** Writes `content` to a file named `name` in a new temporary folder; returns its path. */
export function tempFile(name: string, content: string | Uint8Array): string {
  const path = join(tempDir(), name);
  writeFileSync(path, content);
  return path;
}

/** The path of a file in `test/fixtures`. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`fixtures/${name}`, import.meta.url));
}
