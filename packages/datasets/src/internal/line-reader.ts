import { createReadStream } from 'node:fs';

/**
 * Receives one line: `bytes[start, end)` without its line break (`\n` or `\r\n`), and its
 * 1-based line number. The bytes are only valid during the call.
 *
 * @internal
 */
export type LineVisitor = (bytes: Buffer, start: number, end: number, line: number) => void;

/** @internal */
export interface ForEachLineOptions {
  /** Name of the public function, for error messages. */
  readonly api: string;
  /** Called with the number of lines read every {@link PROGRESS_EVERY} lines and at the end. */
  readonly onProgress?: ((linesRead: number) => void) | undefined;
  /** Bytes per read (default 1 MiB); tests make it tiny to exercise chunk boundaries. */
  readonly chunkSize?: number;
}

/** Lines between two progress calls: often enough for a bar, rare enough to cost nothing. */
export const PROGRESS_EVERY = 1 << 16;

const NEWLINE = 10;
const CARRIAGE_RETURN = 13;

/**
 * Streams a file and calls `visit` once per line, working on the raw bytes so that no line
 * becomes a string unless the visitor asks for it. A UTF-8 byte order mark is dropped; a last
 * line without a line break still counts.
 *
 * @returns The number of lines read.
 * @throws Error naming the file if it cannot be read; errors thrown by `visit` pass through.
 * @internal
 */
export async function forEachLine(
  path: string,
  visit: LineVisitor,
  options: ForEachLineOptions,
): Promise<number> {
  const { onProgress } = options;
  let line = 0;
  // The start of a line whose end is in a later chunk, in pieces, joined once it is complete.
  let pending: Buffer[] = [];

  const emit = (bytes: Buffer, start: number, end: number): void => {
    line++;
    let from = start;
    if (
      line === 1 &&
      bytes[from] === 0xef &&
      bytes[from + 1] === 0xbb &&
      bytes[from + 2] === 0xbf
    ) {
      from += 3;
    }
    visit(bytes, from, end > from && bytes[end - 1] === CARRIAGE_RETURN ? end - 1 : end, line);
    if (onProgress && line % PROGRESS_EVERY === 0) onProgress(line);
  };

  const stream = createReadStream(path, { highWaterMark: options.chunkSize ?? 1 << 20 });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let pos = 0;
      if (pending.length > 0) {
        const newline = chunk.indexOf(NEWLINE);
        if (newline < 0) {
          pending.push(chunk);
          continue;
        }
        pending.push(chunk.subarray(0, newline));
        const joined = Buffer.concat(pending);
        pending = [];
        emit(joined, 0, joined.length);
        pos = newline + 1;
      }
      for (let newline = chunk.indexOf(NEWLINE, pos); newline >= 0;) {
        emit(chunk, pos, newline);
        pos = newline + 1;
        newline = chunk.indexOf(NEWLINE, pos);
      }
      if (pos < chunk.length) pending.push(chunk.subarray(pos));
    }
  } catch (error) {
    if (isSystemError(error)) {
      throw new Error(`${options.api}: cannot read ${path}: ${error.message}.`, { cause: error });
    }
    throw error;
  } finally {
    stream.destroy();
  }

  if (pending.length > 0) {
    const last = Buffer.concat(pending);
    emit(last, 0, last.length);
  }
  if (onProgress && (line === 0 || line % PROGRESS_EVERY !== 0)) onProgress(line);
  return line;
}

function isSystemError(error: unknown): error is NodeJS.ErrnoException {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';
}
