import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream } from 'node:stream/web';

import { tempPathFor } from './temp-path.js';

/** Why a download failed: no connection, a bad HTTP status, or wrong bytes. @internal */
export class DownloadError extends Error {
  constructor(
    readonly kind: 'network' | 'http' | 'checksum',
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'DownloadError';
  }
}

/** What {@link download} fetches and how it checks it. @internal */
export interface DownloadRequest {
  readonly url: string;
  readonly dest: string;
  readonly fetch: (url: string) => Promise<Response>;
  readonly size: number | undefined;
  readonly sha256: string | undefined;
  readonly onProgress: ((bytes: number, totalBytes: number | undefined) => void) | undefined;
}

/**
 * Downloads `url` to `dest`: streams the body into a temporary file beside `dest` while
 * hashing it, checks size and SHA-256 when they are known, and only then renames the file
 * into place. Nothing is left behind on failure.
 *
 * @throws DownloadError on a network failure, a non-2xx status, or a size or checksum
 *   mismatch.
 * @internal
 */
export async function download(request: DownloadRequest): Promise<void> {
  const { url, dest, onProgress } = request;
  let response: Response;
  try {
    response = await request.fetch(url);
  } catch (error) {
    throw new DownloadError('network', describeNetworkError(error), { cause: error });
  }
  if (!response.ok) {
    throw new DownloadError('http', `the server answered HTTP ${String(response.status)}`);
  }

  const header = Number(response.headers.get('content-length') ?? Number.NaN);
  const total = Number.isFinite(header) && header > 0 ? header : request.size;
  const hash = createHash('sha256');
  let bytes = 0;
  const body = response.body
    ? Readable.fromWeb(response.body as ReadableStream<Uint8Array>)
    : Readable.from([Buffer.from(await response.arrayBuffer())]);
  const temp = tempPathFor(dest);
  try {
    await pipeline(
      body,
      async function* (source: AsyncIterable<Uint8Array>) {
        for await (const chunk of source) {
          hash.update(chunk);
          bytes += chunk.length;
          onProgress?.(bytes, total);
          yield chunk;
        }
      },
      createWriteStream(temp),
    );
  } catch (error) {
    await rm(temp, { force: true });
    throw new DownloadError('network', `the transfer broke off: ${describeNetworkError(error)}`, {
      cause: error,
    });
  }

  const problem = checkDownload(bytes, hash.digest('hex'), request);
  if (problem !== undefined) {
    await rm(temp, { force: true });
    throw new DownloadError('checksum', problem);
  }
  await rename(temp, dest);
}

/**
 * Compares a file's size and SHA-256 with the recorded ones (each only when recorded).
 *
 * @returns A problem (`<what> must be <rule>; got <value>`), or undefined when it matches.
 * @internal
 */
export function checkDownload(
  bytes: number,
  sha256: string,
  expected: { readonly size: number | undefined; readonly sha256: string | undefined },
): string | undefined {
  if (expected.size !== undefined && bytes !== expected.size) {
    return `its size must be ${String(expected.size)} bytes; got ${String(bytes)}`;
  }
  if (expected.sha256 !== undefined && sha256 !== expected.sha256) {
    return `its SHA-256 must be ${expected.sha256}; got ${sha256}`;
  }
  return undefined;
}

function describeNetworkError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  // Node's fetch says only "fetch failed"; the reason (DNS, refused, reset) is in its cause.
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${error.message}${cause}`;
}
