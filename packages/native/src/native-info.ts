/**
 * What the addon reports about itself.
 *
 * @example
 * ```ts
 * import type { NativeInfo } from '@seqrec/native';
 *
 * const info: NativeInfo = { threads: 2, cores: 2, blas: 'OpenBLAS 0.3.21', blasCore: 'Zen' };
 * console.assert(info.threads <= info.cores);
 * ```
 */
export interface NativeInfo {
  /** Threads each kernel call runs on. */
  readonly threads: number;
  /** Cores OpenMP sees. */
  readonly cores: number;
  /** OpenBLAS's build description (version and options). */
  readonly blas: string;
  /** The CPU kernel set OpenBLAS chose for this machine. */
  readonly blasCore: string;
}
