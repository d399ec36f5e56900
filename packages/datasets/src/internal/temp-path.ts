import { randomBytes } from 'node:crypto';

/**
 * A name beside `path` that no other process picks, for writing a file completely before
 * renaming it into place: readers never see half a file, and two processes fetching the same
 * data set at once do not write into each other's file.
 *
 * @internal
 */
export function tempPathFor(path: string): string {
  return `${path}.${String(process.pid)}-${randomBytes(4).toString('hex')}.part`;
}
