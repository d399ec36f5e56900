import { describeValue } from '@seqrec/interactions';

import {
  SAVED_MODEL_FORMAT,
  SAVED_MODEL_VERSION,
  type ModelArtifacts,
  type ModelManifest,
  type SavedTensor,
} from '../saved-model.js';

const API = 'ImplicitSequenceModel.fromArtifacts';

function fail(field: string, rule: string, value: unknown): never {
  throw new Error(`${API}: manifest ${field} must ${rule}; got ${describeValue(value)}.`);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function positiveInt(field: string, value: unknown): void {
  if (!Number.isSafeInteger(value) || (value as number) < 1) {
    fail(field, 'be a positive integer', value);
  }
}

/**
 * Checks the manifest's structure and that its tensors fit in the weights bytes, before any
 * of it is used, so that a damaged or foreign file fails with the field it breaks.
 */
export function checkManifest(artifacts: ModelArtifacts): ModelManifest {
  const { manifest, weights } = artifacts;
  if (!isRecord(manifest)) fail('', 'be an object', manifest);
  if (manifest.format !== SAVED_MODEL_FORMAT) {
    fail('format', `be ${JSON.stringify(SAVED_MODEL_FORMAT)}`, manifest.format);
  }
  if (manifest.formatVersion !== SAVED_MODEL_VERSION) {
    throw new Error(
      `${API}: manifest formatVersion must be ${String(SAVED_MODEL_VERSION)} (the layout this ` +
        `version of @seqrec/models reads); got ${describeValue(manifest.formatVersion)}. ` +
        (typeof manifest.formatVersion === 'number' && manifest.formatVersion > SAVED_MODEL_VERSION
          ? 'Hint: it was written by a newer seqrec; upgrade @seqrec/models.'
          : ''),
    );
  }
  for (const part of ['representation', 'loss'] as const) {
    const value: unknown = manifest[part];
    if (!isRecord(value) || typeof value['name'] !== 'string' || !isRecord(value['options'])) {
      fail(part, 'be { name: string, options: object }', value);
    }
  }
  if (!isRecord(manifest.options)) fail('options', 'be an object', manifest.options);
  positiveInt('numItems', manifest.numItems);
  if (manifest.numItems < 2) fail('numItems', 'be at least 2', manifest.numItems);
  positiveInt('maxLength', manifest.maxLength);
  if (manifest.itemIds !== null) {
    if (!isRecord(manifest.itemIds) || !Array.isArray(manifest.itemIds.rawIds)) {
      fail('itemIds', 'be null or { firstId, rawIds: [...] }', manifest.itemIds);
    }
    const count = manifest.itemIds.rawIds.length + manifest.itemIds.firstId;
    if (count !== manifest.numItems) {
      fail(
        'itemIds',
        `map ids up to numItems (${String(manifest.numItems)})`,
        `${String(count)} ids`,
      );
    }
  }
  const stored: unknown = manifest.weights;
  if (!isRecord(stored) || !Array.isArray(stored['tensors'])) {
    fail('weights', 'be { file, byteLength, tensors: [...] }', stored);
  }
  if (stored['byteLength'] !== weights.byteLength) {
    throw new Error(
      `${API}: the weights file must hold manifest weights.byteLength ` +
        `(${describeValue(stored['byteLength'])}) bytes; got ${String(weights.byteLength)}. ` +
        'Hint: the file is truncated or belongs to another save.',
    );
  }
  for (const tensor of stored['tensors'] as SavedTensor[]) checkTensor(tensor, weights.byteLength);
  return manifest;
}

function checkTensor(tensor: SavedTensor, byteLength: number): void {
  if (!isRecord(tensor) || typeof tensor.name !== 'string') {
    fail('weights.tensors[]', 'be { name, shape, dtype, offset }', tensor);
  }
  const { name, shape, dtype, offset } = tensor;
  if (!Array.isArray(shape) || !shape.every((d) => Number.isSafeInteger(d) && d >= 0)) {
    fail(`weights tensor ${name} shape`, 'be an array of non-negative integers', shape);
  }
  if (dtype !== 'float32' && dtype !== 'int32') {
    fail(`weights tensor ${name} dtype`, 'be float32 or int32', dtype);
  }
  const size = shape.reduce((a, b) => a * b, 1);
  if (!Number.isSafeInteger(offset) || offset < 0 || offset % 4 !== 0) {
    fail(`weights tensor ${name} offset`, 'be a non-negative multiple of 4', offset);
  }
  if (offset + size * 4 > byteLength) {
    fail(
      `weights tensor ${name}`,
      `lie inside the weights file (${String(byteLength)} bytes)`,
      `bytes ${String(offset)}..${String(offset + size * 4)}`,
    );
  }
}
