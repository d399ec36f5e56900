import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

import type { NativeInfo } from '../native-info.js';

type Buffer = Float32Array;
type Maybe = Float32Array | null;

/**
 * The addon's functions. Every buffer is a caller-owned Float32Array of exactly the length the
 * shapes give (the addon checks), time-major; see csrc/kernels.h for each layout.
 *
 * @internal
 */
export interface NativeAddon {
  lstmForward(
    ...args: [number, number, number, number, Buffer, Buffer, Buffer, Buffer, ...Buffer[]]
  ): void;
  lstmBackward(...args: [number, number, number, number, ...Maybe[]]): void;
  mlstmForward(...args: [number, number, number, number, ...Maybe[]]): void;
  mlstmBackward(...args: [number, number, number, number, ...Maybe[]]): void;
  gruForward(...args: [number, number, number, number, ...Buffer[]]): void;
  gruBackward(...args: [number, number, number, number, ...Buffer[]]): void;
  sampledLoss(
    ...args: [number, number, number, number, number, Buffer, Int32Array, Int32Array, ...Buffer[]]
  ): number;
  setThreads(threads: number): void;
  describe(): NativeInfo;
}

/** Where the install script puts the addon, from this file in src/internal/ or dist/internal/. */
const ADDON_URL = new URL('../../build/seqrec_native.node', import.meta.url);

let loaded: NativeAddon | undefined;

/**
 * Loads the addon the install script built, once per process.
 *
 * @throws Error saying why it is not there or does not load, with what to do about it.
 * @internal
 */
export function loadAddon(): NativeAddon {
  if (loaded !== undefined) return loaded;
  const path = fileURLToPath(ADDON_URL);
  if (!existsSync(path)) {
    throw new Error(
      `@seqrec/native: the addon was not built (${path} is missing). Hint: install a C ` +
        "compiler and Debian's libopenblas-dev, then run `pnpm rebuild @seqrec/native` (or " +
        '`npm rebuild @seqrec/native`; the install prints why it skipped the build).',
    );
  }
  try {
    loaded = createRequire(import.meta.url)(path) as NativeAddon;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `@seqrec/native: the addon at ${path} does not load: ${reason}. Hint: rebuild it on ` +
        'this machine with `pnpm rebuild @seqrec/native` (or `npm rebuild @seqrec/native`).',
      { cause: error },
    );
  }
  return loaded;
}
