import type { RawId } from '@seqrec/interactions';

const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const ZERO = 48;
const NINE = 57;
const SPACE = 32;
const TAB = 9;

// Up to 15 decimal digits fit a double exactly, and so does 10^k for k ≤ 22: the quotient of
// two exact doubles is correctly rounded, so the fast path below equals Number(text).
const MAX_FAST_DIGITS = 15;
const POW10 = Array.from({ length: MAX_FAST_DIGITS + 1 }, (_, k) => 10 ** k);
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * Splits a line into fields, reusing its buffers: field `k` is `bytes[starts[k], ends[k])`.
 *
 * @internal
 */
export class FieldSplitter {
  starts = new Int32Array(16);
  ends = new Int32Array(16);

  /** Splits on every occurrence of `separator` (one or more bytes); returns the field count. */
  splitOn(bytes: Buffer, start: number, end: number, separator: Uint8Array): number {
    const first = separator[0] as number;
    const width = separator.length;
    let count = 0;
    let from = start;
    if (width === 1) {
      for (let i = start; i < end; i++) {
        if (bytes[i] === first) {
          count = this.#push(count, from, i);
          from = i + 1;
        }
      }
      return this.#push(count, from, end);
    }
    for (let i = start; i <= end - width; i++) {
      if (bytes[i] === first && matches(bytes, i, separator)) {
        count = this.#push(count, from, i);
        from = i + width;
        i = from - 1;
      }
    }
    return this.#push(count, from, end);
  }

  /** Splits on runs of spaces and tabs, ignoring them at both ends; returns the field count. */
  splitWhitespace(bytes: Buffer, start: number, end: number): number {
    let count = 0;
    let i = start;
    while (i < end) {
      while (i < end && isBlank(bytes[i] as number)) i++;
      if (i === end) break;
      const from = i;
      while (i < end && !isBlank(bytes[i] as number)) i++;
      count = this.#push(count, from, i);
    }
    return count;
  }

  #push(count: number, from: number, to: number): number {
    if (count === this.starts.length) {
      const starts = new Int32Array(count * 2);
      const ends = new Int32Array(count * 2);
      starts.set(this.starts);
      ends.set(this.ends);
      this.starts = starts;
      this.ends = ends;
    }
    this.starts[count] = from;
    this.ends[count] = to;
    return count + 1;
  }
}

/**
 * Parses a plain decimal number (`12`, `-3.5`, `.5`, `1e9`), or returns NaN for anything else,
 * including empty text, surrounding spaces, `Infinity` and hexadecimal.
 *
 * @internal
 */
export function parseNumber(bytes: Buffer, start: number, end: number): number {
  let i = start;
  const sign = bytes[i];
  if (sign === MINUS || sign === PLUS) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let dot = false;
  for (; i < end; i++) {
    const c = bytes[i] as number;
    if (c >= ZERO && c <= NINE) {
      mantissa = mantissa * 10 + (c - ZERO);
      digits++;
      if (dot) scale++;
    } else if (c === DOT && !dot) {
      dot = true;
    } else {
      break;
    }
  }
  if (i === end && digits > 0 && digits <= MAX_FAST_DIGITS) {
    const value = mantissa / (POW10[scale] as number);
    return sign === MINUS ? -value : value;
  }
  return parseNumberText(bytes.toString('latin1', start, end));
}

/**
 * Parses text the way {@link parseNumber} parses bytes: a plain decimal number, else NaN.
 *
 * @internal
 */
export function parseNumberText(text: string): number {
  if (!DECIMAL.test(text)) return Number.NaN;
  const value = Number(text);
  return Number.isFinite(value) ? value : Number.NaN;
}

/**
 * Parses a non-negative integer written with digits only (leading zeros allowed), or returns
 * -1 when the text is anything else or above `Number.MAX_SAFE_INTEGER`.
 *
 * @internal
 */
export function parseNonNegativeInteger(bytes: Buffer, start: number, end: number): number {
  if (start === end) return -1;
  let value = 0;
  for (let i = start; i < end; i++) {
    const c = bytes[i] as number;
    if (c < ZERO || c > NINE) return -1;
    value = value * 10 + (c - ZERO);
  }
  if (end - start <= MAX_FAST_DIGITS) return value;
  const exact = Number(bytes.toString('latin1', start, end));
  return Number.isSafeInteger(exact) ? exact : -1;
}

/**
 * Reads an id the way the generic loaders keep raw ids: an integer in canonical form (no
 * leading zeros, no plus sign, safe) becomes a number, anything else stays text. So `42`
 * and `-7` are numbers while `007`, `4.0` and `B00X` are strings.
 *
 * @internal
 */
export function parseRawId(bytes: Buffer, start: number, end: number): RawId {
  const negative = bytes[start] === MINUS;
  const first = negative ? start + 1 : start;
  const digits = end - first;
  const canonical = digits > 0 && (bytes[first] !== ZERO || (digits === 1 && !negative));
  if (canonical) {
    const value = parseNonNegativeInteger(bytes, first, end);
    if (value >= 0) return negative ? -value : value;
  }
  return bytes.toString('utf8', start, end);
}

const CANONICAL_INTEGER = /^-?(?:0|[1-9]\d*)$/;

/**
 * Reads text the way {@link parseRawId} reads bytes: canonical safe integers become numbers.
 *
 * @internal
 */
export function rawIdFromText(text: string): RawId {
  if (CANONICAL_INTEGER.test(text) && text !== '-0') {
    const value = Number(text);
    if (Number.isSafeInteger(value)) return value;
  }
  return text;
}

/** The text of `bytes[start, end)`, decoded as UTF-8. @internal */
export function textOf(bytes: Buffer, start: number, end: number): string {
  return bytes.toString('utf8', start, end);
}

function matches(bytes: Buffer, at: number, separator: Uint8Array): boolean {
  for (let k = 1; k < separator.length; k++) {
    if (bytes[at + k] !== separator[k]) return false;
  }
  return true;
}

function isBlank(c: number): boolean {
  return c === SPACE || c === TAB;
}
