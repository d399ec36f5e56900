// Builds the Node-API addon at install time: one compiler call over csrc/*.c, linked against
// OpenBLAS. Installing seqrec must never fail because of it, so any failure prints one line
// saying why and what to install, and exits 0; seqrec then trains with its JavaScript kernels.
//
//   node scripts/build-addon.mjs [--quiet]
//
// Environment: CC (default cc), SEQREC_NATIVE_CFLAGS (replaces the default -O3 -march=native),
// SEQREC_NATIVE_SKIP=1 (do not build), SEQREC_NATIVE_REQUIRED=1 (exit 1 on failure, for CI).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const target = join(root, 'build', 'seqrec_native.node');
const required = process.env.SEQREC_NATIVE_REQUIRED === '1';

function skip(reason) {
  // An addon from an earlier build would no longer match these sources, and the line below
  // promises the JavaScript kernels: remove it.
  rmSync(target, { force: true });
  const outcome = required
    ? 'and SEQREC_NATIVE_REQUIRED=1 makes that an error'
    : 'seqrec will train with its JavaScript kernels';
  console.log(`@seqrec/native: not built (${reason}); ${outcome}.`);
  process.exit(required ? 1 : 0);
}

if (process.env.SEQREC_NATIVE_SKIP === '1') {
  // Asked for: not a failure, whatever SEQREC_NATIVE_REQUIRED says.
  rmSync(target, { force: true });
  console.log(
    '@seqrec/native: not built (SEQREC_NATIVE_SKIP=1); seqrec will train with its JavaScript kernels.',
  );
  process.exit(0);
}
if (process.platform === 'win32') skip('Windows builds are not supported yet');

const nodeApiInclude = findNodeApiHeaders();
if (nodeApiInclude === undefined)
  skip('node_api.h not found: reinstall with the node-api-headers package present');

// CC may carry arguments of its own ("ccache gcc", "gcc -m64"), as in make.
const [compiler = 'cc', ...compilerArgs] = (process.env.CC ?? 'cc').trim().split(/\s+/);
const flags = (process.env.SEQREC_NATIVE_CFLAGS ?? '-O3 -march=native')
  .split(/\s+/)
  .filter(Boolean);
const sources = readdirSync(join(root, 'csrc'))
  .filter((name) => name.endsWith('.c'))
  .map((name) => join(root, 'csrc', name));
mkdirSync(dirname(target), { recursive: true });
const temporary = `${target}.${String(process.pid)}.tmp`;
const run = spawnSync(
  compiler,
  [
    ...compilerArgs,
    ...flags,
    ...['-std=c11', '-D_GNU_SOURCE', '-fopenmp', '-fPIC', '-shared', '-fvisibility=hidden'],
    ...['-I', nodeApiInclude, '-I', '/usr/include/openblas'],
    ...sources,
    ...['-o', temporary, '-lopenblas'],
  ],
  { encoding: 'utf8' },
);
if (run.error !== undefined) {
  skip(`no C compiler: ${compiler} could not be run (${run.error.message}); install gcc or set CC`);
}
if (run.status !== 0) {
  rmSync(temporary, { force: true });
  const output = `${run.stderr}${run.stdout}`;
  if (/cblas\.h: No such file/.test(output))
    skip("cblas.h not found: install Debian's libopenblas-dev");
  if (/cannot find -lopenblas/.test(output))
    skip("libopenblas not found: install Debian's libopenblas-dev");
  if (/omp\.h: No such file|unrecognized.*fopenmp|cannot find -lgomp/.test(output))
    skip('the compiler has no OpenMP support');
  // The linker's own line ("cannot find -lfoo") says more than collect2's summary after it.
  const lines = output.split('\n');
  const first =
    lines.find((line) => /cannot find|undefined reference/.test(line)) ??
    lines.find((line) => /error/i.test(line)) ??
    output.trim();
  skip(`${compiler} failed: ${first.slice(0, 300)}`);
}
// The addon appears whole or not at all: a process loading it never sees a partial file.
renameSync(temporary, target);
if (!process.argv.includes('--quiet')) console.log(`@seqrec/native: built ${target}`);

function findNodeApiHeaders() {
  const require = createRequire(import.meta.url);
  try {
    const headers = require('node-api-headers');
    if (existsSync(join(headers.include_dir, 'node_api.h'))) return headers.include_dir;
  } catch {
    // Not installed: fall back to the headers a Node installation ships.
  }
  const candidates = [
    join(dirname(process.execPath), '..', 'include', 'node'),
    '/usr/include/node',
    '/usr/local/include/node',
  ];
  return candidates.find((dir) => existsSync(join(dir, 'node_api.h')));
}
