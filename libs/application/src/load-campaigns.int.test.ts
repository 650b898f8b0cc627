import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteEventStore } from '@timeline/store';
import { loadCampaigns, type LoadReport } from './load-campaigns';
import { LOADER_ACTOR, REVISED_DATA } from './shipped-items';
import { Timeline } from './timeline';

const root = mkdtempSync(join(tmpdir(), 'load-campaigns-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const CAMPAIGN_ID = 'homs-test';
const CAMPAIGN = {
  campaignId: CAMPAIGN_ID,
  title: 'A test offensive on Homs',
  timeZone: 'Asia/Damascus',
  window: { from: '2024-12-01', to: '2024-12-10' },
  blocs: [
    { id: 'opposition', name: 'Opposition', color: '#4caf50' },
    { id: 'government', name: 'Government', color: '#e53935' },
  ],
  factions: [
    { id: 'hts', name: "Hay'at Tahrir al-Sham", bloc: 'opposition' },
    { id: 'saa', name: 'Syrian Arab Army', bloc: 'government' },
  ],
  operations: [{ id: 'homs', title: 'Homs offensive' }],
};

const place = (placeId: string, name: string, kind: string, fields: Record<string, unknown> = {}) => ({
  placeId,
  name,
  aliases: [],
  kind,
  governorate: 'Homs',
  lat: null,
  lon: null,
  precision: 'unknown',
  ...fields,
});
const source = (sourceId: string, title: string, publishedAt: string | null) => ({
  sourceId,
  publisher: 'wikipedia',
  publisherName: 'Wikipedia',
  publisherKind: 'encyclopedia',
  title,
  url: null,
  publishedAt,
  language: 'en',
});
const control = (claimId: string, place: string, date: string, fields: Record<string, unknown> = {}) => ({
  claimId,
  type: 'control',
  operation: 'homs',
  time: { date },
  sources: ['homs-offensive'],
  quote: `On ${date}, the town changed hands.`,
  place,
  status: 'controlled',
  controller: 'hts',
  ...fields,
});

const HOMS_HELD = control('homs-held', 'homs', '2024-12-05', { controller: 'saa', sources: ['sana-homs'] });
const GOVERNORATE = place('homs-governorate', 'Homs Governorate', 'region');

interface Data {
  places: ReturnType<typeof place>[];
  sources: ReturnType<typeof source>[];
  claims: ReturnType<typeof control>[];
}

const OLD: Data = {
  places: [
    place('homs', 'Homs', 'city', { lat: 34.73, lon: 36.72, precision: 'approximate' }),
    GOVERNORATE,
    place('al-rastan', 'Al-Rastan', 'town'),
    place('talbiseh', 'Talbiseh', 'town'),
  ],
  sources: [source('homs-offensive', 'Homs offensive (2024)', null), source('sana-homs', 'Army holds Homs', '2024-12-05')],
  claims: [
    HOMS_HELD,
    control('rastan-captured', 'al-rastan', '2024-12-06', { note: 'the town centre' }),
    control('talbiseh-captured', 'talbiseh', '2024-12-06'),
  ],
};

/** The data revised: finer times, takenFrom, a note dropped, a place's kind, a source's date, a new claim. */
const REVISED: Data = {
  places: OLD.places.map((p) => (p.placeId === 'homs-governorate' ? { ...p, kind: 'governorate' } : p)),
  sources: OLD.sources.map((s) => (s.sourceId === 'sana-homs' ? { ...s, publishedAt: '2024-12-06' } : s)),
  claims: [
    HOMS_HELD,
    control('rastan-captured', 'al-rastan', '2024-12-06', { time: { date: '2024-12-06', by: '18:00' }, takenFrom: 'saa' }),
    control('talbiseh-captured', 'talbiseh', '2024-12-06', { takenFrom: 'saa' }),
    control('homs-governorate-captured', 'homs-governorate', '2024-12-08', { takenFrom: 'saa', coversPlaces: true }),
  ],
};

/** An events folder as the service ships it: one campaign with its places, sources and claims. */
function eventsFolder(name: string, data: Data, registration: object = CAMPAIGN): string {
  const dir = join(root, name);
  const campaign = join(dir, CAMPAIGN_ID);
  for (const folder of ['places', 'sources', 'claims']) mkdirSync(join(campaign, folder), { recursive: true });
  const write = (file: string, value: unknown) => writeFileSync(join(campaign, file), `${JSON.stringify(value, null, 2)}\n`);
  write('campaign.json', registration);
  write('places/homs.json', { governorate: 'Homs', places: data.places });
  write('sources/homs-offensive-2024.json', { article: 'homs-offensive-2024', sources: data.sources });
  write('claims/homs-offensive-2024.json', { article: 'homs-offensive-2024', claims: data.claims });
  return dir;
}

/** A service over a store file: opened as a start opens it, so each load runs as after a restart. */
async function withService<T>(store: string, use: (timeline: Timeline) => Promise<T>): Promise<T> {
  const timeline = new Timeline(new SqliteEventStore(store));
  await timeline.start();
  try {
    return await use(timeline);
  } finally {
    await timeline.close();
  }
}

async function load(store: string, events: string): Promise<{ report: LoadReport; lines: string[] }> {
  const lines: string[] = [];
  const report = await withService(store, (timeline) => loadCampaigns(timeline, events, (line) => lines.push(line)));
  return { report, lines };
}

const LOG_ONLY = new Set(['position', 'recordedAt', 'updatedAt', 'revision']);
/** An answer without where and when it was recorded, which a store loaded in two steps cannot share with a fresh one. */
const asRead = <T>(answer: T): T =>
  JSON.parse(JSON.stringify(answer), (key, value: unknown) => (LOG_ONLY.has(key) ? undefined : value)) as T;

/** What a reader is answered: the places, sources and claims, and the control map of every day. */
async function answers(timeline: Timeline) {
  const days = (await timeline.viewQueries.controlDays(CAMPAIGN_ID, {})).days;
  const maps = await Promise.all(
    ['2024-12-05', '2024-12-06', '2024-12-08'].map((day) => timeline.viewQueries.control(CAMPAIGN_ID, { day })),
  );
  const claims = (await timeline.claimQueries.list(CAMPAIGN_ID, {}, { after: 0, limit: 100 })).items;
  return asRead({
    places: await timeline.catalogQueries.places(CAMPAIGN_ID),
    sources: await timeline.catalogQueries.sources(CAMPAIGN_ID),
    claims: [...claims].sort((a, b) => a.claimId.localeCompare(b.claimId)),
    days,
    maps: maps.map((map) => JSON.parse(map.identity.toString()) as unknown),
  });
}

describe('loadCampaigns over a store loaded from an earlier version of the data', () => {
  const oldEvents = eventsFolder('old', OLD);
  const revisedEvents = eventsFolder('revised', REVISED);

  it('given the old data loaded, when the revised data is loaded, then each revised item is corrected by the loader, the new claim is created, and a reader is answered as after a fresh load of the revised data', async () => {
    const store = join(root, 'upgraded.db');
    expect((await load(store, oldEvents)).report).toEqual({ created: 10, unchanged: 0, corrected: 0, kept: 0, problems: [] });

    const { report } = await load(store, revisedEvents);

    // homs-governorate and sana-homs, rastan-captured and talbiseh-captured
    expect(report).toEqual({ created: 1, unchanged: 6, corrected: 4, kept: 0, problems: [] });
    const fresh = join(root, 'fresh.db');
    expect((await load(fresh, revisedEvents)).report.problems).toEqual([]);
    const [upgraded, loadedFresh] = [await withService(store, answers), await withService(fresh, answers)];
    expect(upgraded).toEqual(loadedFresh);
    expect(upgraded.maps[2]).toMatchObject({
      places: expect.arrayContaining([
        // the refined time (by 18:00 local) and the new governorate claim, which covers Homs
        expect.objectContaining({ place: 'al-rastan', since: '2024-12-06T15:00:00.000Z' }),
        expect.objectContaining({ place: 'homs', controller: 'hts', basis: ['homs-governorate-captured'] }),
      ]),
    });

    await withService(store, async (timeline) => {
      const rastan = await timeline.claimQueries.get(CAMPAIGN_ID, 'rastan-captured');
      expect(rastan).not.toHaveProperty('note');
      expect(rastan.history.map(({ event, actor }) => ({ event, actor }))).toEqual([
        { event: 'ControlClaimed', actor: LOADER_ACTOR },
        { event: 'ClaimCorrected', actor: LOADER_ACTOR },
      ]);
      expect(rastan.history[1]).toMatchObject({
        reason: REVISED_DATA,
        sources: [{ sourceId: 'homs-offensive' }],
        changes: { time: { precision: 'by' }, writtenTime: { date: '2024-12-06', by: '18:00' }, takenFrom: 'saa', note: null },
      });
      const governorate = await timeline.catalog.readPlace(CAMPAIGN_ID, 'homs-governorate');
      expect(governorate.events.map(({ type, data, metadata }) => ({ type, data, actor: metadata.actor }))).toEqual([
        { type: 'PlaceRegistered', data: { ...GOVERNORATE, campaignId: CAMPAIGN_ID }, actor: LOADER_ACTOR },
        {
          type: 'PlaceCorrected',
          data: { campaignId: CAMPAIGN_ID, placeId: 'homs-governorate', changes: { kind: 'governorate' }, reason: REVISED_DATA },
          actor: LOADER_ACTOR,
        },
      ]);
      const sana = await timeline.catalog.readSource(CAMPAIGN_ID, 'sana-homs');
      expect(sana.events.at(-1)).toMatchObject({ type: 'SourceCorrected', data: { changes: { publishedAt: '2024-12-06' } } });
    });
  });

  it('given two services starting at once on one store, when both load the same data, then between them each item is reported created once, and otherwise unchanged', async () => {
    const store = join(root, 'together.db');
    const reports = await Promise.all([
      withService(store, (timeline) => loadCampaigns(timeline, revisedEvents)),
      withService(store, (timeline) => loadCampaigns(timeline, revisedEvents)),
    ]);
    const items = 1 + REVISED.places.length + REVISED.sources.length + REVISED.claims.length;
    for (const report of reports) expect(report.created + report.unchanged).toBe(items);
    expect(reports[0].created + reports[1].created).toBe(items);
    expect(await withService(store, (timeline) => timeline.store.headPosition())).toBe(items);
  });

  it('given the revised data loaded over the old, when it is loaded again, then everything is unchanged and nothing is stored', async () => {
    const store = join(root, 'twice.db');
    await load(store, oldEvents);
    await load(store, revisedEvents);
    const head = await withService(store, (timeline) => timeline.store.headPosition());

    const { report } = await load(store, revisedEvents);

    expect(report).toEqual({ created: 0, unchanged: 11, corrected: 0, kept: 0, problems: [] });
    expect(await withService(store, (timeline) => timeline.store.headPosition())).toBe(head);
  });

  it("given the old data loaded and a claim and a place an editor changed, when the revised data is loaded, then the editor's versions are kept and reported, and the rest is corrected", async () => {
    const store = join(root, 'edited.db');
    await load(store, oldEvents);
    const editor = { actor: 'editor-amira', correlationId: 'edit', now: new Date() };
    await withService(store, async (timeline) => {
      await timeline.claims.correct(
        CAMPAIGN_ID,
        'talbiseh-captured',
        { expectedRevision: 0, changes: { time: { date: '2024-12-07' } }, sources: ['sana-homs'], reason: 'a later report' },
        editor,
      );
      await timeline.catalog.correctPlace(
        CAMPAIGN_ID,
        'homs-governorate',
        { name: 'Homs', reason: 'as sources name it' },
        editor,
      );
    });

    const { report, lines } = await load(store, revisedEvents);

    expect(report).toEqual({ created: 1, unchanged: 6, corrected: 2, kept: 2, problems: [] });
    expect(lines).toEqual([
      expect.stringMatching(/^kept the editor's version of homs-governorate: /),
      expect.stringMatching(/^kept the editor's version of talbiseh-captured: /),
    ]);
    await withService(store, async (timeline) => {
      const talbiseh = await timeline.claimQueries.get(CAMPAIGN_ID, 'talbiseh-captured');
      expect(talbiseh).toMatchObject({ writtenTime: { date: '2024-12-07' }, revision: 1 });
      expect(talbiseh).not.toHaveProperty('takenFrom');
      expect(await timeline.catalogQueries.place(CAMPAIGN_ID, 'homs-governorate')).toMatchObject({
        name: 'Homs',
        kind: 'region',
      });
    });
    expect((await load(store, revisedEvents)).report).toEqual({ created: 0, unchanged: 9, corrected: 0, kept: 2, problems: [] });
  });

  it('given revised claims and new ones in one chunk, one of which names an unknown place, when loaded, then only that claim fails and the others are created or corrected', async () => {
    const store = join(root, 'failing.db');
    await load(store, oldEvents);
    const broken = control('qusayr-captured', 'al-qusayr', '2024-12-07');
    const events = eventsFolder('revised-with-a-broken-claim', { ...REVISED, claims: [...REVISED.claims, broken] });

    const { report } = await load(store, events);

    expect(report).toMatchObject({ created: 1, unchanged: 6, corrected: 4, kept: 0 });
    expect(report.problems).toEqual([expect.stringMatching(/^homs-test claim qusayr-captured: .*unknown place "al-qusayr"/)]);
    await withService(store, async (timeline) => {
      expect(await timeline.claimQueries.get(CAMPAIGN_ID, 'homs-governorate-captured')).toMatchObject({ coversPlaces: true });
    });
  });

  it('given the old campaign loaded, when a campaign.json with an area, admin areas and a claim window is loaded, then the stored campaign is amended by the loader, reads as a fresh load, and a third load stores nothing', async () => {
    const store = join(root, 'amended.db');
    await load(store, oldEvents);
    const bounded = {
      ...CAMPAIGN,
      claimWindow: { from: '2024-11-01', to: '2024-12-31' },
      area: { south: 32, west: 35, north: 38, east: 43, note: 'approximate bounding box of Syria' },
      adminAreas: ['Homs', 'Hama'],
    };
    const amendedEvents = eventsFolder('amended', REVISED, bounded);

    const { report } = await load(store, amendedEvents);

    expect(report).toEqual({ created: 1, unchanged: 5, corrected: 5, kept: 0, problems: [] });
    await withService(store, async (timeline) => {
      expect(await timeline.catalogQueries.campaign(CAMPAIGN_ID)).toMatchObject(bounded);
      const { events } = await timeline.catalog.readCampaign(CAMPAIGN_ID);
      expect(events.map(({ type, metadata }) => ({ type, actor: metadata.actor }))).toEqual([
        { type: 'CampaignRegistered', actor: LOADER_ACTOR },
        { type: 'CampaignAmended', actor: LOADER_ACTOR },
      ]);
      expect(events[1]?.data).toEqual({
        campaignId: CAMPAIGN_ID,
        changes: { claimWindow: bounded.claimWindow, area: bounded.area, adminAreas: bounded.adminAreas },
        reason: REVISED_DATA,
      });
    });
    const fresh = join(root, 'amended-fresh.db');
    expect((await load(fresh, amendedEvents)).report.problems).toEqual([]);
    const campaignOf = (timeline: Timeline) => timeline.catalogQueries.campaign(CAMPAIGN_ID);
    expect(await withService(store, campaignOf)).toEqual(await withService(fresh, campaignOf));
    expect((await load(store, amendedEvents)).report).toEqual({ created: 0, unchanged: 11, corrected: 0, kept: 0, problems: [] });
  });
});
