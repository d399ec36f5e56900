// The examples run against the packages' build, as users' code does; a build older than
// its sources would test yesterday's code. This finds such builds so the tests can say
// "run the build" instead of failing, or passing, for the wrong reason.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

import type { WorkspacePackage } from './workspace-packages.js';

/**
 * For each package whose build is missing or does not match its sources, the reason, keyed
 * by package name; an up-to-date package is absent from the map.
 */
export function findStaleBuilds(
  root: string,
  packages: readonly WorkspacePackage[],
): Map<string, string> {
  const stale = new Map<string, string>();
  for (const pkg of packages) {
    const reason = staleReason(root, pkg);
    if (reason !== undefined) stale.set(pkg.name, reason);
  }
  return stale;
}

function staleReason(root: string, pkg: WorkspacePackage): string | undefined {
  const buildInfoPath = join(pkg.dir, 'dist', '.tsbuildinfo');
  let builtHashes: Map<string, string> | undefined;
  try {
    builtHashes = readBuiltHashes(buildInfoPath);
  } catch {
    return `${pkg.name} is not built (no readable ${relative(root, buildInfoPath)})`;
  }

  for (const file of sourceFiles(join(pkg.dir, 'src'))) {
    const built = builtHashes?.get(file);
    const changed =
      builtHashes === undefined
        ? statSync(file).mtimeMs > statSync(buildInfoPath).mtimeMs
        : built !== sha256(file);
    if (changed) return `${relative(root, file)} has changed since ${pkg.name} was built`;
  }
  return undefined;
}

/**
 * The SHA-256 that `tsc -b` recorded for each source file it compiled, by absolute path; a
 * hash rather than a time, so touching or reverting a file is judged by its content. Undefined
 * when the file's layout is not the one known here (then times are compared instead).
 */
function readBuiltHashes(buildInfoPath: string): Map<string, string> | undefined {
  const info = JSON.parse(readFileSync(buildInfoPath, 'utf8')) as {
    fileNames?: unknown;
    fileInfos?: unknown;
  };
  const { fileNames, fileInfos } = info;
  if (!Array.isArray(fileNames) || !Array.isArray(fileInfos)) return undefined;
  const dir = join(buildInfoPath, '..');
  const hashes = new Map<string, string>();
  for (const [index, name] of fileNames.entries()) {
    const entry: unknown = fileInfos[index];
    const version =
      typeof entry === 'string' ? entry : (entry as { version?: unknown } | null)?.version;
    if (typeof name !== 'string' || typeof version !== 'string') return undefined;
    hashes.set(resolve(dir, name), version);
  }
  return hashes;
}

function sha256(path: string): string {
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...sourceFiles(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(path);
  }
  return files;
}
