import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { posix } from 'node:path';
import { pipeline } from 'node:stream/promises';

import yauzl from 'yauzl';

import { tempPathFor } from './temp-path.js';

/**
 * Extracts one entry of a zip archive to `dest`, streaming, through a temporary name. The
 * entry is found by its full name, or else by its file name when exactly one entry has it
 * (archives repacked by hand often lose or rename the top folder). Entry names never become
 * paths, so a hostile archive cannot write outside `dest`.
 *
 * @throws Error if the archive cannot be read or has no such entry (the message lists some
 *   of its entries).
 * @internal
 */
export async function extractZipEntry(
  zipPath: string,
  entryName: string,
  dest: string,
): Promise<void> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false });
  try {
    const entries = await listEntries(zip);
    const wanted = posix.basename(entryName);
    const byBase = entries.filter((e) => posix.basename(e.fileName) === wanted);
    const entry =
      entries.find((e) => e.fileName === entryName) ??
      (byBase.length === 1 ? byBase[0] : undefined);
    if (entry === undefined) {
      const names = entries.slice(0, 8).map((e) => e.fileName);
      throw new Error(
        `${zipPath} must contain ${entryName}; got ${String(entries.length)} entries ` +
          `(${names.join(', ')}${entries.length > names.length ? ', …' : ''})`,
      );
    }
    const temp = tempPathFor(dest);
    try {
      await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(temp));
      await rename(temp, dest);
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
  } finally {
    zip.close();
  }
}

function listEntries(zip: yauzl.ZipFile): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}
