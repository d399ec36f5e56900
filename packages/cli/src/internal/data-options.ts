import { InvalidArgumentError, Option, type Command } from 'commander';

/** Parses a positive integer option, or throws commander's usage error. */
export function positiveInt(name: string): (value: string) => number {
  return wholeNumber(name, 1, 'a positive integer');
}

/** Parses an integer option that may be zero, or throws commander's usage error. */
export function nonNegativeInt(name: string): (value: string) => number {
  return wholeNumber(name, 0, 'an integer ≥ 0');
}

function wholeNumber(name: string, min: number, rule: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) {
      throw new InvalidArgumentError(`${name} must be ${rule}; got "${value}".`);
    }
    return n;
  };
}

/** Parses an integer option (seed). */
export function integer(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (!/^-?\d+$/.test(value) || !Number.isSafeInteger(n)) {
      throw new InvalidArgumentError(
        `${name} must be a safe integer (|n| < 2^53); got "${value}".`,
      );
    }
    return n;
  };
}

/** Parses a finite positive number option. */
export function positiveNumber(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (
      !/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ||
      !(n > 0) ||
      !Number.isFinite(n)
    ) {
      throw new InvalidArgumentError(`${name} must be a finite number > 0; got "${value}".`);
    }
    return n;
  };
}

/** Parses a finite non-negative number option. */
export function nonNegative(name: string): (value: string) => number {
  return (value: string) => {
    const n = Number(value);
    if (
      !/^[+]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value.trim()) ||
      !Number.isFinite(n) ||
      n < 0
    ) {
      throw new InvalidArgumentError(`${name} must be a finite number ≥ 0; got "${value}".`);
    }
    return n;
  };
}

/** The options every data-reading command shares. */
export interface DataOptions {
  readonly data?: string;
  readonly format?: string;
  readonly delimiter?: string;
  readonly header?: boolean;
  readonly userColumn?: string;
  readonly itemColumn?: string;
  readonly timestampColumn?: string;
  readonly ratingColumn?: string;
  readonly skipInvalid?: boolean;
  readonly maxLength: number;
  readonly minLength: number;
  readonly step?: number | undefined;
  readonly seed: number;
  readonly json?: boolean;
  readonly quiet?: boolean;
}

/** Adds the data, windowing, split and output options to a command. */
export function addDataOptions(
  command: Command,
  formats: readonly string[],
  seed: { readonly default: number; readonly help: string } = {
    default: 42,
    help: 'seed of the user split',
  },
): Command {
  return command
    .option('--data <path>', 'interaction file to load (default: the built-in synthetic data set)')
    .addOption(new Option('--format <format>', 'file format').choices(formats))
    .option('--delimiter <char>', 'csv format: field separator', ',')
    .option('--header', 'csv format: the first line names the columns')
    .option('--user-column <col>', 'csv format: user column (index from 0, or header name)')
    .option('--item-column <col>', 'csv format: item column')
    .option('--timestamp-column <col>', 'csv format: timestamp column')
    .option('--rating-column <col>', 'csv format: rating column')
    .option('--skip-invalid', 'skip bad lines (and report how many) instead of failing')
    .option('--max-length <n>', 'window length', positiveInt('--max-length'), 100)
    .option('--min-length <n>', 'shortest window kept', positiveInt('--min-length'), 20)
    .option('--step <n>', 'step between windows (default: --max-length)', positiveInt('--step'))
    .option('--seed <n>', seed.help, integer('--seed'), seed.default)
    .option('--json', 'print one JSON object instead of text')
    .option('--quiet', 'print only the result');
}
