// TypeDoc plugin: a package's documented entry points are the `source` files of its
// package.json `exports` map, and each entry module is named by the specifier users import
// (`@seqrec/testing/shared-data`), so the site shows exactly the public API and how to reach
// it. Reading the `source` condition needs no build; `./package.json` is metadata, not API.
import { readFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

import { Converter, ReflectionKind } from 'typedoc';

/**
 * Registers the options reader and the module renaming.
 *
 * @param {import('typedoc').Application} app
 */
export function load(app) {
  /** Package folder → (the module name TypeDoc derives for an entry → import specifier). */
  const specifiers = new Map();

  app.options.addReader({
    name: 'seqrec-exports-entry-points',
    // Before the config-file readers, so a package's own typedoc.json could still override.
    order: 0,
    supportsPackages: true,
    read(options) {
      // The root pass lists the packages; only a package's own pass has entry points.
      const dir = options.packageDir;
      if (dir === undefined) return;
      const entries = readExports(dir);
      specifiers.set(dir, moduleNames(entries));
      options.setValue(
        'entryPoints',
        entries.map((entry) => entry.source),
        dir,
      );
    },
  });

  app.converter.on(Converter.EVENT_CREATE_DECLARATION, (_context, reflection) => {
    // TypeDoc makes entry modules only for a package with several entry points; one entry
    // point becomes the package page itself, already named after the package.
    if (!reflection.kindOf(ReflectionKind.Module)) return;
    const dir = app.options.packageDir;
    const specifier = dir === undefined ? undefined : specifiers.get(dir)?.get(reflection.name);
    if (specifier === undefined) {
      app.logger.error(
        `exports-entry-points: no package.json export matches the module "${reflection.name}" ` +
          `in ${String(dir)}.`,
      );
      return;
    }
    reflection.name = specifier;
  });
}

/**
 * The `exports` entries of the package in `dir`, each with its import specifier and the
 * absolute path of its `source` file.
 *
 * @param {string} dir
 * @returns {{ specifier: string, source: string }[]}
 */
function readExports(dir) {
  const manifestPath = join(dir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const entries = [];
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === './package.json') continue;
    const source = target?.source;
    if (typeof source !== 'string') {
      throw new Error(
        `${manifestPath}: exports["${subpath}"] must have a "source" condition naming its ` +
          `.ts file; got ${JSON.stringify(target)}.`,
      );
    }
    const specifier =
      subpath === '.' ? manifest.name : `${manifest.name}/${subpath.replace(/^\.\//, '')}`;
    entries.push({ specifier, source: resolve(dir, source) });
  }
  if (entries.length === 0) throw new Error(`${manifestPath}: exports names no entry point.`);
  return entries;
}

/**
 * Maps the name TypeDoc gives each entry module (its path from the entry files' common
 * folder, without extension or a trailing `/index`) to the entry's import specifier.
 *
 * @param {{ specifier: string, source: string }[]} entries
 * @returns {Map<string, string>}
 */
function moduleNames(entries) {
  const base = commonFolder(entries.map((entry) => entry.source));
  const names = new Map();
  for (const entry of entries) {
    const name = relative(base, entry.source)
      .split(sep)
      .join('/')
      .replace(/(\/index)?(\.d)?\.([cm][tj]s|[tj]sx?)$/, '');
    names.set(name, entry.specifier);
  }
  return names;
}

/** @param {string[]} paths */
function commonFolder(paths) {
  const split = paths.map((path) => path.split(sep).slice(0, -1));
  const first = split[0] ?? [];
  let length = first.length;
  for (const parts of split) {
    let same = 0;
    while (same < Math.min(length, parts.length) && parts[same] === first[same]) same++;
    length = same;
  }
  return first.slice(0, length).join(sep);
}
