// Finds the code of `@example` tags in the raw text of one `/** ... */` comment. The text is
// scanned line by line rather than through TypeScript's JSDoc tags because those lose the
// line numbers and, inside code fences, the indentation the runner and its reports need.

/** One fenced ```ts block of an `@example` tag. */
export interface ExampleBlock {
  /** The code, comment stars removed. */
  readonly code: string;
  /** 1-based line, in the source file, of the block's first code line. */
  readonly line: number;
  /** The reason given by a `// doc-example: not run (<reason>)` line, if any. */
  readonly notRun?: string;
}

/** What one comment holds: its runnable blocks and anything malformed. */
export interface CommentExamples {
  readonly blocks: readonly ExampleBlock[];
  /** Human-readable problems, each naming its line. */
  readonly problems: readonly string[];
}

/**
 * The opt-out line an example carries when it truly cannot run in the tests, e.g.
 * `// doc-example: not run (downloads 1 GB)`. The reason in parentheses is required.
 */
export const NOT_RUN_PATTERN = /^\s*\/\/\s*doc-example:\s*not run \((.+)\)\s*$/;

const FENCE_OPEN = /^\s*```\s*(\S*)\s*$/;
const FENCE_CLOSE = /^\s*```\s*$/;
const TAG = /^\s*@(\w+)/;
const RUNNABLE_LANGUAGES = new Set(['ts', 'typescript']);

interface OpenFence {
  readonly runnable: boolean;
  readonly line: number;
  readonly lines: string[];
}

/**
 * The `@example` code blocks of one doc comment.
 *
 * @param comment - The comment's text from `/**` to `*\/`.
 * @param firstLine - The 1-based source line the comment starts on.
 */
export function parseExampleBlocks(comment: string, firstLine: number): CommentExamples {
  const blocks: ExampleBlock[] = [];
  const problems: string[] = [];
  let inExample = false;
  let exampleLine = 0;
  let blocksInTag = 0;
  let fence: OpenFence | undefined;

  const endTag = (): void => {
    if (inExample && blocksInTag === 0) {
      problems.push(`line ${String(exampleLine)}: @example has no \`\`\`ts code block`);
    }
  };

  const lines = comment.split('\n').map(stripCommentStars);
  lines.forEach((text, index) => {
    const line = firstLine + index;
    if (fence !== undefined) {
      if (!FENCE_CLOSE.test(text)) {
        fence.lines.push(text);
        return;
      }
      if (fence.runnable) {
        blocks.push(closeBlock(fence, problems));
        blocksInTag++;
      }
      fence = undefined;
      return;
    }

    const tag = TAG.exec(text);
    if (tag !== null) {
      endTag();
      inExample = tag[1] === 'example';
      exampleLine = line;
      blocksInTag = 0;
      return;
    }
    const open = FENCE_OPEN.exec(text);
    if (open === null) return;
    const language = open[1] ?? '';
    if (inExample && !RUNNABLE_LANGUAGES.has(language)) {
      problems.push(
        `line ${String(line)}: @example code must be fenced as \`\`\`ts; got "${language}"`,
      );
    }
    fence = { runnable: inExample && RUNNABLE_LANGUAGES.has(language), line: line + 1, lines: [] };
  });

  if (fence !== undefined) {
    problems.push(`line ${String(fence.line - 1)}: code fence is never closed`);
  } else {
    endTag();
  }
  return { blocks, problems };
}

function closeBlock(fence: OpenFence, problems: string[]): ExampleBlock {
  let notRun: string | undefined;
  fence.lines.forEach((text, index) => {
    const match = NOT_RUN_PATTERN.exec(text);
    if (match?.[1] !== undefined) {
      notRun = match[1];
    } else if (/doc-example:/.test(text)) {
      problems.push(
        `line ${String(fence.line + index)}: write the opt-out as ` +
          `"// doc-example: not run (<reason>)"; got "${text.trim()}"`,
      );
    }
  });
  const code = `${fence.lines.join('\n')}\n`;
  return notRun === undefined ? { code, line: fence.line } : { code, line: fence.line, notRun };
}

/** One comment line without the comment's `/**`, `*\/` and leading `* `. */
function stripCommentStars(text: string): string {
  return text
    .replace(/^\s*\/\*\*\s?/, '')
    .replace(/\s*\*\/\s*$/, '')
    .replace(/^\s*\* ?/, '');
}
