import { describeValue } from '@seqrec/interactions';
import {
  activeSequenceKernels,
  useSequenceKernels,
  type SequenceKernels,
} from '@seqrec/representations';

import type * as NativePackage from '@seqrec/native';

import { KERNELS_ENV_VAR, KERNELS_NAMES, type KernelsChoice } from '../kernels-choice.js';

type NativeModule = typeof NativePackage;

/** The kernels in use, and why faster ones were passed over. */
export interface KernelsSelection {
  readonly kernels: SequenceKernels;
  readonly skipped: readonly { readonly name: string; readonly reason: string }[];
}

// The addon is loaded once per process; a failure is remembered too, so that 'auto' does not
// retry it for every model of a search.
let native: Promise<SequenceKernels> | undefined;

// A variable, not a literal: bundlers then leave the optional, Node-only package out of a
// browser bundle instead of pulling in its node: imports.
const NATIVE_PACKAGE = '@seqrec/native';

function loadNative(): Promise<SequenceKernels> {
  native ??= (async () => {
    if (globalThis.process?.versions?.node === undefined) {
      throw new Error(`${NATIVE_PACKAGE} runs in Node only.`);
    }
    const { loadNativeKernels } = (await import(NATIVE_PACKAGE)) as NativeModule;
    return loadNativeKernels();
  })();
  return native;
}

/**
 * Resolves `choice` (else `SEQREC_KERNELS`, else `'auto'`) for the active tfjs backend and
 * makes it the process's sequence kernels.
 *
 * @throws RangeError naming `kernels` or `SEQREC_KERNELS` when the choice is not known.
 * @throws Error when `'native'` was asked for and does not load, with the reason.
 * @internal
 */
export async function selectKernels(
  api: string,
  choice: KernelsChoice | undefined,
  backendName: string,
): Promise<KernelsSelection> {
  const fromEnv = globalThis.process?.env[KERNELS_ENV_VAR];
  const resolved = choice ?? (fromEnv === undefined || fromEnv === '' ? 'auto' : fromEnv);
  if (resolved !== 'auto' && !(KERNELS_NAMES as readonly string[]).includes(resolved)) {
    const source = choice === undefined ? KERNELS_ENV_VAR : 'kernels';
    throw new RangeError(
      `${api}: ${source} must be one of auto, ${KERNELS_NAMES.join(', ')}; ` +
        `got ${describeValue(resolved)}.`,
    );
  }
  const skipped: { name: string; reason: string }[] = [];
  let name = resolved;
  if (resolved === 'auto') {
    // TensorFlow's own kernels want whole tfjs ops, not values read back per step.
    name = backendName === 'tensorflow' ? 'plain' : 'native';
  }
  if (name === 'native') {
    try {
      const kernels = await loadNative();
      useSequenceKernels(kernels);
      return { kernels, skipped };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // A setting of the user's that is wrong (SEQREC_NATIVE_THREADS) is an error under 'auto'
      // too: falling back would hide it behind a run several times slower.
      if (resolved === 'native' || error instanceof RangeError) {
        throw new Error(`${api}: the native kernels could not be loaded: ${reason}`, {
          cause: error,
        });
      }
      skipped.push({ name: 'native', reason });
      name = 'host';
    }
  }
  useSequenceKernels(name as 'host' | 'plain');
  return { kernels: activeSequenceKernels(), skipped };
}
