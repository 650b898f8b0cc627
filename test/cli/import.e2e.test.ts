import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureBuilt, ROOT } from '../support/server-process';
import { newStore, timeline as run } from './run-cli';

let store: string;
const timeline = (...args: string[]) => run(store, args);
const work = mkdtempSync(join(tmpdir(), 'timeline-import-'));
const COPY = 'syria-2024-copy';

/** An events folder holding syria-2024's campaign, places and sources under another id, and no claims. */
function catalogCopy(): string {
  const events = join(ROOT, 'events');
  const dir = join(work, 'events');
  mkdirSync(join(dir, COPY), { recursive: true });
  cpSync(join(events, 'publishers.json'), join(dir, 'publishers.json'));
  const campaign = JSON.parse(readFileSync(join(events, 'syria-2024', 'campaign.json'), 'utf8')) as object;
  writeFileSync(join(dir, COPY, 'campaign.json'), JSON.stringify({ ...campaign, campaignId: COPY }));
  for (const folder of ['places', 'sources'])
    cpSync(join(events, 'syria-2024', folder), join(dir, COPY, folder), { recursive: true });
  return dir;
}

const features = (stdout: string) => (JSON.parse(stdout) as { features: unknown[] }).features;

beforeAll(async () => {
  ensureBuilt();
  store = newStore();
  expect((await timeline('load')).code).toBe(0);
  expect((await timeline('load', '--events', catalogCopy())).code).toBe(0);
}, 180_000);

describe('npx timeline import: an ACLED table back into a campaign', () => {
  it('exports syria-2024 as ACLED, imports it into a copy of its catalog, and the maps agree; a second import changes nothing', async () => {
    const file = join(work, 'syria-2024.csv');
    expect((await timeline('export', 'syria-2024', '--format', 'acled', '--out', file)).code).toBe(0);
    const rows = readFileSync(file, 'utf8').trimEnd().split('\n').length - 1;

    const first = await timeline('import', COPY, file, '--format=acled');

    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain(`${rows} rows: ${rows} claims recorded, 0 unchanged, 0 corrected, 0 retracted`);
    for (const day of ['2024-11-30', '2024-12-06', '2024-12-08']) {
      const original = await timeline('export', 'syria-2024', '--format', 'geojson', '--day', day);
      const copy = await timeline('export', COPY, '--format', 'geojson', '--day', day);
      expect(features(copy.stdout).length, day).toBeGreaterThan(0);
      expect(features(copy.stdout), day).toEqual(features(original.stdout));
    }
    const again = await timeline('import', COPY, file, '--format', 'acled');
    expect(again.code).toBe(0);
    expect(again.stderr).toContain(`${rows} rows: 0 claims recorded, ${rows} unchanged, 0 corrected, 0 retracted`);
  }, 180_000);

  it('refuses a format it does not read, a file it cannot open and a campaign the store does not hold, with exit code 2', async () => {
    const format = await timeline('import', COPY, 'x.csv', '--format', 'ucdp');
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('acled');
    const missing = await timeline('import', COPY, join(work, 'none.csv'), '--format', 'acled');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('no such file');
    const campaign = await timeline('import', 'syria-2024-cpy', join(work, 'syria-2024.csv'), '--format', 'acled');
    expect(campaign.code).toBe(2);
    expect(campaign.stderr).toContain('did you mean "syria-2024-copy"');
  }, 60_000);
});
