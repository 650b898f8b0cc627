import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The dependency rule of style.md: the core in libs/ never imports the shell, and the domain
 * core has no I/O, no store and no clock. A plain regex over import specifiers, so the rule
 * needs no tool and reads in one screen.
 */

const ROOT = join(__dirname, '..', '..');

interface Rule {
  /** Repo-relative files (posix) the rule holds for. */
  appliesTo: (file: string) => boolean;
  /** Whether an import, resolved to a repo-relative path when it is relative, is forbidden. */
  forbids: (target: string) => boolean;
  why: string;
}

const everywhere = (file: string) => file.startsWith('libs/');
const inDomain = (file: string) => file.startsWith('libs/domain/');

const IMPORT_RULES: Rule[] = [
  { appliesTo: everywhere, forbids: (t) => t.startsWith('@nestjs/'), why: 'libs/ must not depend on NestJS' },
  { appliesTo: everywhere, forbids: (t) => /^express(\/|$)/.test(t), why: 'libs/ must not depend on express' },
  { appliesTo: everywhere, forbids: (t) => /^@?socket\.io/.test(t), why: 'libs/ must not depend on socket.io' },
  { appliesTo: everywhere, forbids: (t) => /^ioredis(\/|$)/.test(t), why: 'libs/ must not depend on ioredis' },
  { appliesTo: everywhere, forbids: (t) => /^apps(\/|$)/.test(t), why: 'libs/ must not import from apps/' },
  { appliesTo: inDomain, forbids: (t) => /^better-sqlite3(\/|$)/.test(t), why: 'the domain core does no I/O (better-sqlite3)' },
  { appliesTo: inDomain, forbids: (t) => t.startsWith('@kurrent/'), why: 'the domain core does no I/O (@kurrent)' },
  { appliesTo: inDomain, forbids: (t) => /^(node:)?fs(\/|$)/.test(t), why: 'the domain core does no I/O (fs)' },
  {
    appliesTo: inDomain,
    forbids: (t) => /^libs\/(store|projections|application)(\/|$)/.test(t),
    why: 'the domain core must not depend on the store, projections or application layers',
  },
];

