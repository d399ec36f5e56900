import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { tempDir } from '../../test/temp-files.js';
import { download, DownloadError } from './download.js';

const body = new TextEncoder().encode('some bytes worth checking');
const sha256 = createHash('sha256').update(body).digest('hex');
const fetch = async (): Promise<Response> => new Response(Buffer.from(body));

describe('download', () => {
  it('keeps a download whose size and SHA-256 match', async () => {
    const dest = join(tempDir(), 'file.zip');
    await download({ url: 'u', dest, fetch, size: body.length, sha256, onProgress: undefined });
    expect(readFileSync(dest)).toEqual(Buffer.from(body));
  });

  it('refuses a wrong SHA-256 and removes the temporary file', async () => {
    const dir = tempDir();
    const wrong = '0'.repeat(64);
    const attempt = download({
      url: 'u',
      dest: join(dir, 'file.zip'),
      fetch,
      size: undefined,
      sha256: wrong,
      onProgress: undefined,
    });
    await expect(attempt).rejects.toThrow(DownloadError);
    await expect(attempt).rejects.toThrow(`its SHA-256 must be ${wrong}; got ${sha256}`);
    expect(readdirSync(dir)).toEqual([]);
  });
});
