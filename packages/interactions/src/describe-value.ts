/**
 * Renders a value for an error message the way every seqrec package does: short and
 * unambiguous, never the whole of a large array.
 *
 * @example
 * ```ts
 * import { describeValue } from '@seqrec/interactions';
 *
 * console.assert(describeValue(new Int32Array(4)) === 'Int32Array(4)');
 * ```
 */
export function describeValue(value: unknown): string {
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  }
  if (typeof value === 'bigint') return `${value}n`;
  if (ArrayBuffer.isView(value) && 'length' in value) {
    return `${value.constructor.name}(${String(value.length)})`;
  }
  if (Array.isArray(value)) return `array(${String(value.length)})`;
  if (value === null || typeof value !== 'object') return String(value);
  try {
    const text = JSON.stringify(value);
    return text.length > 60 ? `${text.slice(0, 57)}...` : text;
  } catch {
    return Object.prototype.toString.call(value);
  }
}
