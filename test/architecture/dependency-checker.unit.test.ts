import { describe, expect, it } from 'vitest';
import { checkDependencies } from './check-dependencies';
import { describeViolation, type RuleName } from './sources';

/** The checker over synthetic sources: given files, when checked, then these violations (or those of one rule). */
function check(files: Record<string, string>, rule?: RuleName): string[] {
  return checkDependencies(Object.entries(files).map(([path, text]) => ({ path, text })))
    .filter((v) => rule === undefined || v.rule === rule)
    .map(describeViolation);
}

describe('dependency checker: the shell stays out of libs/ and I/O and the clock out of the domain', () => {
  it('given a domain file importing NestJS, when checked, then the violation names the file, the line and the import', () => {
    const source = "import { z } from 'zod';\nimport { Injectable } from '@nestjs/common';\n";
    expect(check({ 'libs/domain/src/claim/claim.decide.ts': source })).toEqual([
      "libs/domain/src/claim/claim.decide.ts:2 framework: imports '@nestjs/common': libs/ must not depend on NestJS",
    ]);
  });

  it('given a lib importing apps/ through a relative path, when checked, then it is a violation', () => {
    const source = "import { config } from '../../../apps/api/src/config';";
    expect(check({ 'libs/application/src/timeline.ts': source }, 'framework')).toEqual([
      "libs/application/src/timeline.ts:1 framework: imports '../../../apps/api/src/config': libs/ must not import from apps/",
    ]);
  });

  it('given express, socket.io and ioredis loaded by require, import() and export-from, when checked, then each is caught', () => {
    const source = [
      "const express = require('express');",
      "const io = await import('socket.io-client');",
      "export { Redis } from 'ioredis';",
    ].join('\n');
    expect(check({ 'libs/store/src/open-store.ts': source }, 'framework')).toEqual([
      "libs/store/src/open-store.ts:1 framework: imports 'express': libs/ must not depend on express",
      "libs/store/src/open-store.ts:2 framework: imports 'socket.io-client': libs/ must not depend on socket.io",
      "libs/store/src/open-store.ts:3 framework: imports 'ioredis': libs/ must not depend on ioredis",
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
      "import { TimelineViews } from '@timeline/views';",
      "import { connect } from 'node:net';",
      "import { request } from 'https';",
      "import { spawn } from 'node:child_process';",
      "import { Client } from 'pg';",
    ].join('\n');
    expect(check({ 'libs/domain/src/claim/claim.decide.ts': source }, 'pure-domain')).toEqual([
      "libs/domain/src/claim/claim.decide.ts:1 pure-domain: imports '../../../store/src/event-store.port': the domain core depends on no other package",
      "libs/domain/src/claim/claim.decide.ts:2 pure-domain: imports 'node:fs': the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
      "libs/domain/src/claim/claim.decide.ts:3 pure-domain: imports 'fs/promises': the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
      "libs/domain/src/claim/claim.decide.ts:4 pure-domain: imports 'better-sqlite3': the domain core does no I/O (a database client)",
      "libs/domain/src/claim/claim.decide.ts:5 pure-domain: imports '@kurrent/kurrentdb-client': the domain core does no I/O (a database client)",
      "libs/domain/src/claim/claim.decide.ts:6 pure-domain: imports '../../../projections/src/claims/claims.view': the domain core depends on no other package",
      "libs/domain/src/claim/claim.decide.ts:7 pure-domain: imports '../../../application/src/timeline': the domain core depends on no other package",
      "libs/domain/src/claim/claim.decide.ts:9 pure-domain: imports 'node:net': the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
      "libs/domain/src/claim/claim.decide.ts:10 pure-domain: imports 'https': the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
      "libs/domain/src/claim/claim.decide.ts:11 pure-domain: imports 'node:child_process': the domain core does no I/O (of Node's modules it may use only crypto's hashing)",
      "libs/domain/src/claim/claim.decide.ts:12 pure-domain: imports 'pg': the domain core does no I/O (a database client)",
    ]);
  });

  it('given a domain file hashing with crypto, when checked, then it is no violation', () => {
    const source = "import { createHash } from 'node:crypto';\nimport { z } from 'zod';\nimport { Slug } from '../common/slug';";
    expect(check({ 'libs/domain/src/common/canonical-json.ts': source }, 'pure-domain')).toEqual([]);
  });

  it('given a domain file reading randomness or the environment, when checked, then each is caught', () => {
    const source = 'const a = Math.random();\nconst b = process.env.TZ;\nconst c = process.argv[2];';
    expect(check({ 'libs/domain/src/time/zoned-time.ts': source }, 'pure-domain')).toEqual([
      'libs/domain/src/time/zoned-time.ts:1 pure-domain: calls Math.random(): the domain core is deterministic',
      'libs/domain/src/time/zoned-time.ts:2 pure-domain: calls process: the domain core reads no environment',
      'libs/domain/src/time/zoned-time.ts:3 pure-domain: calls process: the domain core reads no environment',
    ]);
  });

  it('given the same imports outside the domain, when checked, then only the shell imports are violations', () => {
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import Database from 'better-sqlite3';",
      "import type { EventStore } from '@timeline/store';",
      'const now = new Date();',
    ].join('\n');
    expect(check({ 'libs/application/src/load-campaigns.ts': source })).toEqual([]);
  });

  it('given a domain file reading the clock, when checked, then Date.now( and new Date() are caught but new Date(ms) is not', () => {
    const source = [
      'const a = Date.now();',
      'const b = new Date();',
      'const c = new Date(epochMs).toISOString();',
      'const d = new Date(Date.UTC(2024, 11, 6));',
    ].join('\n');
    expect(check({ 'libs/domain/src/time/zoned-time.ts': source })).toEqual([
      'libs/domain/src/time/zoned-time.ts:1 pure-domain: calls Date.now(): the domain core takes time as data',
      'libs/domain/src/time/zoned-time.ts:2 pure-domain: calls new Date(): the domain core takes time as data',
    ]);
  });

  it('given a comment naming the clock or an import, when checked, then it is no violation', () => {
    const source = "/** never new Date() here */\n// nor Date.now() or require('fs')\nconst url = 'https://example.org';\n";
    expect(check({ 'libs/domain/src/time/claim-time.ts': source })).toEqual([]);
  });

  it('given a domain test reading the clock and a file, when checked, then tests are free to', () => {
    const source = "import { readFileSync } from 'node:fs';\nconst now = Date.now();";
    expect(check({ 'libs/domain/src/time/claim-time.unit.test.ts': source })).toEqual([]);
  });

  it('given a domain file importing a sibling in the domain, when checked, then it is no violation', () => {
    const source = "import { canonicalJson } from '../common/canonical-json';";
    expect(check({ 'libs/domain/src/claim/claim.decide.ts': source })).toEqual([]);
  });
});

