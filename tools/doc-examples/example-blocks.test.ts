import { describe, expect, it } from 'vitest';

import { parseExampleBlocks } from './example-blocks.js';

const comment = (...lines: string[]): string =>
  ['/**', ...lines.map((line) => ` * ${line}`.trimEnd()), ' */'].join('\n');

describe('parseExampleBlocks', () => {
  it('returns each ts block of each @example with the source line of its first code line', () => {
    const text = comment(
      'Adds.',
      '',
      '@param a - a number',
      '@example',
      '```ts',
      'const x = 1;',
      '  indented();',
      '```',
      '@example Second one',
      '```typescript',
      'two();',
      '```',
      '@returns the sum',
    );
    // The comment opens on line 10, so its sixth line, the first of code, is line 16.
    const { blocks, problems } = parseExampleBlocks(text, 10);
    expect(problems).toEqual([]);
    expect(blocks).toEqual([
      { code: 'const x = 1;\n  indented();\n', line: 16 },
      { code: 'two();\n', line: 21 },
    ]);
  });

  it('ignores code fences outside @example and lines like tags inside a fence', () => {
    const text = comment(
      '```ts',
      'notAnExample();',
      '```',
      '@example',
      '```ts',
      '@decorator',
      '```',
    );
    expect(parseExampleBlocks(text, 1).blocks.map((block) => block.code)).toEqual(['@decorator\n']);
  });

  it('reads the not-run opt-out and its reason', () => {
    const text = comment(
      '@example',
      '```ts',
      '// doc-example: not run (downloads 1 GB)',
      'x();',
      '```',
    );
    expect(parseExampleBlocks(text, 1).blocks[0]?.notRun).toBe('downloads 1 GB');
  });

  it('reports an @example without code, another language, an open fence and a bad opt-out', () => {
    expect(parseExampleBlocks(comment('@example', 'prose only'), 1).problems).toEqual([
      'line 2: @example has no ```ts code block',
    ]);
    expect(parseExampleBlocks(comment('@example', '```js', 'x();', '```'), 1).problems).toEqual([
      'line 3: @example code must be fenced as ```ts; got "js"',
      'line 2: @example has no ```ts code block',
    ]);
    expect(parseExampleBlocks(comment('@example', '```ts', 'x();'), 1).problems).toEqual([
      'line 3: code fence is never closed',
    ]);
    const skip = comment('@example', '```ts', '// doc-example: skip', '```');
    expect(parseExampleBlocks(skip, 1).problems).toEqual([
      'line 4: write the opt-out as "// doc-example: not run (<reason>)"; got "// doc-example: skip"',
    ]);
  });
});
