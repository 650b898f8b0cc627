import { builtinModules } from 'node:module';
import { importsOf, isTestFile, lineAt, resolveTarget, type SourceFile, type Violation, withoutComments } from './sources';

/**
 * The core in libs/ never imports the shell, and the domain core has no I/O, no other package,
 * no clock, no randomness and no environment. Tests may use what they need, so these rules hold for production sources only.
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
    forbids: (t) => isBuiltin(t) && !PURE_BUILTINS.has(builtinName(t)),
    rule: 'pure-domain',
    why: "the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
  },
  {
    appliesTo: inDomain,
    forbids: (t) => /^(@kurrent\/|(better-sqlite3|pg|kurrentdb|ioredis|redis)(\/|$))/.test(t),
    rule: 'pure-domain',
    why: 'the domain core does no I/O (a database client)',
  },
  {
    appliesTo: inDomain,
    // a package name is the layering rule's to judge; a relative path into another lib is this one's
    forbids: (t) => /^libs\//.test(t) && !t.startsWith('libs/domain/'),
    rule: 'pure-domain',
    why: 'the domain core depends on no other package',
  },
];

/** Node's modules the domain may use: hashing is computation, not I/O. */
const PURE_BUILTINS = new Set(['crypto']);
const builtinName = (target: string) => target.replace(/^node:/, '').split('/')[0] ?? '';
const isBuiltin = (target: string) => target.startsWith('node:') || builtinModules.includes(builtinName(target));

/** What makes a result depend on when or where it runs rather than on its inputs. */
const CLOCK_CALLS: { pattern: RegExp; what: string; why: string }[] = [
  { pattern: /\bDate\s*\.\s*now\s*\(/g, what: 'Date.now()', why: 'the domain core takes time as data' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/g, what: 'new Date()', why: 'the domain core takes time as data' },
  { pattern: /\bMath\s*\.\s*random\s*\(/g, what: 'Math.random()', why: 'the domain core is deterministic' },
  { pattern: /\bprocess\s*\.\s*(env|argv|cwd|hrtime|exit)\b/g, what: 'process', why: 'the domain core reads no environment' },
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
    for (const { pattern, what, why } of CLOCK_CALLS) {
      for (const match of code.matchAll(pattern)) {
        violations.push({
          file: path,
          line: lineAt(code, match.index),
          rule: 'pure-domain',
          message: `calls ${what}: ${why}`,
        });
      }
    }
  }
  return violations;
}
