import { renameSync, rmSync, writeFileSync } from 'node:fs';

/**
 * Writes `text` to a temporary file beside `path`, then renames it over `path`, so a reader
 * (or a run stopped half-way) never sees a half-written file.
 */
export function writeFileAtomic(path: string, text: string): void {
  const temporary = `${path}.${String(process.pid)}.tmp`;
  try {
    writeFileSync(temporary, text);
    renameSync(temporary, path);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw new Error(`could not write ${path}.`, { cause: error });
  }
}
