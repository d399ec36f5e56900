import type * as FsPromises from 'node:fs/promises';
import type * as NodePath from 'node:path';

import type { ModelArtifacts, ModelManifest } from '../saved-model.js';

export const MANIFEST_FILE = 'manifest.json';

// node:fs is loaded on first use so that the package's main entry stays importable in a
// browser, where models arrive through fromArtifacts.
async function fs(): Promise<typeof FsPromises> {
  return import('node:fs/promises');
}

async function path(): Promise<typeof NodePath> {
  return import('node:path');
}

/**
 * Writes a saved model into `dir` so that an interruption at any moment leaves a loadable
 * model there: the weights go to a new file under a fresh name, and only then does the
 * manifest that names them replace the old one by a rename (atomic on one file system).
 * Weights files no manifest names any more are removed last.
 *
 * @returns The paths of the manifest and the weights file written.
 */
export async function writeModelDir(
  dir: string,
  artifacts: ModelArtifacts,
): Promise<{ manifest: string; weights: string }> {
  const { writeFile, rename, readdir, rm } = await fs();
  const { join } = await path();
  await createFolder(dir, 'ImplicitSequenceModel.save', 'dir');
  const weightsFile = artifacts.manifest.weights.file;
  const weightsPath = join(dir, weightsFile);
  const manifestPath = join(dir, MANIFEST_FILE);
  const pending = `.${weightsFile}.tmp`;
  await writeFile(join(dir, pending), new Uint8Array(artifacts.weights));
  await rename(join(dir, pending), weightsPath);
  const manifestTemp = `.${MANIFEST_FILE}.${weightsFile}.tmp`;
  await writeFile(join(dir, manifestTemp), `${JSON.stringify(artifacts.manifest, null, 2)}\n`);
  await rename(join(dir, manifestTemp), manifestPath);
  for (const entry of await readdir(dir)) {
    const stale =
      (/^weights-[0-9a-f]+\.bin$/.test(entry) && entry !== weightsFile) ||
      /^\.(weights-[0-9a-f]+\.bin|manifest\.json\..*)\.tmp$/.test(entry);
    if (stale) await rm(join(dir, entry), { force: true });
  }
  return { manifest: manifestPath, weights: weightsPath };
}

/**
 * Reads the manifest and weights of a model saved in `dir`. The manifest is parsed but
 * not checked here; `fromArtifacts` checks it.
 *
 * @throws Error naming the file that is missing or is not JSON.
 */
export async function readModelDir(dir: string): Promise<ModelArtifacts> {
  const { readFile } = await fs();
  const { join } = await path();
  const manifestPath = join(dir, MANIFEST_FILE);
  let text: string;
  try {
    text = await readFile(manifestPath, 'utf8');
  } catch (error) {
    throw new Error(
      `ImplicitSequenceModel.load: dir must hold a saved model (${MANIFEST_FILE}); ` +
        `could not read ${manifestPath}. Hint: save one with model.save(dir) or ` +
        '`seqrec train --save DIR`.',
      { cause: error },
    );
  }
  let manifest: ModelManifest;
  try {
    manifest = JSON.parse(text) as ModelManifest;
  } catch (error) {
    throw new Error(`ImplicitSequenceModel.load: ${manifestPath} must be JSON; it is not.`, {
      cause: error,
    });
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new Error(
      `ImplicitSequenceModel.load: ${manifestPath} must hold a JSON object; got ${JSON.stringify(manifest)}.`,
    );
  }
  const file = (manifest as { weights?: { file?: unknown } }).weights?.file;
  if (typeof file !== 'string' || !/^weights-[0-9a-f]+\.bin$/.test(file)) {
    throw new Error(
      `ImplicitSequenceModel.load: ${manifestPath} must name its weights file as ` +
        `weights.file ("weights-<hex>.bin"); got ${JSON.stringify(file)}.`,
    );
  }
  let bytes: Uint8Array;
  try {
    bytes = await readFile(join(dir, file));
  } catch (error) {
    throw new Error(
      `ImplicitSequenceModel.load: the weights file ${join(dir, file)} named by the manifest ` +
        'must exist; it could not be read.',
      { cause: error },
    );
  }
  const weights = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  return { manifest, weights: weights as ArrayBuffer };
}

/**
 * Creates folder `dir` and its missing parents one level at a time.
 *
 * Why not `mkdir(dir, { recursive: true })`: in Node 20 it loops for ever on a path under a
 * folder where nothing can be created (such as `/proc/x`), and its errors do not say which
 * parameter was wrong.
 *
 * @throws Error naming `api` and `param`, the path and the reason.
 */
export async function createFolder(dir: string, api: string, param: string): Promise<void> {
  const { mkdir, stat } = await fs();
  const { dirname, resolve } = await path();
  const missing: string[] = [];
  let at = resolve(dir);
  for (;;) {
    const found = await stat(at).catch(() => undefined);
    if (found !== undefined) {
      if (!found.isDirectory()) {
        throw new Error(
          `${api}: ${param} must be a folder or a path that can be created; got ${JSON.stringify(dir)}, ` +
            `and ${at} is a file.`,
        );
      }
      break;
    }
    missing.push(at);
    const parent = dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing.reverse()) {
    try {
      await mkdir(folder);
    } catch (error) {
      if ((error as { code?: string }).code === 'EEXIST') continue;
      throw new Error(
        `${api}: ${param} must be a folder or a path that can be created; got ${JSON.stringify(dir)}, ` +
          `and ${folder} could not be created (${(error as { code?: string }).code ?? String(error)}).`,
        { cause: error },
      );
    }
  }
}
