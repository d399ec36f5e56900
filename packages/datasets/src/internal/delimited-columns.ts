import { describeValue } from '@seqrec/interactions';

import type { DelimitedColumns } from '../loaders/load-delimited.js';

/** The column roles, in the order a builder takes them. @internal */
export const COLUMN_ROLES = ['user', 'item', 'rating', 'timestamp', 'weight'] as const;

/** One column role. @internal */
export type ColumnRole = (typeof COLUMN_ROLES)[number];

/** Column positions by role; -1 for a role the file does not provide. @internal */
export type ColumnIndexes = Readonly<Record<ColumnRole, number>>;

/**
 * Checks the kinds of the `columns` option: each role is a non-negative integer or a
 * non-empty name, names need a header, and no column serves two roles.
 *
 * @throws TypeError or RangeError naming the role and showing the value.
 * @internal
 */
export function checkColumns(api: string, columns: unknown, header: boolean): DelimitedColumns {
  if (typeof columns !== 'object' || columns === null) {
    throw new TypeError(
      `${api}: columns must be an object like { user: 0, item: 1 }; got ${describeValue(columns)}.`,
    );
  }
  const record = columns as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!(COLUMN_ROLES as readonly string[]).includes(key)) {
      throw new RangeError(
        `${api}: columns keys must be among ${COLUMN_ROLES.join(', ')}; got ${describeValue(key)}.`,
      );
    }
  }
  const seen = new Map<number | string, ColumnRole>();
  for (const role of COLUMN_ROLES) {
    const ref = record[role];
    if (ref === undefined && role !== 'user' && role !== 'item') continue;
    const isIndex = typeof ref === 'number' && Number.isSafeInteger(ref) && ref >= 0;
    const isName = typeof ref === 'string' && ref.length > 0;
    if (!isIndex && !isName) {
      throw new TypeError(
        `${api}: columns.${role} must be a column index (integer ≥ 0) or a header name; ` +
          `got ${describeValue(ref)}.`,
      );
    }
    if (isName && !header) {
      throw new RangeError(
        `${api}: columns.${role} must be a column index when header is false; ` +
          `got ${describeValue(ref)}. Hint: set header: true to refer to columns by name.`,
      );
    }
    const key = ref as number | string;
    const other = seen.get(key);
    if (other !== undefined) {
      throw new RangeError(
        `${api}: columns.${role} must differ from columns.${other}; got ${describeValue(key)} twice.`,
      );
    }
    seen.set(key, role);
  }
  return columns as DelimitedColumns;
}

/**
 * Turns column references into positions, looking names up in the header.
 *
 * @returns The positions, or a problem (`<what> must be <rule>; got <value>`) to report
 *   against the header line.
 * @internal
 */
export function resolveColumnIndexes(
  columns: DelimitedColumns,
  header: readonly string[] | undefined,
): ColumnIndexes | string {
  const indexes: Record<ColumnRole, number> = {
    user: -1,
    item: -1,
    rating: -1,
    timestamp: -1,
    weight: -1,
  };
  for (const role of COLUMN_ROLES) {
    const ref = columns[role];
    if (ref === undefined) continue;
    if (typeof ref === 'number') {
      indexes[role] = ref;
      continue;
    }
    const index = (header ?? []).indexOf(ref);
    if (index < 0) {
      return (
        `columns.${role} must name a header column (${(header ?? []).join(', ')}); ` +
        `got ${describeValue(ref)}`
      );
    }
    indexes[role] = index;
  }
  return indexes;
}

/**
 * Checks that every position is below the number of columns a row must have.
 *
 * @returns A problem to report against the first line, or undefined.
 * @internal
 */
export function checkColumnCount(indexes: ColumnIndexes, width: number): string | undefined {
  for (const role of COLUMN_ROLES) {
    if (indexes[role] >= width) {
      return (
        `columns.${role} must be below the number of columns (${String(width)}); ` +
        `got ${String(indexes[role])}`
      );
    }
  }
  return undefined;
}
