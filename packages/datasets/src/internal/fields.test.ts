import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  FieldSplitter,
  parseNonNegativeInteger,
  parseNumber,
  parseNumberText,
  parseRawId,
  rawIdFromText,
} from './fields.js';

const bytes = (text: string): Buffer => Buffer.from(text, 'utf8');
const number = (text: string): number => parseNumber(bytes(text), 0, bytes(text).length);

describe('parseNumber', () => {
  it('reads plain decimals exactly as Number does', () => {
    for (const text of ['0', '5', '4.5', '0.5', '-3.25', '+2', '.5', '1.', '964982703', '1e9']) {
      expect(number(text)).toBe(Number(text));
    }
  });

  it('matches Number on any decimal it accepts (fast path and fallback)', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (value) => {
        const text = String(value);
        expect(number(text)).toBe(Number(text));
      }),
    );
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 20 }), (mantissa, scale) => {
        const text = `${String(Math.floor(mantissa / 10 ** scale))}.${String(mantissa).slice(-scale)}`;
        expect(number(text)).toBe(Number(text));
      }),
    );
  });

  it('returns NaN for anything that is not a plain decimal', () => {
    for (const text of ['', ' ', 'abc', '1,5', ' 4', '4 ', '0x10', 'Infinity', '1e999', '.', '-']) {
      expect(number(text)).toBeNaN();
      expect(parseNumberText(text)).toBeNaN();
    }
  });
});

describe('parseNonNegativeInteger', () => {
  const parse = (text: string): number => parseNonNegativeInteger(bytes(text), 0, text.length);

  it('reads digits, leading zeros included, up to the largest safe integer', () => {
    expect(parse('0')).toBe(0);
    expect(parse('007')).toBe(7);
    expect(parse('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
  });

  it('returns -1 for signs, decimals, text, empty and unsafe values', () => {
    for (const text of ['', '-1', '+1', '1.0', '1e3', 'x', '9007199254740993']) {
      expect(parse(text)).toBe(-1);
    }
  });
});

describe('parseRawId and rawIdFromText', () => {
  const cases: [string, number | string][] = [
    ['42', 42],
    ['0', 0],
    ['-7', -7],
    ['007', '007'],
    ['-0', '-0'],
    ['+4', '+4'],
    ['4.0', '4.0'],
    ['B00X', 'B00X'],
    ['ünï', 'ünï'],
    ['99999999999999999999', '99999999999999999999'],
  ];

  it('keeps canonical integers as numbers and everything else as text', () => {
    for (const [text, expected] of cases) {
      expect(parseRawId(bytes(text), 0, bytes(text).length)).toBe(expected);
      expect(rawIdFromText(text)).toBe(expected);
    }
  });
});

describe('FieldSplitter', () => {
  it('splits on one or several separator bytes, keeping empty fields', () => {
    const splitter = new FieldSplitter();
    const line = bytes('1::2::::3');
    const count = splitter.splitOn(line, 0, line.length, bytes('::'));
    const fields = Array.from({ length: count }, (_, k) =>
      line.toString('utf8', splitter.starts[k], splitter.ends[k]),
    );
    expect(fields).toEqual(['1', '2', '', '3']);
  });

  it('splits on whitespace runs and grows past 16 fields', () => {
    const splitter = new FieldSplitter();
    const text = ` 1\t ${Array.from({ length: 40 }, (_, k) => String(k)).join('  ')} \t`;
    const line = bytes(text);
    expect(splitter.splitWhitespace(line, 0, line.length)).toBe(41);
    expect(line.toString('utf8', splitter.starts[40], splitter.ends[40])).toBe('39');
  });
});
