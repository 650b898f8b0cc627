import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '@timeline/views';
import { importAcled, IMPORT_ACTOR } from './acled-import';
import { loadCampaigns } from './load-campaigns';
import { Timeline } from './timeline';

const EVENTS = resolve(__dirname, '../../../events');
const COPY = 'syria-2024-copy';
const root = mkdtempSync(join(tmpdir(), 'acled-import-'));
let timeline: Timeline;
let exported: string;

/** A campaign folder holding syria-2024's catalog (campaign, places, sources) under another id, and no claims. */
function catalogCopy(): string {
  const dir = join(root, 'events');
  mkdirSync(join(dir, COPY), { recursive: true });
  cpSync(join(EVENTS, 'publishers.json'), join(dir, 'publishers.json'));
  const campaign = JSON.parse(readFileSync(join(EVENTS, 'syria-2024', 'campaign.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(join(dir, COPY, 'campaign.json'), JSON.stringify({ ...campaign, campaignId: COPY }));
  for (const folder of ['places', 'sources'])
    cpSync(join(EVENTS, 'syria-2024', folder), join(dir, COPY, folder), { recursive: true });
  return dir;
}

async function table(campaignId: string, history = false): Promise<string> {
  const file = await timeline.campaignExport.file(campaignId, { format: 'acled', history });
  let text = '';
  if (file.format !== 'acled') throw new Error('not a table');
  for await (const line of file.lines) text += line;
  return text;
}

async function controlOn(campaignId: string, day: string) {
  const { identity } = await timeline.viewQueries.control(campaignId, { day });
  return JSON.parse(identity.toString()) as { places: unknown[] };
}

beforeAll(async () => {
  timeline = await Timeline.open(`sqlite:${join(root, 'store.db')}`);
  const shipped = await loadCampaigns(timeline, EVENTS);
  expect(shipped.problems).toEqual([]);
  const copy = await loadCampaigns(timeline, catalogCopy());
  expect(copy.problems).toEqual([]);
  exported = await table('syria-2024');
}, 120_000);

afterAll(async () => {
  await timeline.close();
  rmSync(root, { recursive: true, force: true });
});

describe('importAcled: an ACLED table into a campaign', () => {
  it('given syria-2024 exported as ACLED, when imported into a campaign with its catalog, then every claim is recorded and the control views are the same', async () => {
    const report = await importAcled(timeline, COPY, exported, { file: 'syria-2024.csv' });

    const rows = parseCsv(exported).rows.length;
    expect(report).toMatchObject({ rows, created: rows, corrected: 0, retracted: 0, problems: [] });
    for (const day of ['2024-11-27', '2024-11-30', '2024-12-05', '2024-12-08', '2024-12-31']) {
      const [original, copy] = [await controlOn('syria-2024', day), await controlOn(COPY, day)];
      expect(copy.places.length, day).toBeGreaterThan(0);
      expect(copy.places, day).toEqual(original.places);
    }
  }, 60_000);

  it('given the same file again, when imported, then nothing is appended', async () => {
    const report = await importAcled(timeline, COPY, exported, { file: 'syria-2024.csv' });

    expect(report).toMatchObject({ created: 0, corrected: 0, retracted: 0, ranked: 0, problems: [] });
    expect(report.unchanged).toBe(report.rows);
  }, 60_000);

  it('given an updated file with one row changed and one gone, when imported, then one correction and one retraction keep the history', async () => {
    const { header, rows } = parseCsv(exported);
    const [changed, gone] = rows.filter((r) => r.claim_type === 'control');
    if (!changed || !gone) throw new Error('syria-2024 has control claims');
    const updated = rows
      .filter((r) => r !== gone)
      .map((r) => (r === changed ? { ...r, notes: `${r.notes} (as the source later worded it)` } : r));
    const csv = [header, ...updated.map((r) => header.map((h) => r[h] ?? ''))]
      .map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
      .join('\n');

    const report = await importAcled(timeline, COPY, csv, { file: 'syria-2024-v2.csv', dataset: 'syria-2024.csv' });

    expect(report).toMatchObject({ corrected: 1, retracted: 1, created: 0, problems: [] });
    const history = parseCsv(await table(COPY, true)).rows;
    expect(history.filter((r) => r.claim_id === changed.claim_id).map((r) => [r.revision, r.claim_status])).toEqual([
      ['0', 'superseded'],
      ['1', 'current'],
    ]);
    expect(history.filter((r) => r.claim_id === gone.claim_id).map((r) => r.claim_status)).toEqual(['superseded', 'retracted']);
    const { history: events } = await timeline.claimQueries.get(COPY, changed.claim_id ?? '');
    expect(events.at(-1)).toMatchObject({ actor: IMPORT_ACTOR, reason: 're-imported from syria-2024-v2.csv: the row changed' });
  }, 60_000);

  it('given rows from ACLED itself, when imported, then the territory change is a claim of control, the strike an incident, and whose dead ACLED does not say is reported', async () => {
    const acled = [
      'event_id_cnty,event_date,year,time_precision,disorder_type,event_type,sub_event_type,actor1,assoc_actor_1,inter1,actor2,assoc_actor_2,inter2,interaction,civilian_targeting,iso,region,country,admin1,admin2,admin3,location,latitude,longitude,geo_precision,source,source_scale,notes,fatalities,tags,timestamp',
      "SYR900001,06 December 2024,2024,1,Political violence,Battles,Non-state actor overtakes territory,Hay'at Tahrir al-Sham,,2,Syrian Arab Army,,1,12,,760,Middle East,Syria,Homs,,,Al-Rastan,34.9267,36.7325,1,SOHR,National,HTS took Al-Rastan.,3,,1733500000",
      'SYR900002,2024-12-07,2024,2,Political violence,Explosions/Remote violence,Air/drone strike,Military Forces of Russia (2000-),,8,Civilians (Syria),,7,78,Civilian targeting,760,Middle East,Syria,Idlib,,,Sarmada Camp,36.19,36.72,1,SOHR,National,An airstrike hit the camp.,4,,1733600000',
      'SYR900003,2024-12-08,2024,1,Strategic developments,Strategic developments,Non-violent transfer of territory,,,,Syrian Arab Army,,1,10,,760,Middle East,Syria,Homs,,,Al-Rastan,34.9267,36.7325,1,SOHR,National,The army left Al-Rastan.,0,,1733600000',
    ].join('\n');

    const report = await importAcled(timeline, COPY, acled, { file: 'acled-download.csv' });

    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([
      'line 2 (SYR900001): its 3 fatalities were not imported: ACLED does not say whose dead they were',
    ]);
    // the claims of the other dataset imported before are left alone
    expect(report).toMatchObject({ created: 4, retracted: 0, placesRegistered: 1, sourcesRegistered: 3 });
    const control = await timeline.claimQueries.get(COPY, 'acled-syr900001');
    expect(control).toMatchObject({
      type: 'control',
      status: 'controlled',
      controller: 'hts',
      takenFrom: 'saa',
      place: 'al-rastan',
    });
    const strike = await timeline.claimQueries.get(COPY, 'acled-syr900002');
    expect(strike).toMatchObject({
      type: 'incident',
      kind: 'airstrike',
      place: 'sarmada-camp',
      time: { precision: 'multi-day' },
    });
    expect(strike.note).toContain('ACLED: Explosions/Remote violence / Air/drone strike');
    expect(strike.note).toContain('in the week around 2024-12-07');
    expect(strike.note).toContain('Military Forces of Russia (2000-)');
    const dead = await timeline.claimQueries.get(COPY, 'acled-syr900002-fatalities');
    expect(dead).toMatchObject({ type: 'casualties', side: 'civilians', count: 4 });
    // a transfer with only the side that left known: that side vacated it
    const left = await timeline.claimQueries.get(COPY, 'acled-syr900003');
    expect(left).toMatchObject({ type: 'control', status: 'vacated', vacatedBy: 'saa', place: 'al-rastan' });
  }, 60_000);

  it('given a file without ACLED columns, when imported, then it is refused naming the columns it lacks and nothing is written', async () => {
    const before = (await timeline.claimQueries.list(COPY, { includeRetracted: true }, { after: 0, limit: 1000 })).items.length;

    await expect(importAcled(timeline, COPY, 'a,b\n1,2\n', { file: 'other.csv' })).rejects.toThrow(
      'other.csv is not an ACLED table: it has no event_id_cnty, event_date, time_precision, sub_event_type, actor1, location, notes column',
    );
    expect((await timeline.claimQueries.list(COPY, { includeRetracted: true }, { after: 0, limit: 1000 })).items.length).toBe(
      before,
    );
  });
});
