import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkDependencies } from './check-dependencies';
import { describeViolation, holdsViolationsAsData, readSources, type RuleName } from './sources';

/**
 * The dependency rule over the whole tree: apps/, libs/, bench/ and test/, production sources
 * and tests alike (each rule says which of them it holds for). The checker's own tests are left
 * out: they hold violations as data.
 */
const ROOT = join(__dirname, '..', '..');
const files = readSources(ROOT, ['apps', 'libs', 'bench', 'test']).filter((f) => !holdsViolationsAsData(f.path));
const violations = checkDependencies(files);

const RULES: RuleName[] = [
  'framework',
  'pure-domain',
  'entry-point',
  'own-package',
  'apps-apart',
  'layers',
  'testing-only-in-tests',
  'package-cycle',
  'file-cycle',
];

describe('dependency rule', () => {
  it('given the tree, when its sources are listed, then every package, app, bench and the tests are among them', () => {
    const paths = files.map((f) => f.path);
    expect(paths).toContain('libs/domain/src/claim/claim.decide.ts');
    expect(paths).toContain('libs/domain/src/claim/claim.decide.unit.test.ts');
    expect(paths).toContain('apps/api/src/main.ts');
    expect(paths).toContain('apps/viewer/src/main.ts');
    expect(paths).toContain('bench/run.ts');
    expect(paths).toContain('test/support/app.ts');
    expect(paths.filter((p) => p.includes('/node_modules/') || p.includes('/dist/'))).toEqual([]);
  });

  it.each(RULES)('given every source, when checked for %s, then none breaks it', (rule) => {
    expect(violations.filter((v) => v.rule === rule).map(describeViolation)).toEqual([]);
  });
});
