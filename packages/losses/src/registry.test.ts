import { describe, expect, it } from 'vitest';

import { BprLoss } from './bpr-loss.js';
import { createLoss, listLosses, registerLoss } from './registry.js';

const context = { numItems: 20, numNegatives: 2 };

describe('loss registry', () => {
  it('lists the built-in losses in order and builds each by name', () => {
    const builtIns = [
      'pointwise',
      'bpr',
      'hinge',
      'adaptive-hinge',
      'logistic',
      'bpr-log',
      'sampled-softmax',
      'gbce',
    ];
    expect(listLosses().slice(0, 8)).toEqual(builtIns);
    for (const name of builtIns) expect(createLoss(name, context).name).toBe(name);
  });

  it('passes options through to the loss', () => {
    expect(createLoss('gbce', context, { t: 0 })).toMatchObject({ t: 0, beta: 1 });
    expect(() => createLoss('bpr', context, { margin: 1 })).toThrow(
      'BprLoss: options must have only known keys (none); got "margin".',
    );
    expect(() => createLoss('hinge', { numItems: 20, numNegatives: 0 })).toThrow(
      'HingeLoss: context.numNegatives must be a positive integer; got 0.',
    );
  });

  it('names the losses it knows when asked for another', () => {
    expect(() => createLoss('warp', context)).toThrow(
      'createLoss: name must be a registered loss (pointwise, bpr, hinge, adaptive-hinge, ' +
        'logistic, bpr-log, sampled-softmax, gbce); got "warp". ' +
        'Hint: a plugin registers its own with registerLoss.',
    );
  });

  it('registers plugins and protects existing names', () => {
    registerLoss('plugin/bpr', (c, o) => new BprLoss(c, o));
    expect(listLosses()).toContain('plugin/bpr');
    expect(createLoss('plugin/bpr', context)).toBeInstanceOf(BprLoss);

    expect(() => registerLoss('bpr', (c, o) => new BprLoss(c, o))).toThrow(
      'registerLoss: name must not be registered already; got "bpr". ' +
        'Hint: pass { replace: true } to replace it.',
    );
    registerLoss('plugin/bpr', (c) => new BprLoss(c), { replace: true });
    expect(() => registerLoss('My Loss', (c) => new BprLoss(c))).toThrow(
      'registerLoss: name must be a lower-case identifier (a-z, 0-9, ., _, -, /, @); ' +
        'got "My Loss".',
    );
    expect(() => registerLoss('x', 'bpr' as never)).toThrow(
      'registerLoss: factory must be a function; got "bpr".',
    );
  });
});
