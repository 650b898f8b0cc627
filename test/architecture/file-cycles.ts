import { cyclesOf } from './cycles';
import { importsOf, isInside, resolveTarget, type SourceFile, unitOf, type Violation } from './sources';

const EXTENSIONS = ['', '.ts', '.tsx', '.mts', '.cts', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, if it is one of `known` (`./x` → `x.ts`, `./x.js` → `x.ts`). */
function resolveFile(file: string, specifier: string, known: ReadonlySet<string>): string | undefined {
  const target = resolveTarget(file, specifier);
  const stems = [target, target.replace(/\.(c|m)?js$/, '')];
  for (const stem of stems) {
    for (const extension of EXTENSIONS) if (known.has(stem + extension)) return stem + extension;
  }
  return undefined;
}

/**
 * Cycles between files, following relative imports inside each package, app, bench and test/.
 * A type-only import counts: the two files still cannot be read, or split, one without the other.
 */
export function fileCycleViolations(files: readonly SourceFile[]): Violation[] {
  const known = new Set(files.map((f) => f.path));
  const edges = new Map<string, Map<string, number>>();
  for (const { path, text } of files) {
    const root = unitOf(path)?.root;
    const out = new Map<string, number>();
    edges.set(path, out);
    for (const { specifier, line } of importsOf(text)) {
      if (!specifier.startsWith('.')) continue;
      const target = resolveFile(path, specifier, known);
      if (target && root && isInside(target, root) && !out.has(target)) out.set(target, line);
    }
  }
  const edgesOf = (file: string) => [...(edges.get(file)?.keys() ?? [])].sort();
  return cyclesOf([...known].sort(), edgesOf).map((cycle) => {
    const [file = '', next = ''] = cycle;
    return {
      file,
      line: edges.get(file)?.get(next) ?? 0,
      rule: 'file-cycle',
      message: `files import each other: ${cycle.join(' → ')}`,
    };
  });
}