const CLOCK_CALLS: { pattern: RegExp; what: string }[] = [
  { pattern: /\bDate\s*\.\s*now\s*\(/g, what: 'Date.now()' },
  { pattern: /\bnew\s+Date\s*\(\s*\)/g, what: 'new Date()' },
];

const SPECIFIER_PATTERNS = [
  /\bfrom\s*(['"])([^'"\n]+)\1/g,
  /\bimport\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /\brequire\s*\(\s*(['"])([^'"\n]+)\1\s*\)/g,
  /^\s*import\s*(['"])([^'"\n]+)\1/gm,
];

/** Comments removed, lines kept, so a doc comment that names `Date.now()` is no violation. */
function withoutComments(source: string): string {
  return source.replace(/\/\*[\s\S]*?\*\//g, (block) => block.replace(/[^\n]/g, ' ')).replace(/(^|[^:\\'"`])\/\/.*$/gm, '$1');
}

function lineAt(source: string, index: number): number {
  return source.slice(0, index).split('\n').length;
}

/** Every import specifier in a source text, with its line. */
function importsOf(source: string): { specifier: string; line: number }[] {
  const code = withoutComments(source);
  const found: { specifier: string; line: number; index: number }[] = [];
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      found.push({ specifier: match[2], line: lineAt(code, match.index ?? 0), index: match.index ?? 0 });
    }
  }
  const unique = new Map(found.sort((a, b) => a.index - b.index).map((f) => [`${f.line}:${f.specifier}`, f]));
  return [...unique.values()].map(({ specifier, line }) => ({ specifier, line }));
}

function resolveTarget(file: string, specifier: string): string {
  return specifier.startsWith('.') ? posix.normalize(posix.join(posix.dirname(file), specifier)) : specifier;
}

/** What a file (repo-relative, posix) breaks of the dependency rule, one line per violation. */
function violationsIn(file: string, source: string): string[] {
  const violations: string[] = [];
  for (const { specifier, line } of importsOf(source)) {
    const target = resolveTarget(file, specifier);
    for (const rule of IMPORT_RULES) {
      if (rule.appliesTo(file) && rule.forbids(target)) {
        violations.push(`${file}:${line} imports '${specifier}': ${rule.why}`);
      }
    }
  }
  if (inDomain(file)) {
    const code = withoutComments(source);
    for (const { pattern, what } of CLOCK_CALLS) {
      for (const match of code.matchAll(pattern)) {
        violations.push(`${file}:${lineAt(code, match.index ?? 0)} calls ${what}: the domain core takes time as data`);
      }
    }
  }
  return violations;
}

function sourceFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : sourceFilesUnder(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

const libFiles = sourceFilesUnder(join(ROOT, 'libs')).map((path) => relative(ROOT, path).split(sep).join('/'));

describe('dependency rule', () => {
  it('given the sources under libs/, when listed, then the domain core is among them and no test file is', () => {
    expect(libFiles).toContain('libs/domain/src/time/claim-time.ts');
    expect(libFiles).toContain('libs/domain/src/claim/claim.decide.ts');
    expect(libFiles.filter((f) => f.endsWith('.test.ts'))).toEqual([]);
  });

  it('given every source under libs/, when its imports and clock calls are checked, then none breaks the rule', () => {
    const violations = libFiles.flatMap((file) => violationsIn(file, readFileSync(join(ROOT, file), 'utf8')));
    expect(violations).toEqual([]);
  });
});

describe('dependency rule checker', () => {
  it('given a domain file importing NestJS, when checked, then the violation names the file, the line and the import', () => {
    const source = "import { z } from 'zod';\nimport { Injectable } from '@nestjs/common';\n";
    expect(violationsIn('libs/domain/src/claim/claim.decide.ts', source)).toEqual([
      "libs/domain/src/claim/claim.decide.ts:2 imports '@nestjs/common': libs/ must not depend on NestJS",
    ]);
  });

  it('given a lib importing apps/ through a relative path, when checked, then it is a violation', () => {
    expect(violationsIn('libs/application/src/timeline.ts', "import { config } from '../../../apps/api/src/config';")).toEqual([
      "libs/application/src/timeline.ts:1 imports '../../../apps/api/src/config': libs/ must not import from apps/",
    ]);
  });

  it('given express, socket.io and ioredis loaded by require, import() and export-from, when checked, then each is caught', () => {
    const source = [
      "const express = require('express');",
      "const io = await import('socket.io-client');",
      "export { Redis } from 'ioredis';",
    ].join('\n');
    expect(violationsIn('libs/store/src/open-store.ts', source).map((v) => v.split(' imports ')[1].split(':')[0])).toEqual([
      "'express'",
      "'socket.io-client'",
      "'ioredis'",
    ]);
  });

  it('given a domain file importing the store, fs and a database client, when checked, then each is caught', () => {
    const source = [
      "import type { EventStore } from '../../../store/src/event-store.port';",
      "import { readFileSync } from 'node:fs';",
      "import { writeFile } from 'fs/promises';",
      "const Database = require('better-sqlite3');",
      "import { KurrentDBClient } from '@kurrent/kurrentdb-client';",
      "import { ClaimsView } from '../../../projections/src/claims/claims.view';",
      "import { x } from '../../../application/src/timeline';",
    ].join('\n');
    expect(violationsIn('libs/domain/src/claim/claim.decide.ts', source)).toHaveLength(7);
  });

  it('given the same imports outside the domain, when checked, then only the shell imports are violations', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import Database from 'better-sqlite3';",
      "import type { EventStore } from '../../store/src/event-store.port';",
      'const now = new Date();',
    ].join('\n');
    expect(violationsIn('libs/application/src/load-campaigns.ts', source)).toEqual([]);
  });

  it('given a domain file reading the clock, when checked, then Date.now( and new Date() are caught but new Date(ms) is not', () => {
    const source = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date(epochMs).toISOString();',
      'const d = new Date(Date.UTC(2024, 11, 6));',
    ].join('\n');
    expect(violationsIn('libs/domain/src/time/zoned-time.ts', source)).toEqual([
      'libs/domain/src/time/zoned-time.ts:1 calls Date.now(): the domain core takes time as data',
      'libs/domain/src/time/zoned-time.ts:2 calls new Date(): the domain core takes time as data',
    ]);
  });

  it('given a comment naming the clock or an import, when checked, then it is no violation', () => {
    const source = "/** never new Date() here */\n// nor Date.now() or require('fs')\nconst url = 'https://example.org';\n";
    expect(violationsIn('libs/domain/src/time/claim-time.ts', source)).toEqual([]);
  });

  it('given a domain file importing a sibling in the domain, when checked, then it is no violation', () => {
    expect(
      violationsIn('libs/domain/src/claim/claim.decide.ts', "import { canonicalJson } from '../common/canonical-json';"),
    ).toEqual([]);
  });
});
