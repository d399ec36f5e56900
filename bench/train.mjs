// Times training epochs on a MovieLens-1M-shaped synthetic data set: pooling, cnn, lstm,
// mlstm and gru through ImplicitSequenceModel on the wasm backend, the same LSTM built from
// tfjs-layers' LSTM layer, and the same LSTM step in PyTorch (bench/torch_lstm_step.py).
//
//   sh bench/setup.sh          # once: python3-torch, install, build
//   pnpm bench:train [--quick] [--only lstm,gru] [--layers-steps 3] [--steps N]
//                    [--root ../other-checkout --out other.json] [--no-torch] [--no-layers]
//                    [--no-keep] [--no-native]
//
// Data: generateSequential with 6,040 users, 3,700 items, 1,000,000 interactions (seed 0),
// cut into windows of 100 with min length 20 and step 100; dim 64, batch 256, 5 negatives,
// adaptive hinge, Adam. Each measurement runs in a fresh child process (train-worker.mjs).
// Our representations train a whole epoch (--steps N: N batches, extrapolated); the
// tfjs-layers LSTM trains --layers-steps batches, extrapolated to the epoch. --quick runs
// tiny sizes, only to check that everything works.
//
// Prints seconds per epoch and the ratio to PyTorch's LSTM epoch, and writes them to
// bench/results/train.json (through a temporary file, then a rename; --quick writes to the
// system's temporary folder instead).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (key, fallback) => {
  const at = args.indexOf(`--${key}`);
  return at < 0 ? fallback : args[at + 1];
};
const flag = (key) => args.includes(`--${key}`);
const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(option('root', join(here, '..')));
const quick = flag('quick');
const size = quick
  ? { users: 60, interactions: 10_000, batch: 32, layersSteps: 1 }
  : { users: 6040, interactions: 1_000_000, batch: 256, layersSteps: 3 };
const config = {
  numUsers: size.users,
  numItems: 3700,
  numInteractions: size.interactions,
  maxLength: 100,
  minLength: 20,
  stepSize: 100,
  dim: 64,
  batchSize: size.batch,
  negatives: 5,
  loss: 'adaptive-hinge',
  optimizer: 'adam',
  backend: 'wasm',
};
const representations = (option('only') ?? 'pooling,cnn,lstm,mlstm,gru').split(',');
const layersSteps = Number(option('layers-steps', size.layersSteps));
const isMainCheckout = root === resolve(here, '..');
const label = isMainCheckout ? 'seqrec' : `seqrec@${basename(root)}`;

const distEntry = join(root, 'packages/models/dist/index.js');
if (!existsSync(distEntry)) {
  console.error(`bench: ${distEntry} is missing. Hint: run \`sh bench/setup.sh\` first.`);
  process.exit(1);
}

const { windowsFile, numWindows } = await writeWindows();
const numBatches = Math.ceil(numWindows / config.batchSize);
console.log(
  `data: ${String(numWindows)} windows of ${String(config.maxLength)} ` +
    `(${String(numBatches)} batches of ${String(config.batchSize)}), ` +
    `${String(config.numItems + 1)} item ids, dim ${String(config.dim)}${quick ? ' (quick)' : ''}`,
);

const entries = [];
const torch = flag('no-torch') || !isMainCheckout ? undefined : runTorch();
const stepsFlag = option('steps') === undefined ? [] : ['--steps', option('steps')];
// The JavaScript ('host') kernels in every row but the native ones, so that rows compare
// with runs from before the native kernels (checkouts without the option run host anyway).
const hostFlag = isMainCheckout ? ['--kernels', 'host'] : [];
for (const name of representations) {
  const fit = runWorker('fit', name, [...stepsFlag, ...hostFlag]);
  const recurrent = ['lstm', 'mlstm', 'gru'].includes(name);
  const encode = recurrent ? runWorker('encode', name, hostFlag) : undefined;
  entries.push(entry(label, name, fit, encode));
}
const native = isMainCheckout && !flag('no-native') ? nativeAvailable() : false;
if (native) {
  for (const name of representations.filter((n) => ['lstm', 'mlstm', 'gru'].includes(n))) {
    const fit = runWorker('fit', name, [...stepsFlag, '--kernels', 'native']);
    const encode = runWorker('encode', name, ['--kernels', 'native']);
    entries.push(entry(`${label} native`, name, fit, encode));
  }
}
// The default padding mode skips columns that are padding in a whole batch; Spotlight (and
// the PyTorch script) compute every window over its full width, as 'keep' does.
if (isMainCheckout && representations.includes('lstm') && !flag('no-keep')) {
  const steps = option('steps') === undefined ? [] : ['--steps', option('steps')];
  const fit = runWorker('fit', 'lstm', [...steps, ...hostFlag, '--padding', 'keep']);
  entries.push(entry(`${label} (padding keep)`, 'lstm', fit, undefined));
}
if (!flag('no-layers') && isMainCheckout) {
  const steps = ['--steps', String(layersSteps)];
  const fit = runWorker('fit', 'tfjs-layers-lstm', steps);
  entries.push(
    entry('tfjs-layers', 'lstm', fit, runWorker('encode', 'tfjs-layers-lstm', ['--reps', '1'])),
  );
}
if (torch !== undefined) entries.push(entry('pytorch', 'lstm', torch, torch));
const reference = torch?.seconds_per_epoch;
for (const e of entries)
  e.ratio_to_torch = reference === undefined ? null : e.seconds_per_epoch / reference;

printTable(entries);
const defaultOut = quick
  ? join(tmpdir(), 'seqrec-bench', 'train-quick.json')
  : join(here, 'results/train.json');
writeResults(option('out', defaultOut), entries);

