import { existsSync, readFileSync } from 'node:fs';
import { importsOf, isInside, resolveTarget, type SourceFile, unitOf, type Violation } from './sources';

/** Whether a package declares `./<subpath>` an entry point of its own in its package.json `exports`. */
function isDeclaredEntry(name: string, subpath: string): boolean {
  const manifest = `libs/${name}/package.json`;
  if (!existsSync(manifest)) return false;
  const exports = (JSON.parse(readFileSync(manifest, 'utf8')) as { exports?: Record<string, unknown> }).exports ?? {};
  return Object.hasOwn(exports, `./${subpath}`);
}

/**
 * Walls between packages and apps: a package is entered only through `@timeline/<name>` (or a
 * subpath its package.json declares an entry point, such as `@timeline/domain/vocabulary`), a
 * relative import stays inside its own package or app, and apps never import each other.
 * Tests are held to the first wall; test/ may reach into apps/ and bench/, which have no
 * entry point of their own.
 */
export function boundaryViolations({ path, text }: SourceFile): Violation[] {
  const unit = unitOf(path);
  const violations: Violation[] = [];
  const report = (line: number, rule: Violation['rule'], message: string) => violations.push({ file: path, line, rule, message });

  for (const { specifier, line } of importsOf(text)) {
    const deep = /^@timeline\/([^/]+)\/(.+)/.exec(specifier);
    if (deep && !isDeclaredEntry(deep[1] ?? '', deep[2] ?? '')) {
      report(line, 'entry-point', `imports '${specifier}' past the package's entry point: import '@timeline/${deep[1]}'`);
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const target = resolveTarget(path, specifier);
    const into = unitOf(target);
    if (into?.kind === 'package' && !isInside(path, into.root)) {
      report(line, 'entry-point', `imports '${specifier}' inside ${into.root}: import '@timeline/${into.name}'`);
    } else if (unit?.kind === 'app' && into?.kind === 'app' && into.name !== unit.name) {
      report(line, 'apps-apart', `imports '${specifier}' from ${into.root}: apps never import each other`);
    } else if (unit && unit.kind !== 'tests' && !isInside(target, unit.root)) {
      report(line, 'own-package', `imports '${specifier}', which climbs out of ${unit.root}`);
    }
  }
  return violations;
}
