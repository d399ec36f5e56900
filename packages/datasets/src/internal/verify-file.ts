import { open, stat } from 'node:fs/promises';

import type { DatasetInfo } from '../datasets/dataset-registry.js';
import { sha256File } from './checksum.js';
import { checkDownload } from './download.js';

/**
 * Checks a data set's downloaded file against its recorded size and SHA-256, when recorded.
 *
 * @throws Error naming the file, what differs, and what to do.
 * @internal
 */
export async function verifyFile(api: string, info: DatasetInfo, path: string): Promise<void> {
  if (info.size === undefined && info.sha256 === undefined) return;
  const { size } = await stat(path);
  // The size check is free; hash only files of the right size.
  const sha256 = info.size === undefined || size === info.size ? await sha256File(path) : '';
  const problem = checkDownload(size, sha256, info);
  if (problem === undefined) return;
  throw new Error(
    `${api}: ${path} must be the official ${info.fileName} of ${info.name}: ${problem}. ` +
      `Hint: download it again from ${info.url}, or unpack your copy and pass its ratings ` +
      `file as localPath.`,
  );
}

const ZIP_MAGIC = 0x04034b50;

/**
 * Whether a file starts like a zip archive (a local file header).
 *
 * @internal
 */
export async function isZip(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === ZIP_MAGIC;
  } finally {
    await handle.close();
  }
}
