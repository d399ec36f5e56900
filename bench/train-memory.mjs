// Memory of one training epoch on a MovieLens-10M-sized data set: about 100,000 windows of
// length 100 (generateSequential with 69,878 users, 4,096 items, 10,000,000 interactions,
// windows 100/20/100), lstm, dim 64, batch 256, adaptive hinge, wasm.
//
//   pnpm build && node bench/train-memory.mjs [--representation lstm] [--steps N]
//
// The epoch runs in a child process started with a 4 GiB V8 heap (--max-old-space-size),
// so running out of heap fails the run; the parent samples the child's memory every 0.2 s
// and prints the peaks next to the size of the windows themselves, the reference: what the
// epoch needs beyond its data. Target: the epoch finishes inside the 4 GiB heap (exit code
// 1 if not). --steps N trains the first N batches only, to check the script quickly.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const HEAP_LIMIT_MB = 4096;
const args = process.argv.slice(2);
const option = (key, fallback) => {
  const at = args.indexOf(`--${key}`);
  return at < 0 ? fallback : args[at + 1];
};

if (args[0] === '--child') await child();
else await main();

async function main() {
  const script = fileURLToPath(import.meta.url);
  const started = performance.now();
  const run = spawn(
    process.execPath,
    [`--max-old-space-size=${String(HEAP_LIMIT_MB)}`, script, '--child', ...args],
    { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] },
  );
  const peaks = { rss: 0, heapUsed: 0, external: 0, arrayBuffers: 0 };
  let result;
  run.on('message', (message) => {
    if (message.kind === 'memory') {
      for (const key of Object.keys(peaks)) peaks[key] = Math.max(peaks[key], message[key]);
    } else if (message.kind === 'result') result = message;
  });
  run.stdout.pipe(process.stdout);
  const code = await new Promise((resolve) => run.on('exit', resolve));
  if (code !== 0 || result === undefined) {
    console.error(
      `bench: the epoch failed inside a ${String(HEAP_LIMIT_MB)} MiB heap (exit ${String(code)}).`,
    );
    process.exit(1);
  }
  const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  console.log(
    `\n${result.windows.toLocaleString('en')} windows of ${String(result.maxLength)}, ` +
      `${result.steps} batches of ${String(result.batchSize)}, ${result.representation}, ` +
      `${result.seconds.toFixed(1)} s for the epoch (${((performance.now() - started) / 1000).toFixed(1)} s in all)`,
  );
  console.log(`all windows (reference): ${mb(result.windowBytes)}`);
  console.log(
    `peak V8 heap used:   ${mb(peaks.heapUsed)} of a ${String(HEAP_LIMIT_MB)} MiB limit ` +
      `(${(peaks.heapUsed / result.windowBytes).toFixed(1)}× the windows)`,
  );
  console.log(`peak array buffers:  ${mb(peaks.arrayBuffers)} (typed arrays, wasm memory)`);
  console.log(`peak resident:       ${mb(peaks.rss)}`);
  console.log(`target: the epoch runs within a ${String(HEAP_LIMIT_MB)} MiB heap: met`);
}

async function child() {
  const load = (pkg) => import(new URL(`../packages/${pkg}/dist/index.js`, import.meta.url).href);
  const { generateSequential } = await load('datasets');
  const { toSequences } = await load('interactions');
  const { ImplicitSequenceModel } = await load('models');
  const sample = () => process.send({ kind: 'memory', ...process.memoryUsage() });
  const timer = setInterval(sample, 200);

  const data = generateSequential({
    numUsers: 69_878,
    numItems: 4096, // the generator's largest; ML-10M has 10,677 (a 2.7 MB table either way)
    numInteractions: 10_000_000,
    seed: 0,
  });
  const all = toSequences(data, { maxLength: 100, minLength: 20, stepSize: 100 });
  const steps = option('steps');
  const batchSize = 256;
  const rows = steps === undefined ? all.numSequences : Number(steps) * batchSize;
  const windows = rows < all.numSequences ? all.selectRows([...Array(rows).keys()]) : all;
  const representation = option('representation', 'lstm');
  const model = new ImplicitSequenceModel({
    representation,
    loss: 'adaptive-hinge',
    embeddingDim: 64,
    batchSize,
    nIter: 1,
    backend: 'wasm',
    seed: 0,
  });
  let batches = 0;
  const [report] = await model.fit(windows, { onBatchEnd: () => void (batches += 1) });
  model.dispose();
  sample();
  clearInterval(timer);
  process.send({
    kind: 'result',
    representation,
    windows: windows.numSequences,
    maxLength: windows.maxLength,
    batchSize,
    steps: batches,
    seconds: report.seconds,
    windowBytes: all.sequences.byteLength,
  });
  process.disconnect();
}
