import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

import { Interactions, toSequences } from '@seqrec/interactions';
import {
  PoolingRepresentation,
  listRepresentations,
  registerRepresentation,
} from '@seqrec/representations';
import { describe, expect, it } from 'vitest';

import { ImplicitSequenceModel } from './implicit-sequence-model.js';
import type { ModelManifest } from './saved-model.js';

// Raw string ids, so the id map is saved and used: users walk a ring of 12 items.
const ITEMS = Array.from({ length: 12 }, (_, i) => `item-${String(i)}`);
const raw = Interactions.fromRaw({
  users: Array.from({ length: 480 }, (_, i) => Math.floor(i / 16)),
  items: Array.from({ length: 480 }, (_, i) => ITEMS[(i + Math.floor(i / 16)) % 12] as string),
});
const windows = toSequences(raw, { maxLength: 8, stepSize: 8 });
const base = { backend: 'cpu', nIter: 2, embeddingDim: 8, batchSize: 16, seed: 3 } as const;

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'seqrec-saved-'));
}

function manifestOf(dir: string): ModelManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ModelManifest;
}

describe('save and load', () => {
  it('gives exactly the same scores for every built-in representation on cpu', async () => {
    for (const representation of ['pooling', 'cnn', 'lstm', 'mlstm', 'gru', 'mixture']) {
      const model = new ImplicitSequenceModel({ ...base, representation, loss: 'bpr' });
      await model.fit(windows);
      const dir = join(tempDir(), 'model');
      await model.save(dir);
      const loaded = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
      expect(Array.from(loaded.scoreBatch(windows))).toEqual(Array.from(model.scoreBatch(windows)));
      expect(loaded.recommend(['item-1', 'item-2'], 4)).toEqual(
        model.recommend(['item-1', 'item-2'], 4),
      );
      expect(loaded.options.loss).toBe('bpr');
      expect(loaded.representation?.config).toEqual(model.representation?.config);
      const manifest = manifestOf(dir);
      expect(manifest.format).toBe('seqrec-model');
      expect(manifest.formatVersion).toBe(1);
      expect(manifest.epochs).toBe(2);
      expect(manifest.itemIds?.rawIds).toHaveLength(12);
      expect(manifest.packages['@seqrec/models']).toBe('0.1.0');
      model.dispose();
      loaded.dispose();
    }
  });

  it('keeps training from the loaded weights', async () => {
    const model = new ImplicitSequenceModel({ ...base, representation: 'gru' });
    await model.fit(windows);
    const dir = join(tempDir(), 'model');
    await model.save(dir);
    const loaded = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
    const [report] = await loaded.fit(windows);
    expect(report?.epoch).toBe(3);
    expect(Number.isFinite(report?.loss)).toBe(true);
    model.dispose();
    loaded.dispose();
  });

  it('replaces a saved model by renames, leaving no stray files', async () => {
    const dir = join(tempDir(), 'model');
    const first = new ImplicitSequenceModel({ ...base, seed: 1 });
    await first.fit(windows);
    await first.save(dir);
    // What an interrupted save leaves: a half-written temp file and weights no manifest
    // names yet. Loading ignores both; the next save removes them.
    writeFileSync(join(dir, '.weights-0000aaaa.bin.tmp'), 'partial');
    writeFileSync(join(dir, 'weights-0000bbbb.bin'), new Uint8Array(16));
    const kept = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
    expect(Array.from(kept.scoreBatch(windows))).toEqual(Array.from(first.scoreBatch(windows)));

    const second = new ImplicitSequenceModel({ ...base, seed: 2 });
    await second.fit(windows);
    await second.save(dir);
    const files = readdirSync(dir).sort();
    expect(files).toEqual(['manifest.json', manifestOf(dir).weights.file].sort());
    const replaced = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
    expect(Array.from(replaced.scoreBatch(windows))).toEqual(
      Array.from(second.scoreBatch(windows)),
    );
    for (const m of [first, kept, second, replaced]) m.dispose();
  });

  it('survives a process killed while it saves over and over', async () => {
    const dir = join(tempDir(), 'model');
    const script = fileURLToPath(new URL('./testing/save-loop.fixture.mjs', import.meta.url));
    const child = spawn(process.execPath, [script, dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    // Kill it hard after its third save, in the middle of later ones.
    await new Promise<void>((resolve, reject) => {
      let saves = 0;
      child.stdout.on('data', (chunk: Buffer) => {
        saves += chunk.toString().split('saved').length - 1;
        if (saves >= 3) {
          setTimeout(() => child.kill('SIGKILL'), 7);
          resolve();
        }
      });
      child.on('exit', (code) => {
        if (saves < 3) reject(new Error(`save loop exited early (${String(code)}): ${errors}`));
      });
    });
    await new Promise((resolve) => child.on('exit', resolve));
    const loaded = await ImplicitSequenceModel.load(dir, { backend: 'cpu' });
    expect(loaded.recommend([1, 2], 3)).toHaveLength(3);
    loaded.dispose();
  }, 60_000);

  it('saves and loads a representation registered by a plugin, and names it when missing', async () => {
    const name = 'saved-model-test-pooling';
    if (!listRepresentations().includes(name)) {
      registerRepresentation(name, (context, options) => {
        const inner = new PoolingRepresentation(context, options);
        return Object.assign(inner, { config: { name, options: { ...options } } });
      });
    }
    const model = new ImplicitSequenceModel({ ...base, representation: name });
    await model.fit(windows);
    const artifacts = model.toArtifacts();
    expect(artifacts.manifest.representation.name).toBe(name);
    const loaded = await ImplicitSequenceModel.fromArtifacts(artifacts, { backend: 'cpu' });
    expect(Array.from(loaded.scoreBatch(windows))).toEqual(Array.from(model.scoreBatch(windows)));

    const missing = {
      ...artifacts,
      manifest: { ...artifacts.manifest, representation: { name: 'not-installed', options: {} } },
    };
    await expect(ImplicitSequenceModel.fromArtifacts(missing)).rejects.toThrow(
      /the model's representation "not-installed" must be registered; registered: pooling, .*saved-model-test-pooling.*Hint: import the plugin package/,
    );
    model.dispose();
    loaded.dispose();
  });

  it('says exactly what does not match', async () => {
    const model = new ImplicitSequenceModel({ ...base, representation: 'lstm' });
    await model.fit(windows);
    const artifacts = model.toArtifacts();
    const { manifest } = artifacts;
    const load = (changed: Partial<ModelManifest>, weights = artifacts.weights) =>
      ImplicitSequenceModel.fromArtifacts({ manifest: { ...manifest, ...changed }, weights });

    await expect(load({ formatVersion: 2 })).rejects.toThrow(
      'manifest formatVersion must be 1 (the layout this version of @seqrec/models reads); got 2. Hint: it was written by a newer seqrec',
    );
    await expect(load({ format: 'keras' as never })).rejects.toThrow(
      'manifest format must be "seqrec-model"; got "keras".',
    );
    await expect(load({}, artifacts.weights.slice(0, 100))).rejects.toThrow(
      `the weights file must hold manifest weights.byteLength (${String(manifest.weights.byteLength)}) bytes; got 100.`,
    );
    // A manifest edited to another width: the recurrent weights no longer fit.
    const wider = { ...manifest.options, embeddingDim: 16 };
    await expect(load({ options: wider })).rejects.toThrow(
      /the weights must match the lstm network .*; item_embedding must have shape \[13, 16\]; got \[13, 8\]/,
    );
    const renamed = manifest.weights.tensors.map((t) =>
      t.name === 'representation/0' ? { ...t, name: 'representation/9' } : t,
    );
    await expect(load({ weights: { ...manifest.weights, tensors: renamed } })).rejects.toThrow(
      /representation\/0 is missing; unexpected weights representation\/9/,
    );
    await expect(ImplicitSequenceModel.load(join(tempDir(), 'nothing'))).rejects.toThrow(
      /ImplicitSequenceModel.load: dir must hold a saved model \(manifest.json\); could not read .*nothing\/manifest.json/,
    );
    await expect(model.save('')).rejects.toThrow(
      'ImplicitSequenceModel.save: dir must be a folder path; got "".',
    );
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, 'x');
    await expect(model.save(join(file, 'model'))).rejects.toThrow(
      `ImplicitSequenceModel.save: dir must be a folder or a path that can be created; got "${join(file, 'model')}", and ${file} is a file.`,
    );
    await expect(model.save('/proc/seqrec-test/model')).rejects.toThrow(
      /dir must be a folder or a path that can be created; got "\/proc\/seqrec-test\/model", and \/proc\/seqrec-test could not be created \(E[A-Z]+\)/,
    );
    const nullManifest = tempDir();
    writeFileSync(join(nullManifest, 'manifest.json'), 'null');
    await expect(ImplicitSequenceModel.load(nullManifest)).rejects.toThrow(
      /manifest.json must hold a JSON object; got null\./,
    );
    model.dispose();
  });
});

describe('recommendMany', () => {
  it('batches histories, reports unknown ids, and answers empty ones by popularity', async () => {
    const model = new ImplicitSequenceModel({ ...base, representation: 'lstm' });
    await model.fit(windows);
    const histories = [['item-1', 'item-2'], ['nope', 'item-3', 'nada'], [], ['ghost']];
    const answers = model.recommendMany(histories, 3, { batchSize: 1 });
    expect(answers.map((a) => a.source)).toEqual(['model', 'model', 'popularity', 'popularity']);
    expect(answers[0]?.items).toEqual(model.recommend(['item-1', 'item-2'], 3));
    expect(answers[1]?.unknown).toEqual(['nope', 'nada']);
    expect(answers[1]?.items).toEqual(model.recommend(['item-3'], 3));
    expect(answers[3]?.unknown).toEqual(['ghost']);
    // Every item occurs equally often on the ring except where windows start; the fallback
    // is the most frequent items with their counts as scores, best first.
    const popular = answers[2];
    expect(popular?.items).toHaveLength(3);
    expect(popular?.scores[0]).toBeGreaterThanOrEqual(popular?.scores[2] ?? Infinity);
    expect(model.recommendMany(histories, 3, { batchSize: 256 })).toEqual(answers);
    expect(() => model.recommendMany([['item-1'], 'item-2' as never], 3)).toThrow(
      'ImplicitSequenceModel.recommendMany: histories[1] must be an array of raw item ids; got "item-2".',
    );
    expect(() => model.recommendMany([], 3, { excludeSeen: 'false' as never })).toThrow(
      'ImplicitSequenceModel.recommendMany: excludeSeen must be true or false; got "false".',
    );
    expect(() => model.recommendMany([], 3, { batchSize: 0 })).toThrow(
      'ImplicitSequenceModel.recommendMany: batchSize must be a positive integer; got 0.',
    );
    model.dispose();
  });
});

describe('MODELS_VERSION', () => {
  it('is the version in package.json, which saved manifests record', async () => {
    const { MODELS_VERSION } = await import('./version.js');
    const pkg = JSON.parse(
      readFileSync(fileURLToPath(new URL('../package.json', import.meta.url)), 'utf8'),
    ) as { version: string };
    expect(MODELS_VERSION).toBe(pkg.version);
  });
});
