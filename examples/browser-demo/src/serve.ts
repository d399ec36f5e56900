// A static file server for the built page: enough for the end-to-end test and for trying
// the page by hand (`pnpm serve`), with the MIME types a browser insists on for modules
// and WebAssembly. Not meant for production.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

const MIME_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.wasm': 'application/wasm',
  '.bin': 'application/octet-stream',
};

/** A running {@link serveFolder} server. */
export interface StaticServer {
  /** Its address, ending in a slash, e.g. `http://127.0.0.1:41234/`. */
  readonly url: string;
  /** Stops it, dropping open connections. */
  close(): Promise<void>;
}

/**
 * Serves the files under `root` over HTTP on `host` (default 127.0.0.1) and `port`
 * (default 0: any free port). A folder answers with its index.html; paths outside `root`
 * and missing files answer 404.
 */
export async function serveFolder(
  root: string,
  options: { readonly host?: string; readonly port?: number } = {},
): Promise<StaticServer> {
  const base = resolve(root);
  const host = options.host ?? '127.0.0.1';
  const server = createServer((request, response) => {
    answer(base, request.url ?? '/', response).catch((error: unknown) => {
      if (!response.headersSent) reply(response, 500, String(error));
      else response.destroy();
    });
  });
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, host, done);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${String(port)}/`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.close((error) => (error ? fail(error) : done()));
        server.closeAllConnections();
      }),
  };
}

async function answer(base: string, url: string, response: ServerResponse): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(new URL(url, 'http://localhost').pathname);
  } catch {
    reply(response, 400, 'Bad request: the path is not valid percent-encoding.');
    return;
  }
  let file = join(base, path);
  if (file !== base && !file.startsWith(base + sep)) {
    reply(response, 404, 'Not found.');
    return;
  }
  let info = await stat(file).catch(() => undefined);
  if (info?.isDirectory()) {
    file = join(file, 'index.html');
    info = await stat(file).catch(() => undefined);
  }
  if (!info?.isFile()) {
    reply(response, 404, 'Not found.');
    return;
  }
  response.writeHead(200, {
    'content-type': MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'content-length': info.size,
    'cache-control': 'no-store',
  });
  createReadStream(file).pipe(response);
}

function reply(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(`${text}\n`);
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const root = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await serveFolder(root, { port });
  console.log(`browser-demo: serving ${resolve(root)} at ${url} (Ctrl-C stops)`);
}
