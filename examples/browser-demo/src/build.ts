// Bundles the page into one folder a static server can serve: index.html, main.js and the
// wasm backend's binaries. Run as `pnpm build` (into dist/) or `tsx src/build.ts <dir>`.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));

// Which binary the backend fetches depends on what the browser supports: SIMD, and threads
// only on a cross-origin-isolated page. All three are shipped.
const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

/**
 * Builds the demo page into `outdir` (created if missing; files of a model folder already
 * there are left alone).
 *
 * @returns The paths of the files written.
 */
export async function buildDemo(outdir: string): Promise<string[]> {
  await mkdir(outdir, { recursive: true });
  const script = join(outdir, 'main.js');
  await build({
    entryPoints: [join(here, 'main.ts')],
    outfile: script,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    // Workspace packages are bundled from their TypeScript sources: no `tsc` build needed.
    conditions: ['source'],
    // @seqrec/models imports node:fs lazily, only to save or load a model folder on disk,
    // which a page never does (it fetches the files and calls fromArtifacts).
    external: ['node:*'],
    minify: true,
    sourcemap: 'linked',
    logLevel: 'warning',
  });

  const written = [script, `${script}.map`];
  await copyFile(join(here, 'index.html'), join(outdir, 'index.html'));
  written.push(join(outdir, 'index.html'));
  const require = createRequire(import.meta.url);
  const wasmDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm'));
  for (const file of WASM_FILES) {
    await copyFile(join(wasmDir, file), join(outdir, file));
    written.push(join(outdir, file));
  }
  return written;
}

const invoked = process.argv[1];
if (invoked !== undefined && import.meta.url === pathToFileURL(resolve(invoked)).href) {
  const outdir = resolve(process.argv[2] ?? 'dist');
  await buildDemo(outdir);
  console.log(`browser-demo: built the page into ${outdir}`);
}
