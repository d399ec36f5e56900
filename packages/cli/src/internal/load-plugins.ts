import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

import { UsageError } from './cli-io.js';

// The modules loadPlugins imported, as file URLs: worker processes import them too.
const loaded: string[] = [];

/** The `file:` URLs of the `--plugin` modules loaded in this process, in order. */
export function loadedPlugins(): readonly string[] {
  return [...loaded];
}

/**
 * Imports each `--plugin` module before a command runs, so a package that registers its own
 * representation or loss on import becomes available by name. A path (`./x.js`, `/x.js`) is
 * taken relative to the working directory; a package name is resolved from there too, as
 * the user's project would resolve it.
 *
 * @throws UsageError naming the module that could not be found or loaded.
 */
export async function loadPlugins(specifiers: readonly string[], cwd: string): Promise<void> {
  loaded.length = 0;
  const require = createRequire(join(cwd, 'package.json'));
  for (const specifier of specifiers) {
    let url: string;
    try {
      const isPath = specifier.startsWith('.') || isAbsolute(specifier);
      url = pathToFileURL(isPath ? resolve(cwd, specifier) : require.resolve(specifier)).href;
    } catch (error) {
      throw new UsageError(
        `--plugin must name a module that can be found from ${cwd}; got "${specifier}".`,
        { cause: error },
      );
    }
    try {
      await import(url);
    } catch (error) {
      throw new UsageError(`--plugin "${specifier}" failed to load.`, { cause: error });
    }
    loaded.push(url);
  }
}
