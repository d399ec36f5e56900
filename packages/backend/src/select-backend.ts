import * as tf from '@tensorflow/tfjs-core';
import { describeValue } from '@seqrec/interactions';

import {
  BACKEND_ENV_VAR,
  BACKEND_NAMES,
  type BackendChoice,
  type BackendName,
} from './backend-name.js';
import { installWasmMatMulKernel } from './wasm-matmul-kernel.js';
import { installWasmSliceKernel } from './wasm-slice-kernel.js';

/**
 * Options of {@link selectBackend}.
 *
 * @example
 * ```ts
 * import { selectBackend, type SelectBackendOptions } from '@seqrec/backend';
 *
 * // The environment variable decides when no backend option is given.
 * const options: SelectBackendOptions = { env: { SEQREC_BACKEND: 'cpu' } };
 * console.assert((await selectBackend(options)).name === 'cpu');
 * ```
 */
export interface SelectBackendOptions {
  /**
   * The backend to use; `'auto'` (the default) tries `tensorflow`, `wasm`, `cpu` in order.
   * When omitted, the {@link BACKEND_ENV_VAR} environment variable decides.
   */
  readonly backend?: BackendChoice | undefined;
  /**
   * Environment to read {@link BACKEND_ENV_VAR} from (default `process.env`, or none where
   * there is no `process`, as in a browser).
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Loads a module by name; tests replace it. Default: dynamic `import()`. It lets the
   * tfjs-node packages stay optional: they are loaded only when asked for and installed.
   */
  readonly importModule?: (specifier: string) => Promise<unknown>;
}

/**
 * What {@link selectBackend} chose, and why the faster ones were passed over.
 *
 * @example
 * ```ts
 * import { selectBackend, type BackendSelection } from '@seqrec/backend';
 *
 * const selection: BackendSelection = await selectBackend({ backend: 'auto' });
 * // Without tfjs-node installed, auto says why it passed over the tensorflow backend.
 * console.assert(selection.name !== 'wasm' || selection.skipped[0]?.name === 'tensorflow');
 * ```
 */
export interface BackendSelection {
  /** The backend now active in TensorFlow.js. */
  readonly name: BackendName;
  /** Each faster backend that was tried and failed, with the reason. */
  readonly skipped: readonly { readonly name: BackendName; readonly reason: string }[];
}

// Modules that register a backend when imported, per backend, in order of preference.
const MODULES: Record<BackendName, readonly string[]> = {
  tensorflow: ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'],
  wasm: ['@tensorflow/tfjs-backend-wasm'],
  cpu: ['@tensorflow/tfjs-backend-cpu'],
};

/**
 * Activates a TensorFlow.js backend and returns which one.
 *
 * With `'auto'` it tries `tensorflow` (tfjs-node-gpu, then tfjs-node, loaded dynamically
 * because they are optional and their install needs a download that fails on many
 * machines), then `wasm`, then `cpu`. On `wasm` it also installs a faster `BatchMatMul`
 * kernel for transposed operands ({@link installWasmMatMulKernel}) and a `Slice` kernel that
 * reads the heap in place ({@link installWasmSliceKernel}). A named backend must load or this
 * throws. It also silences TensorFlow.js's console banner about tfjs-node by setting its `PROD` flag.
 *
 * @throws RangeError if the option or environment variable names no backend.
 * @throws Error if a named backend fails to load, with the cause attached.
 * @example
 * ```ts
 * import { selectBackend } from '@seqrec/backend';
 *
 * const { name } = await selectBackend({ backend: 'cpu' });
 * console.assert(name === 'cpu');
 * ```
 */
export async function selectBackend(options: SelectBackendOptions = {}): Promise<BackendSelection> {
  const choice = resolveChoice(options);
  const importModule = options.importModule ?? ((specifier: string) => import(specifier));
  tf.env().set('PROD', true);

  const candidates = choice === 'auto' ? BACKEND_NAMES : [choice];
  const skipped: { name: BackendName; reason: string }[] = [];
  for (const name of candidates) {
    try {
      await activate(name, importModule);
      return { name, skipped };
    } catch (error) {
      if (choice !== 'auto') {
        throw new Error(`selectBackend: backend ${describeValue(name)} could not be loaded.`, {
          cause: error,
        });
      }
      skipped.push({ name, reason: error instanceof Error ? error.message : String(error) });
    }
  }
  throw new Error(
    `selectBackend: no backend could be loaded; tried ${skipped.map((s) => s.name).join(', ')}.`,
  );
}

function resolveChoice(options: SelectBackendOptions): BackendChoice {
  const fromEnv = (options.env ?? processEnv())[BACKEND_ENV_VAR];
  const choice = options.backend ?? (fromEnv === undefined || fromEnv === '' ? 'auto' : fromEnv);
  if (choice !== 'auto' && !(BACKEND_NAMES as readonly string[]).includes(choice)) {
    const source = options.backend === undefined ? BACKEND_ENV_VAR : 'backend';
    throw new RangeError(
      `selectBackend: ${source} must be one of auto, ${BACKEND_NAMES.join(', ')}; ` +
        `got ${describeValue(choice)}.`,
    );
  }
  return choice as BackendChoice;
}

// A browser has no `process`; there the variable is simply unset.
function processEnv(): Readonly<Record<string, string | undefined>> {
  const { process } = globalThis as { process?: { env?: Record<string, string | undefined> } };
  return process?.env ?? {};
}

async function activate(
  name: BackendName,
  importModule: (specifier: string) => Promise<unknown>,
): Promise<void> {
  // findBackendFactory answers null, not undefined, for an unknown name.
  if (tf.findBackendFactory(name) == null) {
    const failures: string[] = [];
    for (const specifier of MODULES[name]) {
      try {
        await importModule(specifier);
        break;
      } catch (error) {
        failures.push(`${specifier}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    if (tf.findBackendFactory(name) == null) {
      throw new Error(`no module registered it (${failures.join('; ') || 'not registered'})`);
    }
  }
  if (!(await tf.setBackend(name))) {
    throw new Error(`tf.setBackend(${describeValue(name)}) returned false`);
  }
  await tf.ready();
  if (name === 'wasm') {
    installWasmMatMulKernel();
    installWasmSliceKernel();
  }
}
