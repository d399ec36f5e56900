import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { serveFolder, type StaticServer } from './serve.js';

// A raw request, so that a path like /../x reaches the server as written (fetch would
// normalise it away).
function get(url: string, path: string): Promise<{ status: number; type: string; body: string }> {
  return new Promise((done, fail) => {
    const req = request(new URL(url), { path }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        done({
          status: response.statusCode ?? 0,
          type: response.headers['content-type'] ?? '',
          body,
        }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

describe('serveFolder', () => {
  const root = mkdtempSync(join(tmpdir(), 'seqrec-serve-'));
  const site = join(root, 'site');
  let server: StaticServer;

  beforeAll(async () => {
    mkdirSync(join(site, 'model'), { recursive: true });
    writeFileSync(join(site, 'index.html'), '<p>hi</p>');
    writeFileSync(join(site, 'backend.wasm'), 'wasm');
    writeFileSync(join(site, 'model', 'manifest.json'), '{}');
    writeFileSync(join(root, 'secret.txt'), 'secret');
    server = await serveFolder(site);
  });

  afterAll(async () => {
    await server.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('answers files with the MIME types browsers require, and a folder with its index', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(await get(server.url, '/backend.wasm')).toMatchObject({
      status: 200,
      type: 'application/wasm',
    });
    expect((await get(server.url, '/model/manifest.json')).type).toBe('application/json');
    expect(await get(server.url, '/?model=x')).toMatchObject({ status: 200, body: '<p>hi</p>' });
  });

  it('answers 404 for missing files and for paths that leave the folder', async () => {
    expect((await get(server.url, '/missing.js')).status).toBe(404);
    expect((await get(server.url, '/../secret.txt')).status).toBe(404);
    expect((await get(server.url, '/%2e%2e/secret.txt')).status).toBe(404);
    // Decoded only after the URL is parsed, %2f turns into a real parent step: refused.
    expect((await get(server.url, '/..%2fsecret.txt')).status).toBe(404);
    expect((await get(server.url, '/%E0%A4%A')).status).toBe(400);
  });
});
