/** 12345 → '12,345'. */
export function count(n: number): string {
  return n.toLocaleString('en-US');
}

/** A metric to four significant decimals: 0.012345 → '0.0123'. */
export function metric(x: number): string {
  return Number.isFinite(x) ? x.toFixed(4) : String(x);
}

/** 1 → '1 user', 12345 → '12,345 users'; `many` for irregular plurals. */
export function plural(n: number, noun: string, many = `${noun}s`): string {
  return `${count(n)} ${n === 1 ? noun : many}`;
}
