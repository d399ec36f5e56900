// Finds every `@example` block in the public sources of packages/* and every exported symbol
// of their `exports` maps, so the test beside this file can run the examples and check that
// no export goes without one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

import ts from 'typescript';

import { parseExampleBlocks } from './example-blocks.js';
import { compilerOptions } from './compiler-options.js';
import { readWorkspacePackages, type WorkspacePackage } from './workspace-packages.js';

/** One runnable `@example` block, named by file and documented declaration. */
export interface DocExample {
  /** `<file> › <name>`, plus ` #2`, ` #3` for further blocks on the same name. */
  readonly id: string;
  /** Repository-relative path with forward slashes. */
  readonly file: string;
  readonly line: number;
  /** The documented declaration: `createLoss`, `ImplicitSequenceModel.fit`, ... */
  readonly name: string;
  readonly code: string;
  readonly notRun?: string;
}

/** One symbol that an entry point exports, and whether its TSDoc has an `@example`. */
export interface ExportedSymbol {
  /** The import specifier of the entry point, e.g. `@seqrec/models`. */
  readonly specifier: string;
  readonly name: string;
  /** Repository-relative file of its first declaration. */
  readonly file: string;
  readonly hasExample: boolean;
}

/** Everything the documentation test checks. */
export interface CollectedDocs {
  readonly packages: readonly WorkspacePackage[];
  readonly examples: readonly DocExample[];
  readonly exports: readonly ExportedSymbol[];
  /** Malformed examples, each `<file>: line <n>: <what>`. */
  readonly problems: readonly string[];
}

/**
 * The examples and exports of every package under `root/packages`.
 *
 * Public files are the non-test `.ts` files under each `src/` outside `internal/` folders,
 * plus any internal file that declares a symbol an entry point exports.
 */
export function collectDocExamples(root: string): CollectedDocs {
  const packages = readWorkspacePackages(root);
  const exported = collectExports(root, packages);
  const publicFiles = new Set<string>();
  for (const pkg of packages) {
    for (const file of walkPublicSources(join(pkg.dir, 'src'))) publicFiles.add(file);
  }
  for (const symbol of exported.declarationFiles) publicFiles.add(symbol);

  const examples: DocExample[] = [];
  const problems: string[] = [];
  for (const file of [...publicFiles].sort()) {
    const found = examplesInFile(root, file);
    examples.push(...found.examples);
    problems.push(...found.problems);
  }
  return { packages, examples, exports: exported.symbols, problems };
}

interface Exports {
  readonly symbols: ExportedSymbol[];
  readonly declarationFiles: Set<string>;
}

/**
 * Resolves each entry point's exports through re-exports to their declarations. One program
 * holds every entry point, so a file shared by several is parsed once.
 */
function collectExports(root: string, packages: readonly WorkspacePackage[]): Exports {
  const entries = packages.flatMap((pkg) => pkg.entries);
  const program = ts.createProgram(
    entries.map((entry) => entry.source),
    compilerOptions(root),
  );
  const checker = program.getTypeChecker();
  const symbols: ExportedSymbol[] = [];
  const declarationFiles = new Set<string>();

  for (const entry of entries) {
    const sourceFile = program.getSourceFile(entry.source);
    if (sourceFile === undefined) throw new Error(`Cannot read entry point ${entry.source}.`);
    // A module with no exports at all (a side-effect import) has no symbol.
    const moduleSymbol = checker.getSymbolAtLocation(sourceFile);
    const exports = moduleSymbol === undefined ? [] : checker.getExportsOfModule(moduleSymbol);
    for (const symbol of exports) {
      const target =
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      const declarations = target.declarations ?? [];
      const first = declarations[0];
      if (first === undefined) throw new Error(`${entry.specifier}: ${symbol.name} has no source.`);
      for (const declaration of declarations) {
        const fileName = declaration.getSourceFile().fileName;
        // Re-exports of third-party symbols are documented by their own packages.
        if (repoPath(root, fileName).startsWith('packages/')) declarationFiles.add(fileName);
      }
      symbols.push({
        specifier: entry.specifier,
        name: symbol.name,
        file: repoPath(root, first.getSourceFile().fileName),
        hasExample: declarations.some((declaration) =>
          ts.getJSDocTags(declaration).some((tag) => tag.tagName.text === 'example'),
        ),
      });
    }
  }
  return { symbols, declarationFiles };
}

const DOCUMENTED_KINDS = new Set([
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.ModuleDeclaration,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.VariableStatement,
]);

interface FileExamples {
  readonly examples: DocExample[];
  readonly problems: string[];
}

/** The examples of one file, found by walking its declarations for doc comments. */
function examplesInFile(root: string, path: string): FileExamples {
  const file = repoPath(root, path);
  const text = readFileSync(path, 'utf8');
  const sourceFile = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const examples: DocExample[] = [];
  const problems: string[] = [];
  const perName = new Map<string, number>();

  const visit = (node: ts.Node): void => {
    if (DOCUMENTED_KINDS.has(node.kind)) {
      for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) {
        // A variable's comment also reaches its declarations; only the statement owns it.
        if (doc.parent !== node) continue;
        const start = doc.getStart(sourceFile);
        const firstLine = sourceFile.getLineAndCharacterOfPosition(start).line + 1;
        const parsed = parseExampleBlocks(text.slice(start, doc.end), firstLine);
        problems.push(...parsed.problems.map((problem) => `${file}: ${problem}`));
        const name = declarationName(node);
        for (const block of parsed.blocks) {
          const count = (perName.get(name) ?? 0) + 1;
          perName.set(name, count);
          const id = `${file} › ${name}${count > 1 ? ` #${String(count)}` : ''}`;
          examples.push({ id, file, name, ...block });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return { examples, problems };
}

/** `Outer.inner` from the names of the declaration and the declarations around it. */
function declarationName(node: ts.Node): string {
  const parts: string[] = [];
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    const name = ownName(current);
    if (name !== undefined) parts.unshift(name);
  }
  return parts.length > 0 ? parts.join('.') : '(anonymous)';
}

function ownName(node: ts.Node): string | undefined {
  if (ts.isConstructorDeclaration(node)) return 'constructor';
  if (ts.isVariableStatement(node)) {
    return node.declarationList.declarations.map((d) => d.name.getText()).join(', ');
  }
  if (!DOCUMENTED_KINDS.has(node.kind)) return undefined;
  const name = (node as ts.NamedDeclaration).name;
  return name === undefined ? undefined : name.getText();
}

/** Non-test `.ts` files under `dir`, skipping `internal/` folders. */
function walkPublicSources(dir: string): string[] {
  if (!isDirectory(dir)) return [];
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (isDirectory(path)) {
      if (entry !== 'internal') files.push(...walkPublicSources(path));
    } else if (entry.endsWith('.ts') && !entry.endsWith('.test.ts') && !entry.endsWith('.d.ts')) {
      files.push(path);
    }
  }
  return files;
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function repoPath(root: string, path: string): string {
  return relative(root, path).split(sep).join('/');
}
