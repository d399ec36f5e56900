// How close the native kernels come to this machine's peak: each recurrent layer of
// @seqrec/native (forward and backward through time, at the shapes of bench/train.mjs's
// LSTM: 101 steps, batch 256, input and hidden width 64), timed on 1 and 2 threads, against
// the fastest matrix product OpenBLAS makes here (torch.mm on 2048² float32, 1 and 2 threads)
// in the same run.
//
//   sh bench/setup.sh && pnpm bench:native
//
// GFLOP counts only the matrix products (2·m·k·n each); the gates' elementwise work is on top.
// Prints a table and writes bench/results/native.json (through a temporary file, then a rename).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const addonPath = join(here, '../packages/native/build/seqrec_native.node');
if (!existsSync(addonPath)) {
  console.error(
    `bench: ${addonPath} is missing. Hint: install gcc and libopenblas-dev, then ` +
      '`pnpm rebuild @seqrec/native`.',
  );
  process.exit(1);
}
const addon = createRequire(import.meta.url)(addonPath);
const [T, B, D, H] = [101, 256, 64, 64];
const rows = 2 * T * B; // 2·m for every product: m = T·B rows

let seed = 1;
function uniform(length, scale) {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out[i] = (seed / 1073741824 - 1) * scale;
  }
  return out;
}
const zeros = (length) => new Float32Array(length);
const x = uniform(T * B * D, 1);
const dy = uniform(T * B * H, 0.1);
const w = (r, c) => uniform(r * c, 1 / Math.sqrt(H));

const LAYERS = {
  lstm: {
    gflop: (3 * rows * (D + H) * 4 * H) / 1e9,
    make() {
      const [wIh, wHh, bias] = [w(4 * H, D), w(4 * H, H), uniform(4 * H, 0.1)];
      const trace = [
        zeros(T * B * 4 * H),
        zeros((T + 1) * B * H),
        zeros(T * B * H),
        zeros((T + 1) * B * H),
      ];
      const grads = [
        zeros(T * B * D),
        zeros(4 * H * D),
        zeros(4 * H),
        zeros(4 * H * H),
        zeros(B * H),
        zeros(B * H),
      ];
      return {
        forward: () => addon.lstmForward(T, B, D, H, x, wIh, bias, wHh, ...trace),
        backward: () =>
          addon.lstmBackward(T, B, D, H, x, wIh, wHh, ...trace, dy, null, null, null, ...grads),
      };
    },
  },
  mlstm: {
    gflop: (3 * rows * (D * 5 * H + H * H + H * 4 * H)) / 1e9,
    make() {
      const [wX, bX, wHh, wMh, bMh] = [
        w(5 * H, D),
        uniform(5 * H, 0.1),
        w(4 * H, H),
        w(H, H),
        uniform(H, 0.1),
      ];
      const trace = [
        ...[zeros(T * B * 5 * H), zeros(T * B * H), zeros(T * B * H), zeros(T * B * 4 * H)],
        ...[zeros((T + 1) * B * H), zeros(T * B * H), zeros((T + 1) * B * H)],
      ];
      const grads = [
        ...[zeros(T * B * D), zeros(5 * H * D), zeros(5 * H), zeros(4 * H * H), zeros(H * H)],
        ...[zeros(H), zeros(B * H), zeros(B * H)],
      ];
      return {
        forward: () => addon.mlstmForward(T, B, D, H, x, wX, bX, wHh, wMh, bMh, ...trace),
        backward: () =>
          addon.mlstmBackward(
            T,
            B,
            D,
            H,
            x,
            wX,
            wHh,
            wMh,
            ...trace,
            null,
            dy,
            null,
            null,
            ...grads,
          ),
      };
    },
  },
  gru: {
    gflop: (3 * rows * (D * 3 * H + H * 3 * H)) / 1e9,
    make() {
      const [wIh, bIh, wHh, bHh] = [
        w(3 * H, D),
        uniform(3 * H, 0.1),
        w(3 * H, H),
        uniform(3 * H, 0.1),
      ];
      const trace = [zeros(T * B * 4 * H), zeros((T + 1) * B * H)];
      const grads = [
        zeros(T * B * D),
        zeros(3 * H * D),
        zeros(3 * H),
        zeros(3 * H * H),
        zeros(3 * H),
        zeros(B * H),
      ];
      return {
        forward: () => addon.gruForward(T, B, D, H, x, wIh, bIh, wHh, bHh, ...trace),
        backward: () => addon.gruBackward(T, B, D, H, x, wIh, wHh, ...trace, dy, ...grads),
      };
    },
  },
};

