import { importsOf, isTestFile, lineAt, resolveTarget, type SourceFile, type Violation, withoutComments } from './sources';

/**
 * The core in libs/ never imports the shell, and the domain core has no I/O, no store and no
 * clock. Tests may use what they need, so these rules hold for production sources only.
 */
interface Ban {
  appliesTo: (file: string) => boolean;
  /** Whether an import, resolved to a repo-relative path when it is relative, is forbidden. */
  forbids: (target: string) => boolean;
  rule: 'framework' | 'pure-domain';
  why: string;
}

const inLibs = (file: string) => file.startsWith('libs/');
const inDomain = (file: string) => file.startsWith('libs/domain/');

const BANS: Ban[] = [
  { appliesTo: inLibs, forbids: (t) => t.startsWith('@nestjs/'), rule: 'framework', why: 'libs/ must not depend on NestJS' },
  { appliesTo: inLibs, forbids: (t) => /^express(\/|$)/.test(t), rule: 'framework', why: 'libs/ must not depend on express' },
  { appliesTo: inLibs, forbids: (t) => /^@?socket\.io/.test(t), rule: 'framework', why: 'libs/ must not depend on socket.io' },
  { appliesTo: inLibs, forbids: (t) => /^ioredis(\/|$)/.test(t), rule: 'framework', why: 'libs/ must not depend on ioredis' },
  { appliesTo: inLibs, forbids: (t) => /^apps(\/|$)/.test(t), rule: 'framework', why: 'libs/ must not import from apps/' },
  {
    appliesTo: inDomain,
    forbids: (t) => /^better-sqlite3(\/|$)/.test(t),
    rule: 'pure-domain',
    why: 'the domain core does no I/O (better-sqlite3)',
  },
  {
    appliesTo: inDomain,
    forbids: (t) => t.startsWith('@kurrent/'),
    rule: 'pure-domain',
    why: 'the domain core does no I/O (@kurrent)',
  },
  {
    appliesTo: inDomain,
    forbids: (t) => /^(node:)?fs(\/|$)/.test(t),
    rule: 'pure-domain',
    why: 'the domain core does no I/O (fs)',
  },
  {
    appliesTo: inDomain,
    forbids: (t) => /^libs\/(store|projections|application)(\/|$)/.test(t),
    rule: 'pure-domain',
    why: 'the domain core must not depend on the store, projections or application layers',
  },
];

const CLOCK_CALLS: { pattern: RegExp; what: string }[] = [
  { pattern: /\bDate\s*\.\s*now\s*\(/g, what: 'Date.now()' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/g, what: 'new Date()' },
];

export function frameworkViolations({ path, text }: SourceFile): Violation[] {
  if (isTestFile(path)) return [];
  const violations: Violation[] = [];
  for (const { specifier, line } of importsOf(text)) {
    const target = resolveTarget(path, specifier);
    for (const ban of BANS) {
      if (ban.appliesTo(path) && ban.forbids(target)) {
        violations.push({ file: path, line, rule: ban.rule, message: `imports '${specifier}': ${ban.why}` });
      }
    }
  }
  if (inDomain(path)) {
    const code = withoutComments(text);
    for (const { pattern, what } of CLOCK_CALLS) {
      for (const match of code.matchAll(pattern)) {
        violations.push({
          file: path,
          line: lineAt(code, match.index),
          rule: 'pure-domain',
          message: `calls ${what}: the domain core takes time as data`,
        });
      }
    }
  }
  return violations;
}