describe('dependency checker: packages are entered through their entry point only', () => {
  it('given an app importing a file inside a package by its name, when checked, then it is an entry-point violation', () => {
    const source =
      "import { x } from '@timeline/views';\nimport { SqliteEventStore } from '@timeline/store/src/sqlite/sqlite.store';";
    expect(check({ 'apps/api/src/store.module.ts': source })).toEqual([
      "apps/api/src/store.module.ts:2 entry-point: imports '@timeline/store/src/sqlite/sqlite.store' past the package's entry point: import '@timeline/store'",
    ]);
  });

  it('given the viewer importing a subpath the domain declares an entry point, when checked, then it is allowed, and an undeclared one is not', () => {
    const source =
      "import { RANKS } from '@timeline/domain/vocabulary';\nimport { slug } from '@timeline/domain/src/common/slug';";
    expect(check({ 'apps/viewer/src/rank-dialog.ts': source })).toEqual([
      "apps/viewer/src/rank-dialog.ts:2 entry-point: imports '@timeline/domain/src/common/slug' past the package's entry point: import '@timeline/domain'",
    ]);
  });

  it('given a package, bench and a test reaching into another package by a relative path, when checked, then each is caught', () => {
    expect(
      check(
        {
          'libs/projections/src/claims/claims.view.ts': "import { x } from '../../../store/src/event-store.port';",
          'bench/store.bench.ts': "import { SqliteEventStore } from '../libs/store/src/sqlite/sqlite.store';",
          'test/views/snapshot.int.test.ts': "import { Timeline } from '../../libs/application/src/timeline';",
          'libs/views/src/ledger.unit.test.ts': "import { TestLog } from '../../testing/src/test-log';",
        },
        'entry-point',
      ),
    ).toEqual([
      "libs/projections/src/claims/claims.view.ts:1 entry-point: imports '../../../store/src/event-store.port' inside libs/store: import '@timeline/store'",
      "bench/store.bench.ts:1 entry-point: imports '../libs/store/src/sqlite/sqlite.store' inside libs/store: import '@timeline/store'",
      "test/views/snapshot.int.test.ts:1 entry-point: imports '../../libs/application/src/timeline' inside libs/application: import '@timeline/application'",
      "libs/views/src/ledger.unit.test.ts:1 entry-point: imports '../../testing/src/test-log' inside libs/testing: import '@timeline/testing'",
    ]);
  });

  it('given relative imports that climb out of a package or an app but not into another package, when checked, then each is caught', () => {
    expect(
      check({
        'libs/config/src/config.ts': "import pkg from '../../../package.json';",
        'apps/cli/src/main.ts': "import { measure } from '../../../bench/measure';",
        'bench/run.ts': "import { bootstrap } from '../apps/api/src/bootstrap';",
      }),
    ).toEqual([
      "libs/config/src/config.ts:1 own-package: imports '../../../package.json', which climbs out of libs/config",
      "apps/cli/src/main.ts:1 own-package: imports '../../../bench/measure', which climbs out of apps/cli",
      "bench/run.ts:1 own-package: imports '../apps/api/src/bootstrap', which climbs out of bench",
    ]);
  });

  it('given one app importing another, when checked, then it is caught as apps importing each other', () => {
    expect(check({ 'apps/cli/src/main.ts': "import { startApp } from '../../api/src/bootstrap';" })).toEqual([
      "apps/cli/src/main.ts:1 apps-apart: imports '../../api/src/bootstrap' from apps/api: apps never import each other",
    ]);
  });

  it('given a test reaching into an app and bench, and a package importing its own files, when checked, then it is no violation', () => {
    expect(
      check({
        'test/support/app.ts': "import { startApp } from '../../apps/api/src/bootstrap';",
        'test/support/server-process.ts': "export { startServerProcess } from '../../bench/server-process';",
        'libs/store/src/open-store.ts': "import { SqliteEventStore } from './sqlite/sqlite.store';",
      }),
    ).toEqual([]);
  });
});

