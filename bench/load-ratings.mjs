// Times loading a 10-million-line MovieLens-20M-like ratings.csv with the built
// @seqrec/datasets, against a plain readline pass over the same file.
//
//   pnpm build && node bench/load-ratings.mjs [--lines N] [--csv-parse]
//
// The file is generated once in the system's temporary folder and reused. Each measurement
// runs in a fresh child process, so peak memory is that of the measured step alone.
// Targets: loading under 15 s and under 1.5 GB peak resident memory (exit code 1 if missed).
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import {
  createReadStream,
  createWriteStream,
  existsSync,
  mkdirSync,
  renameSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const TARGET_SECONDS = 15;
const TARGET_BYTES = 1.5 * 1024 ** 3;
const script = fileURLToPath(import.meta.url);
const distEntry = new URL('../packages/datasets/dist/index.js', import.meta.url);

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at < 0 ? undefined : args[at + 1];
};

if (args[0] === '--child') {
  await child(args[1], args[2]);
} else {
  await main();
}

async function main() {
  const lines = Number(option('--lines') ?? 10_000_000);
  if (!existsSync(distEntry)) {
    console.error('bench: packages/datasets/dist is missing. Hint: run `pnpm build` first.');
    process.exit(1);
  }
  const path = join(tmpdir(), 'seqrec-bench', `ratings-${String(lines)}.csv`);
  if (existsSync(path)) {
    console.log(`file: ${path} (reused)`);
  } else {
    const start = performance.now();
    await generate(path, lines);
    console.log(`file: ${path} (generated in ${seconds(performance.now() - start)} s)`);
  }
  console.log(`      ${format(lines)} ratings, ${mb(statSync(path).size)}\n`);

  const reference = measure('readline', path);
  report('readline, no parsing (reference)', reference);
  const loaded = measure('loadMovieLensCsv', path);
  report('loadMovieLensCsv', loaded);
  if (args.includes('--csv-parse'))
    report('loadDelimited (csv-parse)', measure('loadDelimited', path));

  const ratio = loaded.seconds / reference.seconds;
  console.log(`\nloadMovieLensCsv / readline: ${ratio.toFixed(2)}×`);
  const ok = loaded.seconds < TARGET_SECONDS && loaded.maxRss < TARGET_BYTES;
  console.log(
    `target < ${String(TARGET_SECONDS)} s and < ${mb(TARGET_BYTES)} peak RSS: ${ok ? 'met' : 'MISSED'}`,
  );
  if (!ok) process.exitCode = 1;
}

function measure(step, path) {
  const result = spawnSync(process.execPath, [script, '--child', step, path], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (result.status !== 0) throw new Error(`bench: step ${step} failed (exit ${result.status}).`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1));
}

function report(name, r) {
  const count =
    r.interactions === undefined
      ? `${format(r.lines)} lines`
      : `${format(r.interactions)} interactions, ${format(r.users)} users, ${format(r.items)} items`;
  console.log(`${name}:\n  ${seconds(r.seconds * 1000)} s, ${count}`);
  console.log(
    `  peak RSS ${mb(r.maxRss)} (sampled ${mb(r.sampledRss)}), peak heap used ${mb(r.heap)}, peak array buffers ${mb(r.arrayBuffers)}`,
  );
}

async function child(step, path) {
  const peak = { rss: 0, heap: 0, arrayBuffers: 0 };
  const sample = () => {
    const m = process.memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed);
    peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
  };
  const timer = setInterval(sample, 10);
  const start = performance.now();
  const out = {};
  if (step === 'readline') {
    let lines = 0;
    const reader = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
    reader.on('line', () => lines++);
    await once(reader, 'close');
    out.lines = lines;
  } else {
    const datasets = await import(distEntry.href);
    const data =
      step === 'loadDelimited'
        ? await datasets.loadDelimited(path, {
            header: true,
            columns: { user: 0, item: 1, rating: 2, timestamp: 3 },
          })
        : await datasets.loadMovieLensCsv(path);
    sample();
    out.interactions = data.length;
    out.users = data.numUsers;
    out.items = data.numItems - 1;
  }
  const elapsed = (performance.now() - start) / 1000;
  clearInterval(timer);
  sample();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  console.log(
    JSON.stringify({
      ...out,
      seconds: elapsed,
      maxRss,
      sampledRss: peak.rss,
      heap: peak.heap,
      arrayBuffers: peak.arrayBuffers,
    }),
  );
}

// MovieLens-20M-like: users in increasing order with ~72 ratings each, popular movies more
// likely, half-star ratings, Unix timestamps between 1995 and 2015.
async function generate(path, lines) {
  mkdirSync(join(path, '..'), { recursive: true });
  const temp = `${path}.${String(process.pid)}.part`;
  const out = createWriteStream(temp);
  let state = 20_240_601;
  const random = () => {
    state = (Math.imul(state, 1_103_515_245) + 12_345) >>> 0;
    return state / 4_294_967_296;
  };
  let chunk = 'userId,movieId,rating,timestamp\n';
  let user = 1;
  for (let i = 0; i < lines; i++) {
    if (random() < 1 / 72) user++;
    const movie = 1 + Math.floor(131_000 * random() ** 3);
    const rating = (1 + Math.floor(random() * 10)) / 2;
    const timestamp = 789_652_009 + Math.floor(random() * 640_000_000);
    chunk += `${String(user)},${String(movie)},${rating.toFixed(1)},${String(timestamp)}\n`;
    if (chunk.length > 1 << 20) {
      if (!out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      chunk = '';
    }
  }
  await new Promise((resolve, reject) =>
    out.end(chunk, (error) => (error ? reject(error) : resolve())),
  );
  renameSync(temp, path);
}

function seconds(ms) {
  return (ms / 1000).toFixed(2);
}

function mb(bytes) {
  return `${(bytes / 1024 ** 2).toFixed(0)} MB`;
}

function format(n) {
  return n.toLocaleString('en-US');
}
