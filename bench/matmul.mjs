// What limits an LSTM training step on TensorFlow.js's wasm backend: the speed of the
// matrix products it is made of, at the shapes of the bench's LSTM (batch 256, 100 steps,
// dim 64, 3,700 items), on wasm and in PyTorch (OpenBLAS, one thread) in the same run.
//
//   sh bench/setup.sh && pnpm bench:matmul
//
// For each shape [m, k, n] it times: the wasm MatMul kernel on tensors already in the
// wasm heap; the round trip a fused recurrent op makes for every time step (upload the
// host operand, multiply, read back); and torch.mm. It prints GFLOP/s and writes
// bench/results/matmul.json (through a temporary file, then a rename).
import { spawnSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const load = (path) => import(pathToFileURL(join(root, path)).href);
// tfjs-core and the backend as the packages resolve them.
const { selectBackend } = await load('packages/backend/dist/index.js');
const tf = await import(
  pathToFileURL(
    join(root, 'packages/backend/node_modules/@tensorflow/tfjs-core/dist/tf-core.node.js'),
  ).href
);
await selectBackend({ backend: 'wasm' });

const SHAPES = [
  { name: 'recurrent step, h·W_hh (forward and backward, 2×100 per batch)', shape: [256, 64, 256] },
  { name: 'input projection, all steps at once', shape: [25600, 64, 256] },
  { name: 'weight gradient, hᵀ·dGates over all steps', shape: [64, 25600, 256] },
  { name: 'scores against positives and negatives (per row)', shape: [256, 64, 6] },
  { name: 'large square (peak)', shape: [512, 512, 512] },
];

const gflops = ([m, k, n], seconds) => (2 * m * k * n) / seconds / 1e9;
function time(run, flop) {
  run();
  const reps = Math.max(3, Math.round(1e9 / flop));
  const start = performance.now();
  for (let r = 0; r < reps; r++) run();
  return (performance.now() - start) / 1000 / reps;
}

const rows = [];
for (const { name, shape } of SHAPES) {
  const [m, k, n] = shape;
  const flop = 2 * m * k * n;
  const left = new Float32Array(m * k).map(() => Math.random() - 0.5);
  const a = tf.tensor2d(left, [m, k]);
  const b = tf.randomNormal([k, n]);
  const inHeap = time(() => tf.matMul(a, b).dispose(), flop);
  const roundTrip = time(() => {
    const upload = tf.tensor2d(left, [m, k]);
    const product = tf.matMul(upload, b);
    product.dataSync();
    upload.dispose();
    product.dispose();
  }, flop);
  tf.dispose([a, b]);
  rows.push({ name, shape, wasm_seconds: inHeap, wasm_round_trip_seconds: roundTrip });
}

const python = ['python3', '/usr/bin/python3'].find(
  (p) => spawnSync(p, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
);
let torch;
if (python !== undefined) {
  const run = spawnSync(
    python,
    [join(here, 'matmul_torch.py'), JSON.stringify(SHAPES.map((s) => s.shape))],
    {
      encoding: 'utf8',
      env: { ...process.env, OPENBLAS_NUM_THREADS: '1', OMP_NUM_THREADS: '1' },
    },
  );
  if (run.status === 0) torch = JSON.parse(run.stdout);
  else console.log(`pytorch: failed: ${run.stderr}`);
} else console.log('pytorch: skipped, no python3 with torch. Hint: run `sh bench/setup.sh`.');

console.log(
  'GFLOP/s, one thread                          shape              wasm  wasm+copy  torch',
);
rows.forEach((row, i) => {
  const t = torch?.results[i]?.seconds;
  row.torch_seconds = t ?? null;
  row.wasm_gflops = gflops(row.shape, row.wasm_seconds);
  row.wasm_round_trip_gflops = gflops(row.shape, row.wasm_round_trip_seconds);
  row.torch_gflops = t === undefined ? null : gflops(row.shape, t);
  console.log(
    `${row.name.padEnd(44).slice(0, 44)} ${row.shape.join('x').padEnd(14)} ${row.wasm_gflops.toFixed(1).padStart(8)}` +
      ` ${row.wasm_round_trip_gflops.toFixed(1).padStart(10)} ${row.torch_gflops === null ? '     –' : row.torch_gflops.toFixed(1).padStart(6)}`,
  );
});
const step = rows[0];
console.log(
  `recurrent step product: ${(step.wasm_round_trip_seconds * 1e3).toFixed(3)} ms on wasm with copies, ` +
    `${step.torch_seconds === null ? '–' : (step.torch_seconds * 1e3).toFixed(3)} ms in torch; ` +
    `200 per batch cost ${(200 * step.wasm_round_trip_seconds).toFixed(3)} s against ` +
    `${step.torch_seconds === null ? '–' : (200 * step.torch_seconds).toFixed(3)} s`,
);

const out = join(here, 'results', 'matmul.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, `${JSON.stringify({ torch: torch?.torch ?? null, rows }, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}`);
