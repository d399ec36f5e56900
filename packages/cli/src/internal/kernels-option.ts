import { KERNELS_ENV_VAR, KERNELS_NAMES, type KernelsChoice } from '@seqrec/models';
import type * as NativePackage from '@seqrec/native';
import { Option } from 'commander';

import { UsageError, type CliIO } from './cli-io.js';

const CHOICES: readonly string[] = ['auto', ...KERNELS_NAMES];

type NativeModule = typeof NativePackage;

/** The `--kernels` option, beside `--backend` on the commands that compute. */
export function kernelsOption(): Option {
  return new Option(
    '--kernels <name>',
    'recurrent-layer kernels: native (C and OpenBLAS, when built), host, plain ' +
      `(default: ${KERNELS_ENV_VAR}, else auto)`,
  ).choices(CHOICES);
}

/**
 * The kernels from `--kernels`, else from SEQREC_KERNELS (empty counts as unset), checked
 * here so a bad environment variable is named as such (exit code 2) before any work.
 */
export function resolveKernelsFlag(flag: string | undefined, io: CliIO): KernelsChoice {
  const fromEnv = io.env[KERNELS_ENV_VAR];
  const value = flag ?? (fromEnv === undefined || fromEnv === '' ? 'auto' : fromEnv);
  if (!CHOICES.includes(value)) {
    throw new UsageError(
      `${KERNELS_ENV_VAR} must be one of ${CHOICES.join(', ')}; got "${value}".`,
    );
  }
  return value as KernelsChoice;
}

// A variable, not a literal, as in @seqrec/models: the optional package is looked up only
// when asked for.
const NATIVE_PACKAGE = '@seqrec/native';

/**
 * Checks, before any work, what would otherwise fail in every model (or every trial of a
 * search, which the trial file would then keep as failed): a `SEQREC_NATIVE_THREADS` that
 * `loadNativeKernels` rejects, under `auto` or `native`, and `--kernels native` on a machine
 * where the addon does not load. Under `auto` a missing addon is no error: the models fall
 * back to the JavaScript kernels.
 *
 * @throws UsageError with `loadNativeKernels`'s message, or naming the flag and the reason.
 * @internal
 */
export async function checkKernels(choice: KernelsChoice, io: CliIO): Promise<void> {
  if (choice !== 'native' && choice !== 'auto') return;
  try {
    const { loadNativeKernels } = (await import(NATIVE_PACKAGE)) as NativeModule;
    loadNativeKernels({ env: io.env });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // A setting of the user's (the thread count) is wrong whichever kernels were asked for.
    if (error instanceof RangeError) throw new UsageError(reason);
    if (choice === 'native') {
      throw new UsageError(`--kernels native: the native kernels could not be loaded: ${reason}`);
    }
  }
}
