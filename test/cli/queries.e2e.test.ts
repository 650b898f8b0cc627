import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt } from '../support/server-process';
import { newStore, reportedInstants, timeline as run } from './run-cli';

let store: string;
const timeline = (...args: string[]) => run(store, args);
const positions = (stdout: string) => [...stdout.matchAll(/^ *#(\d+) /gm)].map((m) => Number(m[1]));
const HOMS = ['audit', 'syria-2024', '--place', 'homs', '--day', '2024-12-07'];

beforeAll(async () => {
  ensureBuilt();
  store = newStore();
  expect((await timeline('load')).code).toBe(0);
}, 120_000);

describe('npx timeline audit: what was known, what was reported, in which order', () => {
  it('keeps to the log position --known-at gives, and knows nothing at an instant before the record began', async () => {
    const now = await timeline(...HOMS);
    const all = positions(now.stdout);
    expect(all.length).toBeGreaterThan(2);
    const cut = all[1]!;
    const then = await timeline(...HOMS, '--known-at', String(cut));
    expect(then.code).toBe(0);
    expect(positions(then.stdout)).toEqual(all.filter((p) => p <= cut));
    const before = await timeline(...HOMS, '--known-at', '2001-01-01T00:00:00Z');
    expect(before.code).toBe(0);
    expect(before.stdout).toContain('no event changed this place’s control');
  }, 60_000);

  it('keeps to what was reported by --reported-by, listed in report order with --order reported', async () => {
    const { code, stdout } = await timeline(
      'audit',
      'syria-2024',
      '--side',
      'civilians',
      '--category',
      'killed',
      '--day',
      '2024-12-31',
      '--reported-by',
      '2024-12-02T00:00:00+03:00',
      '--order',
      'reported',
    );
    expect(code).toBe(0);
    const reported = reportedInstants(stdout);
    expect(reported.length).toBeGreaterThan(0);
    expect(reported.every(Number.isFinite)).toBe(true);
    expect([...reported].sort((a, b) => a - b)).toEqual(reported);
    for (const at of reported) expect(at).toBeLessThanOrEqual(Date.parse('2024-12-02T00:00:00+03:00'));
    const everything = await timeline(
      'audit',
      'syria-2024',
      '--side',
      'civilians',
      '--category',
      'killed',
      '--day',
      '2024-12-31',
      '--order=reported',
    );
    expect(positions(everything.stdout).length).toBeGreaterThan(reported.length);
  }, 60_000);

  it('refuses a place the campaign does not have with exit code 2, naming the one meant', async () => {
    const { code, stderr } = await timeline('audit', 'syria-2024', '--place', 'hmos', '--day', '2024-12-07');
    expect(code).toBe(2);
    expect(stderr).toContain('unknown place "hmos"; did you mean "homs"?');
  }, 60_000);
});

describe('npx timeline source impact', () => {
  const SOURCE = 'al-arabiya-2024-12-07-homs-north-east';

  it('prints each figure a source’s claims changed, with the events that changed it', async () => {
    const { code, stdout } = await timeline('source', 'impact', 'syria-2024', SOURCE);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^source ${SOURCE} changed \\d+ figures? of syria-2024$`, 'm'));
    // on the campaign's clocks, as a replay tells its hours
    expect(stdout).toMatch(
      /^control of homs at Sat 7 Dec 2024 \d\d:\d\d \(\+03:00\) — claim homs-2024-12-07-\S+, reported \w{3} \d+ Dec 2024 \d\d:\d\d \(\+03:00\)$/m,
    );
    expect(stdout).toMatch(
      new RegExp(
        `^ {2}#\\d+ \\S+ reported \\w{3} \\d+ \\w{3} \\d{4} \\d\\d:\\d\\d \\(\\+03:00\\) ControlClaimed homs-2024-12-07-\\S+ by events-loader \\[${SOURCE} \\(al-arabiya\\)\\]`,
        'm',
      ),
    );
    expect(stdout).toMatch(/^ {4}before: \{"status":/m);
  }, 60_000);

  it('takes --known-at and --reported-by: before the source was recorded or reported, it changed nothing', async () => {
    const known = await timeline('source', 'impact', 'syria-2024', SOURCE, '--known-at', '1');
    expect(known.code).toBe(0);
    expect(known.stdout).toContain(`source ${SOURCE} changed no figure of syria-2024`);
    const reported = await timeline('source', 'impact', 'syria-2024', SOURCE, '--reported-by=2024-12-06T00:00:00Z');
    expect(reported.code).toBe(0);
    expect(reported.stdout).toContain('changed no figure');
  }, 60_000);

  it('refuses a source the campaign does not have with exit code 2, naming the one meant', async () => {
    const { code, stdout, stderr } = await timeline('source', 'impact', 'syria-2024', SOURCE.slice(0, -1));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toContain(`unknown source "${SOURCE.slice(0, -1)}"; did you mean "${SOURCE}"?`);
  }, 60_000);
});

describe('npx timeline export', () => {
  it('makes a map without --day, the day being left to the application', async () => {
    const { code, stdout, stderr } = await timeline('export', 'syria-2024', '--format', 'geojson');
    expect(stderr).not.toContain('--day is required');
    expect(code).toBe(0);
    const map = JSON.parse(stdout);
    expect(map.type).toBe('FeatureCollection');
  }, 60_000);

  it('takes --history, --known-at, --reported-by and --operation', async () => {
    const current = await timeline('export', 'syria-2024', '--format', 'csv');
    const history = await timeline(
      'export',
      'syria-2024',
      '--format',
      'csv',
      '--history',
      '--known-at',
      '900',
      '--operation',
      'homs',
    );
    expect(history.code).toBe(0);
    expect(history.stdout.split('\n')[0]).toMatch(/^event_id_cnty,event_date,/);
    const standing = await timeline('export', 'syria-2024', '--format', 'csv', '--known-at', '900', '--operation', 'homs');
    // every claim standing has its current row among the revisions, and the revisions are at least as many
    const ids = (stdout: string, status: string) => stdout.split('\n').filter((row) => row.includes(`,${status},`)).length;
    expect(ids(history.stdout, 'current')).toBe(ids(standing.stdout, 'current'));
    expect(history.stdout.split('\n').length).toBeGreaterThanOrEqual(standing.stdout.split('\n').length);
    const reported = await timeline('export', 'syria-2024', '--format', 'csv', '--reported-by', '2024-12-01T00:00:00Z');
    expect(reported.code).toBe(0);
    expect(reported.stdout.split('\n').length).toBeLessThan(current.stdout.split('\n').length);
    const log = await timeline('export', 'syria-2024', '--format', 'ndjson', '--reported-by', '2024-12-01T00:00:00Z');
    expect(log.code).toBe(2);
    expect(log.stderr).toContain('the ndjson export is the log itself');
  }, 60_000);
});