describe('dependency checker: the layering of the packages', () => {
  it('given the domain importing another package, when checked, then it is a layering violation', () => {
    expect(
      check({ 'libs/domain/src/claim/claim.decide.ts': "import { z } from 'zod';\nimport { x } from '@timeline/config';" }),
    ).toEqual([
      "libs/domain/src/claim/claim.decide.ts:2 layers: imports '@timeline/config': libs/domain may import no other package",
    ]);
  });

  it('given a package importing a package above it, when checked, then the message lists what it may import', () => {
    expect(check({ 'libs/store/src/open-store.ts': "import { TimelineViews } from '@timeline/views';" })).toEqual([
      "libs/store/src/open-store.ts:1 layers: imports '@timeline/views': libs/store may import no other package",
    ]);
    expect(check({ 'libs/replay/src/replay-plan.ts': "import { Timeline } from '@timeline/application';" })).toEqual([
      "libs/replay/src/replay-plan.ts:1 layers: imports '@timeline/application': libs/replay may import @timeline/views, @timeline/domain",
    ]);
  });

  it('given each package importing what it sits on, directly or through another, when checked, then it is no violation', () => {
    expect(
      check({
        'libs/contracts/src/a.ts': "import '@timeline/domain';",
        'libs/projections/src/a.ts': "import '@timeline/domain';\nimport '@timeline/store';",
        'libs/views/src/a.ts': "import '@timeline/domain';",
        'libs/replay/src/a.ts': "import '@timeline/views';\nimport '@timeline/domain';",
        'libs/application/src/a.ts': ['domain', 'store', 'contracts', 'projections', 'views', 'replay']
          .map((p) => `import '@timeline/${p}';`)
          .join('\n'),
        'libs/synthetic/src/a.ts': "import '@timeline/application';\nimport '@timeline/domain';",
        'libs/testing/src/a.ts': "import '@timeline/views';\nimport '@timeline/synthetic';",
        'apps/api/src/a.ts': "import '@timeline/config';\nimport '@timeline/contracts';\nimport '@timeline/synthetic';",
      }),
    ).toEqual([]);
  });

  it('given production code in a package, an app and bench importing @timeline/testing, when checked, then each is caught', () => {
    expect(
      check(
        {
          'libs/views/src/ledger.ts': "import { TestLog } from '@timeline/testing';",
          'apps/api/src/main.ts': "import { TestLog } from '@timeline/testing';",
          'bench/run.ts': "import { TestLog } from '@timeline/testing';",
        },
        'testing-only-in-tests',
      ),
    ).toEqual([
      "libs/views/src/ledger.ts:1 testing-only-in-tests: imports '@timeline/testing': only tests import it",
      "apps/api/src/main.ts:1 testing-only-in-tests: imports '@timeline/testing': only tests import it",
      "bench/run.ts:1 testing-only-in-tests: imports '@timeline/testing': only tests import it",
    ]);
  });

  it('given tests beside a package and under test/ importing @timeline/testing and any package, when checked, then it is no violation', () => {
    expect(
      check({
        'libs/domain/src/claim/claim.decide.unit.test.ts': "import { deciderSpec } from '@timeline/testing';",
        'test/views/snapshot.int.test.ts':
          "import { TestLog } from '@timeline/testing';\nimport { Timeline } from '@timeline/application';",
      }),
    ).toEqual([]);
  });

  it('given a package the table does not know, when checked, then it is named', () => {
    expect(check({ 'libs/maps/src/index.ts': "import '@timeline/domain';" }, 'layers')).toEqual([
      'libs/maps/src/index.ts:1 layers: libs/maps has no place in the layering table',
    ]);
  });
});

