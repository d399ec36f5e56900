import { mkdir, stat } from 'node:fs/promises';
import { homedir } from 'node:os';
import { basename, join, resolve } from 'node:path';

import { describeValue } from '@seqrec/interactions';

import { checkDatasetName } from '../internal/check-dataset-name.js';
import { download, DownloadError } from '../internal/download.js';
import { extractZipEntry } from '../internal/unzip.js';
import { requireCallback } from '../internal/resolve-load-options.js';
import { isZip, verifyFile } from '../internal/verify-file.js';
import { datasetInfo, type DatasetInfo } from './dataset-registry.js';
import type { DatasetName } from './dataset-names.js';

/**
 * A `fetch` as {@link fetchDataset} uses it: one GET of a URL.
 *
 * @example
 * ```ts
 * import { mkdtempSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { datasetInfo, fetchDataset, type FetchFunction } from '@seqrec/datasets';
 *
 * // A stand-in for the network: it records the address and answers with the wrong bytes.
 * const requested: string[] = [];
 * const fake: FetchFunction = async (url) => {
 *   requested.push(url);
 *   return new Response('not the real archive');
 * };
 * const cacheDir = mkdtempSync(join(tmpdir(), 'seqrec-'));
 * const error = await fetchDataset('movielens-1m', { cacheDir, fetch: fake }).catch((e) => e);
 * // The bytes do not match the recorded size and SHA-256, so they are refused.
 * console.assert(requested[0] === datasetInfo('movielens-1m').url && error instanceof Error);
 * ```
 */
export type FetchFunction = (url: string) => Promise<Response>;

/**
 * Options of {@link fetchDataset}.
 *
 * @example
 * ```ts
 * import { mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { fetchDataset, type FetchDatasetOptions } from '@seqrec/datasets';
 *
 * // A ratings file already on disk: it is used as is and nothing is downloaded.
 * const local = join(mkdtempSync(join(tmpdir(), 'seqrec-')), 'ratings.csv');
 * writeFileSync(local, 'userId,movieId,rating,timestamp\n1,1,4.0,964982703\n');
 * const options: FetchDatasetOptions = {
 *   cacheDir: mkdtempSync(join(tmpdir(), 'seqrec-cache-')),
 *   localPath: local,
 *   fetch: () => Promise.reject(new Error('no network needed')),
 * };
 * console.assert((await fetchDataset('movielens-latest-small', options)).endsWith('.csv'));
 * ```
 */
export interface FetchDatasetOptions {
  /** Cache folder (default {@link defaultCacheDir}); each data set gets a folder inside. */
  readonly cacheDir?: string | undefined;
  /**
   * A copy already on disk, used instead of the network: the downloaded file (checked and
   * unpacked into the cache), the ratings file itself, or a folder holding either, or
   * holding the unpacked archive.
   */
  readonly localPath?: string | undefined;
  /** The function that downloads (default the global `fetch`); tests inject their own. */
  readonly fetch?: FetchFunction | undefined;
  /** Called as bytes arrive, with the total when the server or the registry tells it. */
  readonly onProgress?: ((bytes: number, totalBytes: number | undefined) => void) | undefined;
}

interface Resolved {
  readonly cacheDir: string;
  readonly localPath: string | undefined;
  readonly fetch: FetchFunction;
  readonly onProgress: FetchDatasetOptions['onProgress'];
}

/**
 * The cache folder used when none is given: `$SEQREC_CACHE` when set, else
 * `~/.cache/seqrec`.
 *
 * @example
 * ```ts
 * import { homedir } from 'node:os';
 * import { join } from 'node:path';
 * import { defaultCacheDir } from '@seqrec/datasets';
 *
 * const expected = process.env['SEQREC_CACHE'] || join(homedir(), '.cache', 'seqrec');
 * console.assert(defaultCacheDir() === expected);
 * ```
 */
export function defaultCacheDir(): string {
  const fromEnv = process.env['SEQREC_CACHE'];
  return fromEnv !== undefined && fromEnv !== '' ? fromEnv : join(homedir(), '.cache', 'seqrec');
}

/**
 * Makes a named data set's ratings file available on disk and returns its path.
 *
 * In order: with `localPath`, that copy is used and nothing is downloaded. Otherwise a
 * ratings file already unpacked in `<cacheDir>/<name>/` is returned at once; else the
 * download is taken from that folder if someone put it there by hand, or fetched from the
 * official address into a temporary name and renamed when complete. A download with a
 * recorded size and SHA-256 ({@link DatasetInfo}) is checked before use; then the ratings
 * file is unpacked beside it.
 *
 * @param name - One of {@link DATASET_NAMES}.
 * @param options - Cache folder, local copy, injectable fetch, progress.
 * @returns The path of the ratings file, to read with {@link loadInteractions} in the
 *   data set's `format` (or use {@link loadDataset}).
 * @throws TypeError or RangeError for an unknown name or a bad option.
 * @throws Error when the download fails (offline, for instance): the message names the URL,
 *   where to put the file by hand, and the `localPath` alternative; when a file does not
 *   match its recorded size or checksum; when `localPath` holds nothing usable.
 * @example
 * ```ts
 * import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * import { fetchDataset } from '@seqrec/datasets';
 *
 * // An unpacked copy already on disk: nothing is downloaded.
 * const folder = mkdtempSync(join(tmpdir(), 'seqrec-'));
 * mkdirSync(join(folder, 'ml-100k'));
 * writeFileSync(join(folder, 'ml-100k', 'u.data'), '1\t2\t5\t881250949\n');
 * const path = await fetchDataset('movielens-100k', { localPath: folder });
 * console.assert(path === join(folder, 'ml-100k', 'u.data'));
 * ```
 */
