// One measurement of `pnpm bench:train`, run in a child process of bench/train.mjs so that
// each starts from a fresh heap and JIT. Prints one JSON line.
//
//   node bench/train-worker.mjs fit|encode|profile <representation> --windows-file F
//     [--root R] [--batch 256] [--length 100] [--dim 64] [--items 3701] [--steps N] [--reps 5]
//     [--padding trim|keep]
//
// <representation> is a registered name or `tfjs-layers-lstm`. `fit` times one epoch of
// ImplicitSequenceModel after a warm-up fit on two batches (with --steps N: the first N
// batches, extrapolated to the epoch); `encode` times encode + backward of one batch of
// windows; `profile` lists the kernels of one training step by their total time.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { defineLayersLstm } from './layers-lstm.mjs';

const [mode, name, ...rest] = process.argv.slice(2);
const option = (key, fallback) => {
  const at = rest.indexOf(`--${key}`);
  return at < 0 ? fallback : rest[at + 1];
};
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const root = resolve(option('root', repoRoot));
const batchSize = Number(option('batch', 256));
const length = Number(option('length', 100));
const dim = Number(option('dim', 64));
const numItems = Number(option('items', 3701));

// Everything from the chosen checkout's built packages, tfjs-core included, so that they all
// share one engine.
const load = (pkg) => import(pathToFileURL(join(root, 'packages', pkg, 'dist/index.js')).href);
const tf = createRequire(join(root, 'package.json'))('@tensorflow/tfjs-core');
const { selectBackend } = await load('backend');
const { ScaledEmbedding, ZeroEmbedding } = await load('embeddings');
const { SequenceInteractions } = await load('interactions');
const { ImplicitSequenceModel } = await load('models');
const { createRepresentation, DotProductRepresentation } = await load('representations');

await selectBackend({ backend: 'wasm' });
const kernels = option('kernels');
if (kernels !== undefined) {
  // encode mode builds a representation without a model: choose its kernels here too.
  const { useSequenceKernels } = await load('representations');
  if (kernels === 'native') useSequenceKernels((await load('native')).loadNativeKernels());
  else useSequenceKernels(kernels);
}
const sequences = new Int32Array(readFileSync(option('windows-file')).buffer.slice(0));
const numWindows = sequences.length / length;
const result = await { fit, encode, profile }[mode]();
console.log(JSON.stringify({ mode, name, ...result }));

function windows(rows) {
  return new SequenceInteractions({
    sequences: sequences.subarray(0, rows * length),
    userIds: new Int32Array(rows),
    maxLength: length,
    numItems,
  });
}

function buildContext() {
  return {
    numItems,
    embeddingDim: dim,
    itemEmbedding: new ScaledEmbedding({ numEmbeddings: numItems, dim, seed: 0 }),
    itemBias: new ZeroEmbedding({ numEmbeddings: numItems, dim: 1 }),
    seed: 1,
  };
}

function buildRepresentation(context) {
  if (name !== 'tfjs-layers-lstm') return createRepresentation(name, context);
  const tfl = createRequire(join(repoRoot, 'package.json'))('@tensorflow/tfjs-layers');
  const LayersLstm = defineLayersLstm({ tf, tfl, DotProductRepresentation });
  return new LayersLstm(context);
}

function buildModel() {
  const representation = name === 'tfjs-layers-lstm' ? buildRepresentation(buildContext()) : name;
  return new ImplicitSequenceModel({
    representation,
    loss: 'adaptive-hinge',
    embeddingDim: dim,
    batchSize,
    nIter: 1,
    backend: 'wasm',
    seed: 0,
    // Checkouts from before the padding option computed as 'keep' and reject the key.
    ...(option('padding') === undefined ? {} : { padding: option('padding') }),
    // Checkouts from before the kernels option ran the host kernels and reject the key.
    ...(kernels === undefined ? {} : { kernels }),
  });
}

async function fit() {
  const model = buildModel();
  await model.fit(windows(Math.min(2 * batchSize, numWindows)));
  const steps = option('steps');
  const rows = steps === undefined ? numWindows : Math.min(Number(steps) * batchSize, numWindows);
  const [report] = await model.fit(windows(rows));
  model.dispose();
  const timedBatches = Math.ceil(rows / batchSize);
  const epochBatches = Math.ceil(numWindows / batchSize);
  const perStep = report.seconds / timedBatches;
  return {
    windows: numWindows,
    steps: timedBatches,
    extrapolated: rows < numWindows,
    seconds_per_step: perStep,
    seconds_per_epoch: rows < numWindows ? perStep * epochBatches : report.seconds,
  };
}

function encodeStep() {
  const context = buildContext();
  const representation = buildRepresentation(context);
  const ids = tf.tensor2d(sequences.subarray(0, batchSize * length), [batchSize, length], 'int32');
  const weights = tf.randomNormal([batchSize, length, dim], 0, 1, 'float32', 1);
  const variables = [...representation.variables, ...context.itemEmbedding.variables];
  return () =>
    tf.tidy(() => {
      const loss = () => tf.sum(tf.mul(representation.encode(ids).states, weights));
      const { grads } = tf.variableGrads(loss, variables);
      for (const grad of Object.values(grads)) grad.dataSync();
    });
}

async function encode() {
  const step = encodeStep();
  step();
  step();
  const reps = Number(option('reps', 5));
  const started = performance.now();
  for (let i = 0; i < reps; i++) step();
  return { encode_backward_seconds: (performance.now() - started) / 1000 / reps };
}

async function profile() {
  const model = buildModel();
  const one = windows(batchSize);
  await model.fit(one);
  await model.fit(one);
  const started = performance.now();
  const { kernels } = await tf.profile(async () => void (await model.fit(one)));
  const seconds = (performance.now() - started) / 1000;
  const byKernel = new Map();
  for (const { name: kernel, inputShapes, kernelTimeMs } of kernels) {
    const key = `${kernel} ${JSON.stringify(inputShapes)}`;
    const entry = byKernel.get(key) ?? { kernel: key, calls: 0, ms: 0 };
    entry.calls += 1;
    entry.ms += typeof kernelTimeMs === 'number' ? kernelTimeMs : 0;
    byKernel.set(key, entry);
  }
  const top = [...byKernel.values()].sort((a, b) => b.ms - a.ms).slice(0, 30);
  return { seconds_per_step: seconds, kernels: top };
}
