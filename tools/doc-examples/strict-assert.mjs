// Preloaded into every example process (`node --import`): Node's `console.assert` only
// prints "Assertion failed" and carries on, so a failed check in an example would pass
// unnoticed. Here it throws instead, which fails the process and so the example's test.
console.assert = (condition, ...data) => {
  if (condition) return;
  const detail = data.length > 0 ? `: ${data.map(String).join(' ')}` : '';
  throw new Error(`console.assert failed${detail}`);
};
