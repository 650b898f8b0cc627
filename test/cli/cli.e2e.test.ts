import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/server-process';
import { EVERY_TENTH, newStore, progressSteps, reportedInstants, timeline as run } from './run-cli';

let store: string;
const timeline = (...args: string[]) => run(store, args);

beforeAll(() => {
  ensureBuilt();
  store = newStore();
}, 120_000);

describe('npx timeline', () => {
  it('loads the campaigns with a plain progress line at each tenth when not on a terminal, and a second load stores nothing', async () => {
    const first = await timeline('load');
    expect(first.code).toBe(0);
    expect(progressSteps('load', first.stderr)).toEqual(EVERY_TENTH);
    expect(first.stderr).toMatch(/load: 100% \(\d+\/\d+\)/);
    expect(first.stderr).not.toContain('\r');
    const stored = Number(/load: (\d+) stored, 0 already there, 0 corrected, 0 kept, 0 problems/.exec(first.stderr)?.[1]);
    expect(stored).toBeGreaterThan(500);
    const second = await timeline('load');
    expect(second.stderr).toMatch(new RegExp(`load: 0 stored, ${stored} already there, 0 corrected, 0 kept, 0 problems`));
  }, 60_000);

  it('rebuilds the views with progress at each tenth and names the campaigns', async () => {
    const { code, stderr } = await timeline('rebuild');
    expect(code).toBe(0);
    expect(progressSteps('rebuild', stderr)).toEqual(EVERY_TENTH);
    expect(stderr).toMatch(/folded \d+ events into the views of palmyra-2017 \(\d+ claims\), syria-2024 \(\d+ claims\)/);
  }, 60_000);

  it('audits a place and exports claims as CSV to a file', async () => {
    const audit = await timeline('audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07');
    expect(audit.code).toBe(0);
    expect(audit.stdout).toMatch(/^#\d+ \S+ ControlClaimed homs-/m);
    expect(audit.stdout).toContain('before: null');
    const out = join(mkdtempSync(join(tmpdir(), 'timeline-csv-')), 'claims.csv');
    expect((await timeline('export', 'palmyra-2017', '--format=csv', '-o', out)).code).toBe(0);
    const rows = readFileSync(out, 'utf8').trim().split('\n');
    expect(rows[0]).toMatch(/^event_id_cnty,event_date,year,time_precision,/);
    expect(rows.length).toBeGreaterThan(50);
    const unwritable = await timeline('export', 'palmyra-2017', '--format=csv', '-o', join(out, '..', 'missing', 'claims.csv'));
    expect(unwritable.code).toBe(1);
    expect(unwritable.stderr).toContain('ENOENT');
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
    const reported = reportedInstants(audit.stdout);
    expect(reported.length).toBeGreaterThan(3);
    expect(reported.every(Number.isFinite)).toBe(true);
    expect([...reported].sort((a, b) => a - b)).toEqual(reported);
    const bad = await timeline('audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07', '--order', 'newest');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--order must be log or reported, not "newest"');
  }, 60_000);

  it('explains its usage on a bad command with exit code 2', async () => {
    const { code, stderr } = await timeline('bogus');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown command "bogus"');
    expect(stderr).toContain('usage: timeline');
    const noFormat = await timeline('export', 'syria-2024');
    expect(noFormat.code).toBe(2);
    expect(noFormat.stderr).toContain('--format is required');
  }, 60_000);
});