export async function fetchDataset(
  name: DatasetName,
  options: FetchDatasetOptions = {},
): Promise<string> {
  const api = 'fetchDataset';
  checkDatasetName(api, name);
  const resolved = resolveFetchOptions(api, options);
  const info = datasetInfo(name);
  const dir = join(resolved.cacheDir, name);
  const entry = info.archiveEntry;
  const ratingsPath = join(dir, entry === undefined ? info.fileName : basename(entry));

  if (resolved.localPath !== undefined) {
    return fromLocalPath(api, info, resolved.localPath, dir, ratingsPath);
  }
  // Limitation: an unpacked ratings file is trusted as it is; only archives are checked.
  if (entry !== undefined && (await kindOf(ratingsPath)) === 'file') return ratingsPath;
  const downloadPath = join(dir, info.fileName);
  await mkdir(dir, { recursive: true });
  if ((await kindOf(downloadPath)) === 'file') {
    await verifyFile(api, info, downloadPath);
  } else {
    await fetchInto(api, info, downloadPath, resolved);
  }
  if (entry === undefined) return downloadPath;
  await unpack(api, info, downloadPath, ratingsPath);
  return ratingsPath;
}

async function fetchInto(
  api: string,
  info: DatasetInfo,
  downloadPath: string,
  options: Resolved,
): Promise<void> {
  try {
    await download({
      url: info.url,
      dest: downloadPath,
      fetch: options.fetch,
      size: info.size,
      sha256: info.sha256,
      onProgress: options.onProgress,
    });
  } catch (error) {
    if (!(error instanceof DownloadError)) throw error;
    const what = `${api}: cannot download ${info.name} from ${info.url}`;
    if (error.kind === 'checksum') {
      throw new Error(
        `${what}: the file received is not the one recorded: ${error.message}; nothing was ` +
          `kept. Hint: retry; if it happens again the file has changed upstream: unpack a ` +
          `copy you trust and pass its ratings file as localPath.`,
        { cause: error },
      );
    }
    throw new Error(
      `${what} (${error.message}). Hint: without internet access, download ${info.url} ` +
        `by hand and put it at ${downloadPath}, or pass localPath pointing at the downloaded ` +
        `file, at a folder holding it, or at its unpacked ratings file.`,
      { cause: error },
    );
  }
}

async function fromLocalPath(
  api: string,
  info: DatasetInfo,
  localPath: string,
  dir: string,
  ratingsPath: string,
): Promise<string> {
  const entry = info.archiveEntry;
  let file = localPath;
  const kind = await kindOf(localPath);
  if (kind === 'missing') {
    throw new Error(
      `${api}: localPath must be an existing file or folder; got ${describeValue(localPath)}.`,
    );
  }
  if (kind === 'folder') {
    const candidates = [
      ...(entry === undefined ? [] : [join(localPath, entry), join(localPath, basename(entry))]),
      join(localPath, info.fileName),
    ];
    const found = await firstFile(candidates);
    if (found === undefined) {
      throw new Error(
        `${api}: localPath folder ${localPath} must hold one of ` +
          `${candidates.map((c) => c.slice(localPath.length + 1)).join(', ')}; got none.`,
      );
    }
    file = found;
  }
  if (entry === undefined || !(await isZip(file))) {
    if (entry === undefined) await verifyFile(api, info, file);
    return file;
  }
  if ((await kindOf(ratingsPath)) === 'file') return ratingsPath;
  await verifyFile(api, info, file);
  await mkdir(dir, { recursive: true });
  await unpack(api, info, file, ratingsPath);
  return ratingsPath;
}

async function unpack(api: string, info: DatasetInfo, zip: string, dest: string): Promise<void> {
  const entry = info.archiveEntry as string;
  try {
    await extractZipEntry(zip, entry, dest);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`${api}: cannot unpack ${entry} from ${zip}: ${reason}.`, { cause: error });
  }
}

async function kindOf(path: string): Promise<'file' | 'folder' | 'missing'> {
  try {
    return (await stat(path)).isDirectory() ? 'folder' : 'file';
  } catch {
    return 'missing';
  }
}

async function firstFile(paths: readonly string[]): Promise<string | undefined> {
  for (const path of paths) {
    if ((await kindOf(path)) === 'file') return path;
  }
  return undefined;
}

function resolveFetchOptions(api: string, options: FetchDatasetOptions): Resolved {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${api}: options must be an object; got ${describeValue(options)}.`);
  }
  const { cacheDir = defaultCacheDir(), localPath, fetch = globalThis.fetch } = options;
  for (const [key, value] of [
    ['cacheDir', cacheDir],
    ['localPath', localPath],
  ] as const) {
    if (value !== undefined && (typeof value !== 'string' || value === '')) {
      throw new TypeError(`${api}: ${key} must be a non-empty path; got ${describeValue(value)}.`);
    }
  }
  requireCallback(api, 'fetch', fetch);
  requireCallback(api, 'onProgress', options.onProgress);
  return {
    cacheDir: resolve(cacheDir),
    localPath,
    fetch: (url) => fetch(url),
    onProgress: options.onProgress,
  };
}
