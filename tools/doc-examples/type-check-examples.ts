// Type-checks example files against the package sources under the workspace's strict
// settings: an example can rot without throwing, e.g. a renamed option that is silently
// ignored at run time, and only the compiler sees that.
import ts from 'typescript';

import { compilerOptions } from './compiler-options.js';

/** One compiler error in an example file. */
export interface ExampleTypeError {
  /** 1-based line in the example file, 0 for an error about the file as a whole. */
  readonly line: number;
  readonly message: string;
}

/**
 * The compiler's errors for each of `files`, keyed by path; a file without errors maps to
 * an empty list. The files must lie under `root` so `@seqrec/*` imports resolve from there.
 */
export function typeCheckExamples(
  root: string,
  files: readonly string[],
): Map<string, readonly ExampleTypeError[]> {
  const program = ts.createProgram(files, compilerOptions(root));
  const messages = new Map<string, readonly ExampleTypeError[]>();
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    if (sourceFile === undefined) throw new Error(`The compiler could not read ${file}.`);
    const diagnostics = ts.getPreEmitDiagnostics(program, sourceFile);
    messages.set(file, diagnostics.map(formatDiagnostic));
  }
  return messages;
}

function formatDiagnostic(diagnostic: ts.Diagnostic): ExampleTypeError {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return { line: 0, message };
  const { line } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return { line: line + 1, message };
}