function time(layer, threads) {
  addon.setThreads(threads);
  const { forward, backward } = layer.make();
  const once = () => {
    const started = performance.now();
    forward();
    backward();
    return (performance.now() - started) / 1000;
  };
  once();
  once();
  const runs = Array.from({ length: 7 }, once).sort((a, b) => a - b);
  return runs[3]; // the median
}

function torchPeak() {
  const script = [
    'import json, sys, time, torch',
    'threads = int(sys.argv[1])',
    'torch.set_num_threads(threads)',
    'a, b = torch.randn(2048, 2048), torch.randn(2048, 2048)',
    'torch.mm(a, b)',
    'start = time.perf_counter()',
    'for _ in range(10): torch.mm(a, b)',
    'print(10 * 2 * 2048 ** 3 / (time.perf_counter() - start) / 1e9)',
  ].join('\n');
  // The same search as bench/train.mjs: Debian's python3-torch may not be the first python3.
  const python = [process.env.SEQREC_BENCH_PYTHON, 'python3', '/usr/bin/python3'].find(
    (candidate) =>
      candidate !== undefined &&
      spawnSync(candidate, ['-c', 'import torch'], { stdio: 'ignore' }).status === 0,
  );
  if (python === undefined) {
    console.log('peak: skipped, no python3 with torch. Hint: run `sh bench/setup.sh`.');
    return undefined;
  }
  const gflops = {};
  for (const threads of ['1', '2']) {
    // OpenBLAS keeps its own thread count, whatever torch.set_num_threads says.
    const env = { ...process.env, OPENBLAS_NUM_THREADS: threads, OMP_NUM_THREADS: threads };
    const run = spawnSync(python, ['-c', script, threads], { encoding: 'utf8', env });
    if (run.status !== 0) throw new Error(`bench: the peak measurement failed: ${run.stderr}`);
    gflops[threads] = Number(run.stdout.trim());
  }
  return gflops;
}

const info = addon.describe();
console.log(`native: ${info.blas} (${info.blasCore}), ${String(info.cores)} cores`);
const peak = torchPeak();
if (peak !== undefined) {
  console.log(
    `peak (torch.mm 2048², OpenBLAS): ${peak['1'].toFixed(1)} GFLOP/s on 1 thread, ` +
      `${peak['2'].toFixed(1)} on 2`,
  );
}
const entries = [];
for (const [name, layer] of Object.entries(LAYERS)) {
  for (const threads of [1, 2]) {
    const seconds = time(layer, threads);
    const gflops = layer.gflop / seconds;
    const ofPeak = peak === undefined ? null : gflops / peak[String(threads)];
    entries.push({ layer: name, threads, gflop: layer.gflop, seconds, gflops, of_peak: ofPeak });
  }
}
console.log('\n| layer | threads | GFLOP | ms fwd+bwd | GFLOP/s | of peak |');
console.log('| ----- | ------- | ----- | ---------- | ------- | ------- |');
for (const e of entries) {
  const share = e.of_peak === null ? '–' : `${(100 * e.of_peak).toFixed(0)} %`;
  console.log(
    `| ${e.layer} | ${String(e.threads)} | ${e.gflop.toFixed(2)} | ${(1000 * e.seconds).toFixed(1)} | ` +
      `${e.gflops.toFixed(1)} | ${share} |`,
  );
}
const out = join(here, 'results/native.json');
mkdirSync(dirname(out), { recursive: true });
const temporary = `${out}.tmp`;
writeFileSync(temporary, `${JSON.stringify({ info, peak: peak ?? null, entries }, null, 2)}\n`);
renameSync(temporary, out);
console.log(`\nwrote ${out}`);
