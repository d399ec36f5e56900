import { open } from 'node:fs/promises';
import { resolve } from 'node:path';

import { describeValue } from '@seqrec/interactions';

/** A numeric column read from an HDF5 file. @internal */
export type NumericColumn = ArrayLike<number>;

// HDF5 files start with this signature, at offset 0 or after a user block of 512 · 2^k bytes.
const SIGNATURE = Buffer.from([0x89, 0x48, 0x44, 0x46, 0x0d, 0x0a, 0x1a, 0x0a]);
const MAX_USER_BLOCK = 1 << 20;

/**
 * Reads one-dimensional numeric datasets from the root group of an HDF5 file with h5wasm.
 * h5wasm is imported on first use, so loaders that never read HDF5 never load its WebAssembly.
 *
 * @param required - Datasets that must exist.
 * @param optional - Datasets read when present.
 * @returns The columns by name (missing optional ones absent), all of one length.
 * @throws Error naming the file when it is missing, not HDF5, lacks a required dataset, or
 *   holds a dataset that is not a one-dimensional numeric array of the common length.
 * @internal
 */
export async function readHdf5Columns(
  api: string,
  path: string,
  required: readonly string[],
  optional: readonly string[],
): Promise<Map<string, NumericColumn>> {
  await checkSignature(api, path);
  const { default: h5wasm } = await import('h5wasm/node');
  const module = await h5wasm.ready;
  // Without this, HDF5 prints its error stack to stderr and h5wasm returns a dead handle.
  module.activate_throwing_error_handler();
  let file: InstanceType<typeof h5wasm.File> | undefined;
  try {
    file = new h5wasm.File(resolve(path), 'r');
    const keys = file.keys();
    const missing = required.filter((name) => !keys.includes(name));
    if (missing.length > 0) {
      throw new Error(
        `${api}: ${path} must hold the datasets ${required.join(', ')}; ` +
          `got ${keys.length > 0 ? keys.join(', ') : 'none'}.`,
      );
    }
    // Limitation: each dataset is read whole into memory; Spotlight's files fit easily.
    const columns = new Map<string, NumericColumn>();
    for (const name of [...required, ...optional.filter((k) => keys.includes(k))]) {
      columns.set(name, readColumn(api, path, name, file.get(name)));
    }
    checkLengths(api, path, columns);
    return columns;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(`${api}:`)) throw error;
    throw new Error(`${api}: cannot read ${path} as HDF5: ${firstLine(error)}.`, { cause: error });
  } finally {
    file?.close();
    module.deactivate_throwing_error_handler();
  }
}

/**
 * Writes one-dimensional datasets into the root group of a new HDF5 file (replacing any file
 * at `path`), gzip-compressed in chunks like Spotlight's releases.
 *
 * @internal
 */
export async function writeHdf5Columns(
  path: string,
  columns: ReadonlyMap<string, Int32Array | Float32Array | Float64Array>,
): Promise<void> {
  const { default: h5wasm } = await import('h5wasm/node');
  const module = await h5wasm.ready;
  module.activate_throwing_error_handler();
  let file: InstanceType<typeof h5wasm.File> | undefined;
  try {
    file = new h5wasm.File(resolve(path), 'w');
    for (const [name, data] of columns) {
      if (data.length === 0) {
        // HDF5 cannot chunk an empty dataset; there is nothing to compress anyway.
        file.create_dataset({ name, data });
      } else {
        const chunks = [Math.min(data.length, CHUNK)];
        file.create_dataset({ name, data, chunks, compression: 'gzip' });
      }
    }
  } finally {
    file?.close();
    module.deactivate_throwing_error_handler();
  }
}

// Entries per compressed chunk: large enough for good compression, small enough to read fast.
const CHUNK = 1 << 16;

function readColumn(api: string, path: string, name: string, entity: unknown): NumericColumn {
  const dataset = entity as { shape?: unknown; value?: unknown } | null;
  const shape = dataset?.shape;
  const value = dataset?.value;
  if (!Array.isArray(shape) || shape.length !== 1 || !ArrayBuffer.isView(value)) {
    throw new Error(
      `${api}: ${path} dataset ${name} must be a one-dimensional numeric array; ` +
        `got shape ${describeValue(shape)}.`,
    );
  }
  if (value instanceof BigInt64Array || value instanceof BigUint64Array) {
    // Ids and Unix timestamps stored as 64-bit integers fit a double exactly below 2^53.
    return Float64Array.from(value, (v) => Number(v));
  }
  if (value instanceof DataView) {
    throw new Error(`${api}: ${path} dataset ${name} must be numeric; got raw bytes.`);
  }
  return value as unknown as NumericColumn;
}

function checkLengths(api: string, path: string, columns: Map<string, NumericColumn>): void {
  let expected: number | undefined;
  let first = '';
  for (const [name, column] of columns) {
    if (expected === undefined) {
      expected = column.length;
      first = name;
    } else if (column.length !== expected) {
      throw new Error(
        `${api}: ${path} dataset ${name} must have the length of ${first} ` +
          `(${String(expected)}); got ${String(column.length)}.`,
      );
    }
  }
}

async function checkSignature(api: string, path: string): Promise<void> {
  let handle;
  try {
    handle = await open(path, 'r');
  } catch (error) {
    throw new Error(`${api}: cannot read ${path}: ${firstLine(error)}.`, { cause: error });
  }
  try {
    const { size } = await handle.stat();
    const probe = Buffer.alloc(SIGNATURE.length);
    for (
      let offset = 0;
      offset + SIGNATURE.length <= size;
      offset = offset === 0 ? 512 : offset * 2
    ) {
      await handle.read(probe, 0, SIGNATURE.length, offset);
      if (probe.equals(SIGNATURE)) return;
      if (offset >= MAX_USER_BLOCK) break;
    }
    throw new Error(
      `${api}: ${path} must be an HDF5 file; got ${String(size)} bytes without the HDF5 signature.`,
    );
  } finally {
    await handle.close();
  }
}

function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return (text.split('\n')[0] ?? '').replace(/\.$/, '');
}
