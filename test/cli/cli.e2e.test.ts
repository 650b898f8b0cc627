import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT, startServerProcess } from '../support/server-process';

const run = promisify(execFile);
let store: string;

async function timeline(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(ROOT, 'bin/timeline.js'), ...args], {
      env: { ...process.env, STORE_URL: `sqlite:${store}` },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(() => {
  ensureBuilt();
  store = join(mkdtempSync(join(tmpdir(), 'timeline-cli-')), 'store.db');
}, 120_000);

describe('npx timeline', () => {
  it('loads the campaigns with plain progress lines when not on a terminal, and a second load stores nothing', async () => {
    const first = await timeline('load');
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^load: 0% \(/m);
    expect(first.stderr).toMatch(/load: 100% \(\d+\/\d+\)/);
    expect(first.stderr).not.toContain('\r');
    const stored = Number(/load: (\d+) stored, 0 already there, 0 corrected, 0 kept, 0 problems/.exec(first.stderr)?.[1]);
    expect(stored).toBeGreaterThan(500);
    const second = await timeline('load');
    expect(second.stderr).toMatch(new RegExp(`load: 0 stored, ${stored} already there, 0 corrected, 0 kept, 0 problems`));
  }, 60_000);

  it('rebuilds the views with progress and names the campaigns', async () => {
    const { code, stderr } = await timeline('rebuild');
    expect(code).toBe(0);
    expect(stderr).toMatch(/folded \d+ events into the views of palmyra-2017 \(\d+ claims\), syria-2024 \(\d+ claims\)/);
  }, 60_000);

  it('audits a place and exports claims as CSV to a file', async () => {
    const audit = await timeline('audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^#\d+ \S+ ControlClaimed homs-/m);
    expect(audit.stdout).toContain('before: null');
    const out = join(mkdtempSync(join(tmpdir(), 'timeline-csv-')), 'claims.csv');
    expect((await timeline('export', 'palmyra-2017', '--format', 'csv', '--out', out)).code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^claim_id,revision,event/);
    expect(rows.length).toBeGreaterThan(50);
  }, 60_000);

  it('audits a figure in the order its reports were published, and refuses an order it does not know', async () => {
    const audit = await timeline(
      'audit',
      'syria-2024',
      '--side',
      'civilians',
      '--category',
      'killed',
      '--day',
      '2024-12-31',
      '--order',
      'reported',
    );
    expect(audit.code).toBe(0);
    const reported = [...audit.stdout.matchAll(/^#\d+ \S+ reported (\S+) /gm)].map((m) => m[1] ?? '');
    expect(reported.length).toBeGreaterThan(3);
    expect([...reported].sort()).toEqual(reported);
    const bad = await timeline('audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--order', 'newest');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--order must be log or reported');
  }, 60_000);

  it('explains its usage on a bad command with exit code 2', async () => {
    const { code, stderr } = await timeline('bogus');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "bogus"');
    expect(stderr).toContain('usage: timeline');
    expect((await timeline('export', 'syria-2024')).stderr).toContain('--format is required');
  }, 60_000);
});

describe('npx timeline replay', () => {
  it('prints each hour’s changes from a running service', async () => {
    const server = await startServerProcess({
      STORE_URL: `sqlite:${store}`,
      LOAD_EVENTS: 'false',
      API_KEYS: 'a:admin:0123456789abcdef0123',
      DATA_DIR: join(store, '..'),
    });
    try {
      const { code, stdout } = await timeline(
        'replay',
        'syria-2024',
        '--url',
        server.url,
        '--from',
        '2024-12-07',
        '--to',
        '2024-12-08',
        '--speed',
        '1000',
      );
      expect(code).toBe(0);
      expect(stdout).toMatch(
        /^replaying syria-2024 as known now from 2024-12-06T21:00:00.000Z to 2024-12-08T21:00:00.000Z: 48 hours at 1000 h\/s/m,
      );
      expect(stdout).toMatch(/^-- 2024-12-\d\dT\d\d:00:00.000Z → /m);
      expect(stdout).toMatch(/^ {3}\+ .+ \[(day|part-of-day|hour|by|multi-day|exact)\] \(/m);
      expect(stdout).toMatch(/^ {3}= homs: /m);
      expect(stdout.trim().endsWith('== end of the record')).toBe(true);
      const reported = await timeline(
        'replay',
        'syria-2024',
        '--url',
        server.url,
        '--from',
        '2024-12-04',
        '--to',
        '2024-12-06',
        '--speed',
        '1000',
        '--as-reported',
      );
      expect(reported.code).toBe(0);
      expect(reported.stdout).toMatch(/^replaying syria-2024 as reported at the time from /m);
      expect(reported.stdout).toMatch(/ — news of 2024-12-\d\dT/m);
      const refused = await timeline('replay', 'nowhere', '--url', server.url);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toContain('replay refused: Not Found');
    } finally {
      await server.kill();
    }
  }, 60_000);
});
