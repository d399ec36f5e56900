import { KERNELS_ENV_VAR, KERNELS_NAMES, type KernelsChoice } from '@seqrec/models';
import { Option } from 'commander';

import { UsageError, type CliIO } from './cli-io.js';

const CHOICES: readonly string[] = ['auto', ...KERNELS_NAMES];

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
