import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdsViolationsAsData, readSources } from './sources';
import { levelMismatches } from './test-levels';

const ROOT = join(__dirname, '..', '..');

describe('test levels', () => {
  it('given every test file, when its name and imports are read, then each names its level and keeps to it', () => {
    const files = readSources(ROOT, ['apps', 'libs', 'test']);
    expect(files.filter((f) => f.path.endsWith('.test.ts')).length).toBeGreaterThan(40);
    // the checker's tests hold imports as data; their names are still checked
    const mismatches = files.map((f) => (holdsViolationsAsData(f.path) ? { ...f, text: '' } : f)).flatMap(levelMismatches);
    expect(mismatches).toEqual([]);
  });

  it('given a test file without a level, when checked, then it is named', () => {
    expect(levelMismatches({ path: 'test/views/snapshot.test.ts', text: '' })).toEqual([
      'test/views/snapshot.test.ts names no level: rename it to .unit.test.ts, .int.test.ts or .e2e.test.ts',
    ]);
  });

  it('given a unit test opening a database and an int test starting the HTTP app, when checked, then both are caught', () => {
    expect(
      levelMismatches({ path: 'libs/store/src/sqlite.unit.test.ts', text: "import Database from 'better-sqlite3';" }),
    ).toEqual(["libs/store/src/sqlite.unit.test.ts:1 imports 'better-sqlite3', which a unit test does not use"]);
    expect(
      levelMismatches({ path: 'test/views/snapshot.int.test.ts', text: "import { startTestApp } from '../support/app';" }),
    ).toEqual(["test/views/snapshot.int.test.ts:1 imports '../support/app', which an int test does not use"]);
  });

  it('given an e2e test starting the app and a browser, and a helper that is no test, when checked, then neither is a mismatch', () => {
    const e2e = "import { startTestApp } from '../support/app';\nimport type { Browser } from 'playwright-core';";
    expect(levelMismatches({ path: 'test/viewer/viewer.e2e.test.ts', text: e2e })).toEqual([]);
    expect(levelMismatches({ path: 'test/support/app.ts', text: "import request from 'supertest';" })).toEqual([]);
  });
});