describe('dependency checker: no import cycles', () => {
  it('given two packages importing each other, when checked, then the cycle is named with the import that starts it', () => {
    expect(
      check(
        {
          'libs/store/src/a.ts': "import { x } from '@timeline/views';",
          'libs/views/src/b.ts': "import { y } from '@timeline/store';",
        },
        'package-cycle',
      ),
    ).toEqual([
      'libs/store/src/a.ts:1 package-cycle: packages import each other: @timeline/store → @timeline/views → @timeline/store',
    ]);
  });

  it('given a cycle through a package test and @timeline/testing, when checked, then it is no cycle', () => {
    expect(
      check({
        'libs/views/src/ledger.unit.test.ts': "import { TestLog } from '@timeline/testing';",
        'libs/testing/src/test-log.ts': "import { TimelineViews } from '@timeline/views';",
      }),
    ).toEqual([]);
  });

  it('given three files importing each other in a ring, when checked, then the cycle lists the files in order', () => {
    expect(
      check({
        'libs/application/src/timeline.ts':
          "import { a } from './catalog.commands';\nimport { restoreSnapshot } from './snapshots';",
        'libs/application/src/snapshots.ts': "import { z } from 'zod';\nimport type { Views } from './read-models/views';",
        'libs/application/src/read-models/views.ts': "export { Timeline } from '../timeline';",
        'libs/application/src/catalog.commands.ts': 'export const a = 1;',
      }),
    ).toEqual([
      'libs/application/src/read-models/views.ts:1 file-cycle: files import each other: libs/application/src/read-models/views.ts → libs/application/src/timeline.ts → libs/application/src/snapshots.ts → libs/application/src/read-models/views.ts',
    ]);
  });

  it('given a file importing itself and two separate pairs, when checked, then each cycle is reported once', () => {
    const cycles = check(
      {
        'apps/api/src/a.ts': "import './a';",
        'apps/api/src/b.ts': "import './c.js';",
        'apps/api/src/c.ts': "import './b';",
        'apps/viewer/src/d.ts': "import { e } from './e';",
        'apps/viewer/src/e.ts': "import type { D } from './d';",
      },
      'file-cycle',
    );
    expect(cycles).toEqual([
      'apps/api/src/a.ts:1 file-cycle: files import each other: apps/api/src/a.ts → apps/api/src/a.ts',
      'apps/api/src/b.ts:1 file-cycle: files import each other: apps/api/src/b.ts → apps/api/src/c.ts → apps/api/src/b.ts',
      'apps/viewer/src/d.ts:1 file-cycle: files import each other: apps/viewer/src/d.ts → apps/viewer/src/e.ts → apps/viewer/src/d.ts',
    ]);
  });

  it('given files importing a folder index and siblings without a cycle, when checked, then it is no violation', () => {
    expect(
      check({
        'libs/views/src/index.ts': "export * from './control';\nexport * from './ledger';",
        'libs/views/src/control/index.ts': "import { NOW } from '../ledger';",
        'libs/views/src/ledger.ts': 'export const NOW = 1;',
      }),
    ).toEqual([]);
  });
});
