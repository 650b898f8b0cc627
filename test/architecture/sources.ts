import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';

/** A source file by its repo-relative posix path (`libs/domain/src/index.ts`) and its text. */
export interface SourceFile {
  path: string;
  text: string;
}

export interface Import {
  specifier: string;
  line: number;
}

/** What a dependency rule reports: where, which rule, and why. */
export interface Violation {
  file: string;
  line: number;
  rule: RuleName;
  message: string;
}

export type RuleName =
  | 'framework'
  | 'pure-domain'
  | 'entry-point'
  | 'own-package'
  | 'apps-apart'
  | 'layers'
  | 'testing-only-in-tests'
  | 'package-cycle'
  | 'file-cycle';

export const describeViolation = (v: Violation): string => `${v.file}:${v.line} ${v.rule}: ${v.message}`;

/** Tests: everything under test/ and every `*.test.ts` beside the code it pins. */
export const isTestFile = (path: string): boolean => path.startsWith('test/') || /\.test\.[cm]?tsx?$/.test(path);

/** The checker's own tests, whose sources hold violations as data: the real-tree checks leave them out. */
export const holdsViolationsAsData = (path: string): boolean =>
  path.startsWith('test/architecture/') && path.endsWith('.test.ts');

/** A package (libs/X), an app (apps/Y), the benchmarks or the tests: what a file belongs to. */
export interface Unit {
  kind: 'package' | 'app' | 'bench' | 'tests';
  name: string;
  root: string;
}

export function unitOf(path: string): Unit | undefined {
  const [top, name, ...rest] = path.split('/');
  if (top === 'libs' && name && rest.length > 0) return { kind: 'package', name, root: `libs/${name}` };
  if (top === 'apps' && name && rest.length > 0) return { kind: 'app', name, root: `apps/${name}` };
  if (top === 'bench' && name) return { kind: 'bench', name: 'bench', root: 'bench' };
  if (top === 'test' && name) return { kind: 'tests', name: 'test', root: 'test' };
  return undefined;
}

export const isInside = (path: string, root: string): boolean => path.startsWith(`${root}/`);

/** A relative specifier as a repo-relative path (no extension added); a bare one as it is. */
export function resolveTarget(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
}

const SPECIFIER_PATTERNS = [
  /\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
];

/** Comments removed, lines kept, so a doc comment that names `Date.now()` is no violation. */
export function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

export function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every import specifier in a source text (import, export-from, import(), require), with its line. */
export function importsOf(source: string): Import[] {
  const code = withoutComments(source);
  const found: (Import & { index: number })[] = [];
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const [, , specifier = ''] = match;
      found.push({ specifier, line: lineAt(code, match.index), index: match.index });
    }
  }
  const unique = new Map(found.sort((a, b) => a.index - b.index).map((f) => [`${f.line}:${f.specifier}`, f]));
  return [...unique.values()].map(({ specifier, line }) => ({ specifier, line }));
}

const SOURCE_FILE = /\.(ts|tsx|mts|cts)$/;

/** The TypeScript sources under the given folders of `root`, as repo-relative posix paths. */
export function readSources(root: string, folders: string[]): SourceFile[] {
  const under = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : under(path);
      return SOURCE_FILE.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
    });
  return folders
    .flatMap((folder) => under(join(root, folder)))
    .map((path) => ({ path: relative(root, path).split(sep).join('/'), text: readFileSync(path, 'utf8') }))
    .sort((a, b) => a.path.localeCompare(b.path));
}
