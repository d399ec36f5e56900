// tfjs-core registers its gradients from `dist/register_all_gradients.js`, an ES module whose
// imports have no file extensions: bundlers accept it, Node's own loader does not. So the
// build bundles it (and the core modules it reaches) into one file Node can load. The copy
// of core code this duplicates shares the engine and registries, which tfjs-core keeps on
// the global object for exactly this case.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const core = dirname(require.resolve('@tensorflow/tfjs-core/package.json'));

await build({
  // tfjs-core's main entry stays external and loads first, so the bundled gradient modules
  // find its Tensor class (with its ops attached) on the global object and reuse it.
  stdin: {
    contents:
      "import '@tensorflow/tfjs-core';\n" +
      `import ${JSON.stringify(join(core, 'dist', 'register_all_gradients.js'))};\n`,
    resolveDir: here,
    loader: 'js',
  },
  external: ['@tensorflow/tfjs-core'],
  bundle: true,
  format: 'esm',
  platform: 'neutral',
  mainFields: ['module', 'main'],
  outfile: join(here, '..', 'dist', 'register-gradients.js'),
  logLevel: 'warning',
  legalComments: 'eof',
});
