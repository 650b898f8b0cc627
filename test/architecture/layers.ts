import { cyclesOf } from './cycles';
import { importsOf, isTestFile, resolveTarget, type SourceFile, unitOf, type Violation } from './sources';

/**
 * The layering of the packages: each may import the packages it sits on, directly or through
 * another. domain, config and the store are the bottom; the application takes the replay messages of
 * contracts as its commands; testing may import anything and only tests import it; apps and
 * bench sit on top and may import any package but testing.
 */
export const SITS_ON: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  config: [],
  store: [],
  contracts: ['domain'],
  projections: ['domain', 'store'],
  views: ['domain'],
  replay: ['views'],
  application: ['domain', 'store', 'contracts', 'projections', 'views', 'replay'],
  synthetic: ['application'],
};

const TESTING = 'testing';
const PACKAGES = [...Object.keys(SITS_ON), TESTING];

function below(name: string, seen = new Set<string>()): Set<string> {
  for (const lower of SITS_ON[name] ?? []) {
    if (!seen.has(lower)) {
      seen.add(lower);
      below(lower, seen);
    }
  }
  return seen;
}

/** The packages a package may import; for apps and bench, every package but testing. */
export function mayImport(importer: { kind: string; name: string }): Set<string> {
  if (importer.kind !== 'package') return new Set(PACKAGES.filter((p) => p !== TESTING));
  if (importer.name === TESTING) return new Set(PACKAGES);
  return below(importer.name);
}

const packageOf = (specifier: string) => /^@timeline\/([^/]+)/.exec(specifier)?.[1];
const list = (names: Set<string>) => (names.size ? [...names].map((n) => `@timeline/${n}`).join(', ') : 'no other package');

export function layerViolations({ path, text }: SourceFile): Violation[] {
  const unit = unitOf(path);
  if (!unit || isTestFile(path)) return [];
  if (unit.kind === 'package' && unit.name !== TESTING && !(unit.name in SITS_ON)) {
    return [{ file: path, line: 1, rule: 'layers', message: `${unit.root} has no place in the layering table` }];
  }
  const violations: Violation[] = [];
  const allowed = mayImport(unit);
  for (const { specifier, line } of importsOf(text)) {
    const target = packageOf(specifier);
    if (target === undefined || (unit.kind === 'package' && target === unit.name)) continue;
    if (target === TESTING && unit.name !== TESTING) {
      violations.push({
        file: path,
        line,
        rule: 'testing-only-in-tests',
        message: `imports '${specifier}': only tests import it`,
      });
    } else if (!allowed.has(target)) {
      violations.push({
        file: path,
        line,
        rule: 'layers',
        message: `imports '${specifier}': ${unit.root} may import ${list(allowed)}`,
      });
    }
  }
  return violations;
}

/**
 * Cycles between packages and apps, over production sources (a test may import
 * @timeline/testing, which imports the package under test). An edge is a `@timeline/<name>`
 * import or a relative import that lands in another package or app.
 */
export function packageCycleViolations(files: readonly SourceFile[]): Violation[] {
  const edges = new Map<string, Map<string, { file: string; line: number }>>();
  for (const { path, text } of files) {
    const unit = unitOf(path);
    if (!unit || isTestFile(path) || (unit.kind !== 'package' && unit.kind !== 'app')) continue;
    const from = nodeName(unit.kind, unit.name);
    const out = edges.get(from) ?? new Map<string, { file: string; line: number }>();
    edges.set(from, out);
    for (const { specifier, line } of importsOf(text)) {
      const name = packageOf(specifier);
      const into = name ? { kind: 'package', name } : unitOf(resolveTarget(path, specifier));
      if (!specifier.startsWith('.') && !name) continue;
      if (!into || (into.kind !== 'package' && into.kind !== 'app')) continue;
      const to = nodeName(into.kind, into.name);
      if (to !== from && !out.has(to)) out.set(to, { file: path, line });
    }
  }
  const edgesOf = (node: string) => [...(edges.get(node)?.keys() ?? [])].sort();
  return cyclesOf([...edges.keys()].sort(), edgesOf).map((cycle) => {
    const first = edges.get(cycle[0] ?? '')?.get(cycle[1] ?? '') ?? { file: '', line: 0 };
    return { ...first, rule: 'package-cycle', message: `packages import each other: ${cycle.join(' → ')}` };
  });
}

const nodeName = (kind: string, name: string) => (kind === 'package' ? `@timeline/${name}` : `apps/${name}`);
