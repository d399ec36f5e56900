import { BACKEND_NAMES } from '@seqrec/backend';
import { describeValue } from '@seqrec/interactions';
import { listLosses, type Loss } from '@seqrec/losses';
import { listRepresentations } from '@seqrec/representations';

import type {
  ImplicitSequenceModelOptions,
  OptimizerName,
  ResolvedModelOptions,
} from '../model-options.js';
import type { NegativeSampler } from '../samplers/negative-sampler.js';
import { PADDING_MODES } from '../padding-mode.js';
import { SAMPLER_NAMES } from '../samplers/create-sampler.js';
import { KERNELS_NAMES } from '../kernels-choice.js';

const KNOWN = new Set([
  'representation',
  'representationOptions',
  'loss',
  'lossOptions',
  'embeddingDim',
  'nIter',
  'batchSize',
  'l2',
  'learningRate',
  'optimizer',
  'numNegativeSamples',
  'negativeSampler',
  'popularityExponent',
  'seed',
  'padding',
  'backend',
  'kernels',
]);
const OPTIMIZERS: readonly OptimizerName[] = ['adam', 'adagrad', 'rmsprop', 'sgd'];
const API = 'ImplicitSequenceModel';

/** Validates the options once, at construction, and fills in the defaults. */
export function resolveModelOptions(options: ImplicitSequenceModelOptions): ResolvedModelOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`${API}: options must be an object; got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (!KNOWN.has(key)) {
      throw new RangeError(
        `${API}: options must only hold known keys (${[...KNOWN].join(', ')}); got ${describeValue(key)}.`,
      );
    }
  }
  const representation = options.representation ?? 'pooling';
  if (
    !['string', 'function', 'object'].includes(typeof representation) ||
    representation === null
  ) {
    throw new TypeError(
      `${API}: representation must be a name, a factory or an instance; got ${describeValue(representation)}.`,
    );
  }
  // Names are checked now, not when the network is built at the first fit, so that a typo
  // fails before any data is read.
  if (typeof representation === 'string' && !listRepresentations().includes(representation)) {
    throw new RangeError(
      `${API}: representation must be a registered name (${listRepresentations().join(', ')}); ` +
        `got ${describeValue(representation)}.`,
    );
  }
  const loss = options.loss ?? 'pointwise';
  if (typeof loss === 'string' && !listLosses().includes(loss)) {
    throw new RangeError(
      `${API}: loss must be a registered name (${listLosses().join(', ')}); got ${describeValue(loss)}.`,
    );
  }
  if (typeof loss !== 'string' && typeof (loss as Partial<Loss>).compute !== 'function') {
    throw new TypeError(`${API}: loss must be a name or a Loss; got ${describeValue(loss)}.`);
  }
  const sampler = options.negativeSampler ?? 'uniform';
  if (
    typeof sampler !== 'string' &&
    typeof (sampler as Partial<NegativeSampler>).sample !== 'function'
  ) {
    throw new TypeError(
      `${API}: negativeSampler must be a name or a NegativeSampler; got ${describeValue(sampler)}.`,
    );
  }
  if (typeof sampler === 'string' && !(SAMPLER_NAMES as readonly string[]).includes(sampler)) {
    throw new RangeError(
      `${API}: negativeSampler must be one of ${SAMPLER_NAMES.join(', ')}; got ${describeValue(sampler)}.`,
    );
  }
  const optimizer = options.optimizer ?? 'adam';
  if (!OPTIMIZERS.includes(optimizer)) {
    throw new RangeError(
      `${API}: optimizer must be one of ${OPTIMIZERS.join(', ')}; got ${describeValue(optimizer)}.`,
    );
  }
  const padding = options.padding ?? 'trim';
  if (!PADDING_MODES.includes(padding)) {
    throw new RangeError(
      `${API}: padding must be one of ${PADDING_MODES.join(', ')}; got ${describeValue(padding)}.`,
    );
  }
  // Left undefined when not given, so that selectBackend reads SEQREC_BACKEND.
  const backend = options.backend;
  if (
    backend !== undefined &&
    backend !== 'auto' &&
    !(BACKEND_NAMES as readonly string[]).includes(backend)
  ) {
    throw new RangeError(
      `${API}: backend must be one of auto, ${BACKEND_NAMES.join(', ')}; got ${describeValue(backend)}.`,
    );
  }
  // Left undefined when not given, so that SEQREC_KERNELS is read when the model computes.
  const kernels = options.kernels;
  if (kernels !== undefined && kernels !== 'auto' && !KERNELS_NAMES.includes(kernels)) {
    throw new RangeError(
      `${API}: kernels must be one of auto, ${KERNELS_NAMES.join(', ')}; got ${describeValue(kernels)}.`,
    );
  }
  return {
    representation,
    representationOptions: requireRecord('representationOptions', options.representationOptions),
    loss,
    lossOptions: requireRecord('lossOptions', options.lossOptions),
    embeddingDim: requireDim(options.embeddingDim ?? 32),
    nIter: requireInteger('nIter', options.nIter ?? 10, 1),
    batchSize: requireInteger('batchSize', options.batchSize ?? 256, 1),
    l2: requireNumber('l2', options.l2 ?? 0, false),
    learningRate: requireNumber('learningRate', options.learningRate ?? 0.01, true),
    optimizer,
    numNegativeSamples: requireInteger('numNegativeSamples', options.numNegativeSamples ?? 5, 1),
    negativeSampler: sampler,
    popularityExponent: requireNumber(
      'popularityExponent',
      options.popularityExponent ?? 0.75,
      false,
    ),
    seed: requireInteger('seed', options.seed ?? 0, Number.MIN_SAFE_INTEGER),
    padding,
    backend,
    kernels,
  };
}

function requireInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    const rule = min === 1 ? 'a positive integer' : 'an integer';
    throw new RangeError(`${API}: ${name} must be ${rule}; got ${describeValue(value)}.`);
  }
  return value;
}

// The recurrent weights of a dimension d take 4·d² floats (lstm; mlstm more), four times
// that with their gradient and Adam's two moments: 1 GiB at d = 4096, and the wasm backend
// was seen failing at d = 5000 with an error that does not name the option. 2048 leaves a
// wide margin and is far above what sequence recommenders use.
const MAX_DIM = 2048;

function requireDim(value: unknown): number {
  const dim = requireInteger('embeddingDim', value, 1);
  if (dim > MAX_DIM) {
    throw new RangeError(
      `${API}: embeddingDim must be at most ${String(MAX_DIM)}; got ${String(dim)}.`,
    );
  }
  return dim;
}

function requireNumber(name: string, value: unknown, positive: boolean): number {
  const ok =
    typeof value === 'number' && Number.isFinite(value) && (positive ? value > 0 : value >= 0);
  if (!ok) {
    const rule = positive ? 'a finite number > 0' : 'a finite number ≥ 0';
    throw new RangeError(`${API}: ${name} must be ${rule}; got ${describeValue(value)}.`);
  }
  return value as number;
}

function requireRecord(name: string, value: unknown): Readonly<Record<string, unknown>> {
  if (value === undefined) return {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TypeError(`${API}: ${name} must be a plain object; got ${describeValue(value)}.`);
  }
  return value as Record<string, unknown>;
}
