import { describe, expect, it } from 'vitest';

import { choice, loguniform, qloguniform, quniform, randint, uniform } from './distribution.js';
import { formatSearchSpace } from './format-search-space.js';
import { parseSearchSpace } from './parse-search-space.js';

const SPACE_FILE = `{
  "batch_size": {"quniform": [64, 256, 16]},
  "learning_rate": {"loguniform": [-6, -3]},
  "l2": {"loguniform": [-25, -9]},
  "n_iter": {"quniform": [20, 50, 5]},
  "embedding_dim": {"quniform": [16, 128, 8]},
  "loss": {"choice": ["adaptive-hinge", "bpr"]}
}`;

describe('parseSearchSpace', () => {
  it('reads the space file format', () => {
    const space = parseSearchSpace(JSON.parse(SPACE_FILE));
    expect(Object.keys(space)).toEqual([
      'batch_size',
      'learning_rate',
      'l2',
      'n_iter',
      'embedding_dim',
      'loss',
    ]);
    expect(space['batch_size']).toEqual({ kind: 'quniform', low: 64, high: 256, q: 16 });
    expect(space['learning_rate']).toEqual({ kind: 'loguniform', low: -6, high: -3 });
    expect(space['loss']).toEqual({ kind: 'choice', options: ['adaptive-hinge', 'bpr'] });
    expect(Object.isFrozen(space)).toBe(true);
  });

  it('round-trips through formatSearchSpace', () => {
    const json = JSON.parse(SPACE_FILE) as unknown;
    expect(formatSearchSpace(parseSearchSpace(json))).toEqual(json);
    const all = {
      a: choice([1, true, 'x']),
      b: uniform(0, 1),
      c: qloguniform(0, 3, 2),
      d: randint(-2, 5),
    };
    expect(parseSearchSpace(formatSearchSpace(all))).toEqual(all);
  });

  it('names the parameter whose distribution is not one object of a known kind', () => {
    const message =
      'parseSearchSpace: l2 must be {"<distribution>": [args]} with one of choice, uniform, ' +
      'loguniform, quniform, qloguniform, randint; got {"lognormal":[-25,-9]}.';
    expect(() => parseSearchSpace({ l2: { lognormal: [-25, -9] } })).toThrow(
      new TypeError(message),
    );
    expect(() => parseSearchSpace({ l2: { uniform: [0, 1], choice: [1] } })).toThrow(
      /l2 must be \{"<distribution>": \[args\]\}.*got \{"uniform":\[0,1\],"choice":\[1\]\}\.$/,
    );
    expect(() => parseSearchSpace({ l2: { uniform: 3 } })).toThrow(/got \{"uniform":3\}\.$/);
    expect(() => parseSearchSpace({ l2: [0, 1] })).toThrow(/l2 must be .* got array\(2\)\.$/);
  });

  it('rejects what is not a space', () => {
    expect(() => parseSearchSpace([])).toThrow(
      'parseSearchSpace: the search space must be an object of ' +
        '{"<name>": {"<distribution>": [args]}}; got array(0).',
    );
    expect(() => parseSearchSpace({})).toThrow(
      'parseSearchSpace: the search space must have at least one parameter; got {}.',
    );
  });

  it('checks the arguments, naming parameter and field', () => {
    expect(() => parseSearchSpace({ batch_size: { quniform: [64, 256] } })).toThrow(
      new RangeError(
        'parseSearchSpace: batch_size must be {"quniform": [low, high, q]}; ' +
          'got {"quniform":[64,256]}.',
      ),
    );
    expect(() => parseSearchSpace({ lr: { loguniform: [-3, -6] } })).toThrow(
      'parseSearchSpace: lr.high must be above lr.low (-3); got -6.',
    );
    expect(() => parseSearchSpace({ lr: { uniform: ['0', 1] } })).toThrow(
      'parseSearchSpace: lr.low must be a finite number; got "0".',
    );
    expect(() => parseSearchSpace({ n: { quniform: [20, 50, 0] } })).toThrow(
      'parseSearchSpace: n.q must be positive; got 0.',
    );
    expect(() => parseSearchSpace({ n: { randint: [0, 2.5] } })).toThrow(
      'parseSearchSpace: n.high must be an integer; got 2.5.',
    );
    expect(() => parseSearchSpace({ loss: { choice: [] } })).toThrow(
      'parseSearchSpace: loss.options must not be empty; got [].',
    );
    expect(() => parseSearchSpace({ loss: { choice: ['bpr', 'bpr'] } })).toThrow(
      'parseSearchSpace: loss.options must hold each value once; got "bpr" twice.',
    );
    expect(() => parseSearchSpace({ loss: { choice: [null] } })).toThrow(
      'parseSearchSpace: loss.options[0] must be a string, number or boolean; got null.',
    );
  });
});

describe('builders', () => {
  it('build frozen distributions', () => {
    expect(quniform(64, 256, 16)).toEqual({ kind: 'quniform', low: 64, high: 256, q: 16 });
    expect(Object.isFrozen(choice(['a']))).toBe(true);
  });

  it('reject bad bounds with the builder name', () => {
    expect(() => uniform(1, 1)).toThrow(
      new RangeError('uniform: high must be above low (1); got 1.'),
    );
    expect(() => loguniform(0, Infinity)).toThrow(
      'loguniform: high must be a finite number; got Infinity.',
    );
    expect(() => randint(0.5, 3)).toThrow('randint: low must be an integer; got 0.5.');
    expect(() => quniform(1, 2, 5)).toThrow('quniform: q must have a multiple in [1, 2]; got 5.');
    expect(() => qloguniform(0, 1, 5)).toThrow(
      /^qloguniform: q must have a multiple in \[1, 2\.718\d*\]; got 5\.$/,
    );
    expect(() => choice('ab' as unknown as string[])).toThrow(
      new TypeError('choice: options must be an array; got "ab".'),
    );
  });
});
