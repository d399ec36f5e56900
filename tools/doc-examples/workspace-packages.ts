// Reads the public entry points of every package under packages/ from its `exports` map, so
// the example runner and the API docs agree on what "public" means.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** One subpath of a package's `exports` map and the TypeScript file behind it. */
export interface PackageEntry {
  /** The import specifier, e.g. `@seqrec/testing/shared-data`. */
  readonly specifier: string;
  /** Absolute path of the `source` condition's file. */
  readonly source: string;
}

/** A workspace package and its public entry points. */
export interface WorkspacePackage {
  readonly name: string;
  /** Absolute path of the package folder. */
  readonly dir: string;
  /** `private: true` in package.json: used inside the workspace, never published. */
  readonly private: boolean;
  readonly entries: readonly PackageEntry[];
  /** Names in `dependencies` (not dev ones): what the package loads when it is used. */
  readonly dependencies: readonly string[];
}

interface PackageJson {
  readonly name?: unknown;
  readonly private?: unknown;
  readonly exports?: unknown;
  readonly dependencies?: Readonly<Record<string, string>>;
}

/**
 * Every package under `root/packages`, in folder order, with the entry points its `exports`
 * map names. `./package.json` is metadata, not API, and is left out.
 *
 * @throws Error for an exports entry without a `source` condition: tests and docs read the
 *   TypeScript sources, so an entry they cannot map would silently drop out of both.
 */
export function readWorkspacePackages(root: string): WorkspacePackage[] {
  const packagesDir = join(root, 'packages');
  const packages: WorkspacePackage[] = [];
  for (const folder of readdirSync(packagesDir).sort()) {
    const dir = join(packagesDir, folder);
    const manifestPath = join(dir, 'package.json');
    if (!statSync(dir).isDirectory() || !isFile(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as PackageJson;
    if (typeof manifest.name !== 'string') {
      throw new Error(`${manifestPath}: name must be a string; got ${String(manifest.name)}.`);
    }
    packages.push({
      name: manifest.name,
      dir,
      private: manifest.private === true,
      entries: readEntries(manifestPath, manifest.name, dir, manifest.exports),
      dependencies: Object.keys(manifest.dependencies ?? {}),
    });
  }
  return packages;
}

function readEntries(
  manifestPath: string,
  name: string,
  dir: string,
  exportsMap: unknown,
): PackageEntry[] {
  if (typeof exportsMap !== 'object' || exportsMap === null) {
    throw new Error(`${manifestPath}: exports must be an object map; got ${String(exportsMap)}.`);
  }
  const entries: PackageEntry[] = [];
  for (const [subpath, target] of Object.entries(exportsMap)) {
    if (subpath === './package.json') continue;
    const source = (target as { source?: unknown } | null)?.source;
    if (typeof source !== 'string') {
      throw new Error(
        `${manifestPath}: exports["${subpath}"] must have a "source" condition naming its ` +
          `.ts file; got ${JSON.stringify(target)}.`,
      );
    }
    const specifier = subpath === '.' ? name : `${name}/${subpath.replace(/^\.\//, '')}`;
    entries.push({ specifier, source: resolve(dir, source) });
  }
  return entries;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