function entry(path, representation, fit, encode) {
  return {
    path,
    representation,
    seconds_per_epoch: fit.seconds_per_epoch,
    ratio_to_torch: null,
    seconds_per_step: fit.seconds_per_step,
    measured: fit.extrapolated ? `${String(fit.steps)} steps, extrapolated` : 'one epoch',
    encode_backward_seconds: encode?.encode_backward_seconds ?? null,
  };
}

async function writeWindows() {
  const load = (pkg) => import(pathToFileURL(join(root, 'packages', pkg, 'dist/index.js')).href);
  const { generateSequential } = await load('datasets');
  const { toSequences } = await load('interactions');
  const { numUsers, numItems, numInteractions, maxLength, minLength, stepSize } = config;
  const data = generateSequential({ numUsers, numItems, numInteractions, seed: 0 });
  const windows = toSequences(data, { maxLength, minLength, stepSize });
  const dir = join(tmpdir(), 'seqrec-bench');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `windows-${String(numUsers)}-${String(numInteractions)}.i32`);
  writeFileSync(file, windows.sequences);
  return { windowsFile: file, numWindows: windows.numSequences };
}

function common() {
  return [
    ...['--windows-file', windowsFile, '--root', root, '--batch', String(config.batchSize)],
    ...['--length', String(config.maxLength), '--dim', String(config.dim)],
    ...['--items', String(config.numItems + 1)],
  ];
}

function runWorker(mode, name, extra) {
  const worker = join(here, 'train-worker.mjs');
  process.stdout.write(`${mode} ${name} … `);
  const run = spawnSync(process.execPath, [worker, mode, name, ...common(), ...extra], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0)
    throw new Error(`bench: ${mode} ${name} failed (exit ${String(run.status)}).`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
  const shown = result.seconds_per_epoch ?? result.encode_backward_seconds;
  console.log(`${shown.toFixed(2)} s${mode === 'fit' ? ' per epoch' : ' per step'}`);
  return result;
}

function nativeAvailable() {
  const probe = spawnSync(
    process.execPath,
    [
      '--input-type=module',
      '-e',
      `const { loadNativeKernels } = await import(${JSON.stringify(pathToFileURL(join(root, 'packages/native/dist/index.js')).href)});
       console.log(loadNativeKernels().description);`,
    ],
    { encoding: 'utf8' },
  );
  if (probe.status !== 0) {
    const reason =
      probe.stderr
        .trim()
        .split('\n')
        .find((line) => line.includes('Error')) ?? '';
    console.log(`native: skipped, the addon does not load. ${reason}`);
    return false;
  }
  console.log(`native: ${probe.stdout.trim()}`);
  return true;
}

function findPython() {
  const candidates = [process.env.SEQREC_BENCH_PYTHON, 'python3', '/usr/bin/python3'];
  return candidates.find(
    (python) =>
      python !== undefined &&
      spawnSync(python, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
  );
}

function runTorch() {
  const python = findPython();
  if (python === undefined) {
    console.log('pytorch: skipped, no python3 with torch. Hint: run `sh bench/setup.sh`.');
    return undefined;
  }
  process.stdout.write(`pytorch lstm (${python}) … `);
  const script = join(here, 'torch_lstm_step.py');
  const run = spawnSync(
    python,
    [
      ...[script, '--windows-file', windowsFile, '--batch', String(config.batchSize)],
      ...['--length', String(config.maxLength), '--dim', String(config.dim)],
      ...['--items', String(config.numItems + 1), '--negatives', String(config.negatives)],
      ...['--threads', '1', '--steps', quick ? '2' : '10'],
    ],
    {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
      // One thread, as torch.set_num_threads(1) asks: OpenBLAS keeps its own thread count.
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    },
  );
  if (run.status !== 0)
    throw new Error(`bench: the PyTorch script failed (exit ${String(run.status)}).`);
  const result = JSON.parse(run.stdout.trim().split('\n').at(-1));
  console.log(`${result.seconds_per_epoch.toFixed(2)} s per epoch (torch ${result.torch})`);
  const blas = result.blas.map((path) => basename(path)).join(', ') || 'none found';
  console.log(`  its BLAS: ${blas}, ${result.matmul_gflops.toFixed(1)} GFLOP/s on a 512² matmul`);
  if (result.matmul_gflops < 20)
    console.log(
      '  warning: an unoptimised BLAS makes this reference slow. Hint: sh bench/setup.sh.',
    );
  return { ...result, extrapolated: false, steps: numBatches };
}

function printTable(rows) {
  const header = [
    'path',
    'representation',
    's/epoch',
    '× torch',
    's/step',
    'encode+bwd s',
    'measured',
  ];
  const cells = rows.map((r) => [
    r.path,
    r.representation,
    r.seconds_per_epoch.toFixed(2),
    r.ratio_to_torch === null ? '–' : r.ratio_to_torch.toFixed(2),
    r.seconds_per_step.toFixed(3),
    r.encode_backward_seconds === null ? '–' : r.encode_backward_seconds.toFixed(3),
    r.measured,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => `| ${c.map((v, i) => v.padEnd(widths[i])).join(' | ')} |`;
  console.log(`\n${line(header)}\n| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const c of cells) console.log(line(c));
}

function writeResults(path, rows) {
  const results = {
    date: new Date().toISOString(),
    config: { ...config, windows: numWindows, batchesPerEpoch: numBatches, quick },
    ratio_reference: 'seconds_per_epoch of the PyTorch LSTM in the same run',
    torch:
      torch === undefined
        ? null
        : {
            version: torch.torch,
            threads: torch.threads,
            blas: torch.blas,
            matmul_gflops: torch.matmul_gflops,
          },
    entries: rows,
  };
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(temporary, path);
  console.log(`\nwrote ${path}`);
}
