// Times `seqrec recommend --input` for 10,000 histories of length 100 from a model saved
// from ml-latest-small, and the same histories through recommendMany in-process.
//
//   pnpm bench:recommend [--model DIR] [--histories 10000] [--representation lstm]
//
// Without --model it first trains one (`seqrec train … --epochs 3 --save`, windows 100).
// Histories are random 100-item stretches of the users' time-ordered ratings (seed 1).
// Writes bench/results/recommend.json (through a temporary file, then a rename).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const args = process.argv.slice(2);
const option = (key, fallback) => {
  const at = args.indexOf(`--${key}`);
  return at < 0 ? fallback : args[at + 1];
};
const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const ratings = join(root, '..', 'shared', 'data', 'ml-latest-small', 'ratings.csv');
const count = Number(option('histories', '10000'));
const representation = option('representation', 'lstm');
const work = mkdtempSync(join(tmpdir(), 'seqrec-bench-recommend-'));
const cli = join(root, 'packages/cli/dist/bin.js');

let model = option('model');
if (model === undefined) {
  model = join(work, 'model');
  const train = spawnSync(
    process.execPath,
    [
      cli,
      'train',
      '--data',
      ratings,
      '--format',
      'movielens-csv',
      '--representation',
      representation,
      '--epochs',
      '3',
      '--save',
      model,
      '--quiet',
    ],
    { stdio: 'inherit' },
  );
  if (train.status !== 0) process.exit(train.status ?? 1);
}

const { loadMovieLensCsv } = await import(
  pathToFileURL(join(root, 'packages/datasets/dist/index.js')).href
);
const data = await loadMovieLensCsv(ratings);
const byUser = new Map();
for (let i = 0; i < data.length; i++) {
  const user = data.userIds[i];
  const list = byUser.get(user) ?? [];
  list.push([data.timestamps[i], data.itemMap.toRaw(data.itemIds[i])]);
  byUser.set(user, list);
}
const long = [...byUser.values()]
  .filter((l) => l.length >= 100)
  .map((l) => l.sort((a, b) => a[0] - b[0]).map((x) => x[1]));
let state = 1;
const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
const lines = [];
for (let h = 0; h < count; h++) {
  const items = long[Math.floor(random() * long.length)];
  const start = Math.floor(random() * (items.length - 99));
  lines.push(items.slice(start, start + 100).join(','));
}
const input = join(work, 'histories.txt');
writeFileSync(input, `${lines.join('\n')}\n`);

const started = performance.now();
const run = spawnSync(
  process.execPath,
  [cli, 'recommend', '--model', model, '--input', input, '-k', '10'],
  {
    encoding: 'utf8',
    maxBuffer: 1 << 28,
  },
);
const wall = (performance.now() - started) / 1000;
if (run.status !== 0) {
  console.error(run.stderr);
  process.exit(run.status ?? 1);
}
const inner = /in ([\d.]+) s on (\w+)/.exec(run.stderr);
const result = {
  histories: count,
  history_length: 100,
  representation,
  command_seconds: wall,
  recommend_seconds: inner ? Number(inner[1]) : null,
  backend: inner ? inner[2] : null,
  per_history_ms: inner ? (Number(inner[1]) / count) * 1000 : null,
};
console.log(
  `seqrec recommend: ${count} histories of 100 in ${wall.toFixed(2)} s (command, loading included); ` +
    `${result.recommend_seconds} s recommending on ${result.backend}`,
);
const out = join(here, 'results', 'recommend.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(`${out}.tmp`, `${JSON.stringify(result, null, 2)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}`);
