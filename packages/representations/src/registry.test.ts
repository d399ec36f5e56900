import * as tf from '@tensorflow/tfjs-core';
import { selectBackend } from '@seqrec/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { idTensor, makeContext } from '../test/representation-fixtures.js';
import { CnnRepresentation } from './cnn/cnn-representation.js';
import { MixtureRepresentation } from './mixture/mixture-representation.js';
import { PoolingRepresentation } from './pooling/pooling-representation.js';
import { createRepresentation, listRepresentations, registerRepresentation } from './registry.js';
import type { RepresentationContext } from './sequence-representation.js';

describe.each(['cpu', 'wasm'] as const)('representation registry on %s', (backend) => {
  let context: ReturnType<typeof makeContext>;

  beforeAll(async () => {
    await selectBackend({ backend });
    context = makeContext({ numItems: 5, dim: 2 });
  });

  afterAll(() => {
    context.dispose();
  });

  it('builds the built-in representations by name, passing their options', () => {
    expect(listRepresentations()).toEqual(expect.arrayContaining(['pooling', 'cnn', 'mixture']));
    const pooling = createRepresentation('pooling', context, { exactMean: true });
    const cnn = createRepresentation('cnn', context, { numLayers: 2 });
    const mixture = createRepresentation('mixture', context, { numComponents: 3 });
    expect(pooling).toBeInstanceOf(PoolingRepresentation);
    expect(pooling.config.options).toEqual({ exactMean: true });
    expect(cnn).toBeInstanceOf(CnnRepresentation);
    expect(cnn.config.options['numLayers']).toBe(2);
    expect(mixture).toBeInstanceOf(MixtureRepresentation);
    expect(mixture.stateSize).toBe(12);

    // A config rebuilds the same representation.
    const again = createRepresentation(cnn.config.name, context, cnn.config.options);
    expect(again.config).toEqual(cnn.config);
    [pooling, cnn, mixture, again].forEach((r) => r.dispose());
  });

  it('passes bad options through to the representation to reject', () => {
    expect(() => createRepresentation('cnn', context, { kernelWidth: -1 })).toThrow(
      'CnnRepresentation: kernelWidth must be a positive integer; got -1.',
    );
  });

  it('names the registered representations when a name is unknown', () => {
    expect(() => createRepresentation('transformer', context)).toThrow(
      /^createRepresentation: name must be a registered representation \(.*pooling.*cnn.*mixture.*\); got "transformer"\./,
    );
  });

  it('registers a plugin, refuses to replace it silently, and replaces on request', () => {
    const name = `test-plugin-${backend}`;
    registerRepresentation(name, (ctx, options) => new PoolingRepresentation(ctx, options));
    expect(listRepresentations()).toContain(name);
    const plugin = createRepresentation(name, context);
    const { final } = plugin.encode(idTensor([[1, 2]]));
    expect(final.shape).toEqual([1, 2]);
    tf.dispose(final);

    const replacement = (ctx: RepresentationContext) => new CnnRepresentation(ctx);
    expect(() => registerRepresentation(name, replacement)).toThrow(
      `registerRepresentation: name must not be registered already; got "${name}". ` +
        'Hint: pass { replace: true } to replace it.',
    );
    expect(() => registerRepresentation('pooling', replacement)).toThrow(/already/);
    registerRepresentation(name, replacement, { replace: true });
    const replaced = createRepresentation(name, context);
    expect(replaced).toBeInstanceOf(CnnRepresentation);
    replaced.dispose();
  });

  it('rejects bad names and factories', () => {
    expect(() =>
      registerRepresentation('My Net', () => new PoolingRepresentation(context)),
    ).toThrow(
      'registerRepresentation: name must be a lower-case identifier (a-z, 0-9, ., _, -, /, @); ' +
        'got "My Net".',
    );
    expect(() => registerRepresentation('net', 'pooling' as never)).toThrow(
      'registerRepresentation: factory must be a function; got "pooling".',
    );
  });
});
