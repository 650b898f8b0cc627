import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Response } from 'supertest';
import { asAdmin, asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, PLACES, SOURCES } from '../support/fixtures';

const C = CAMPAIGN.campaignId;
const AREA = { south: 32, west: 35, north: 38, east: 43, note: 'approximate bounding box of Syria' };
const BOUNDED = { ...CAMPAIGN, area: AREA, adminAreas: ['Hama', 'Homs', 'Deir ez-Zor'] };
const BOX = "the campaign's area (south 32, west 35, north 38, east 43 (approximate bounding box of Syria))";
let app: TestApp;

const hama = {
  placeId: 'hama',
  name: 'Hama',
  aliases: ['Hamah'],
  kind: 'city',
  governorate: 'Hama',
  lat: 35.13,
  lon: 36.75,
  precision: 'approximate',
};
const casualties = {
  claimId: 'rastan-killed',
  type: 'casualties',
  time: { date: '2024-12-06' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: 'Four fighters were killed in Al-Rastan.',
  side: 'hts',
  category: 'killed',
  count: 4,
  scope: 'incident',
  place: 'al-rastan',
};

beforeAll(async () => {
  app = await startTestApp();
  await app.http.post('/campaigns').set(asAdmin).send(BOUNDED).expect(201);
  for (const place of PLACES) await app.http.post(`/campaigns/${C}/places`).set(asEditor).send(place).expect(201);
  for (const source of SOURCES) await app.http.post(`/campaigns/${C}/sources`).set(asEditor).send(source).expect(201);
  await app.http.post(`/campaigns/${C}/claims`).set(asEditor).send(controlClaim()).expect(201);
  await app.http.post(`/campaigns/${C}/claims`).set(asEditor).send(casualties).expect(201);
});
afterAll(async () => app.close());

/** The message of the error at `path` of a problem answer with `status`. */
function errorAt(res: Response, status: number, path: string): string {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.type).toBe('application/problem+json');
  const error = (res.body.errors as { path: string; message: string }[]).find((e) => e.path === path);
  expect(error, `no error at ${path}: ${JSON.stringify(res.body.errors)}`).toBeDefined();
  return error?.message ?? '';
}

/** Runs a refused request and checks the log did not move. */
async function refused(request: () => PromiseLike<Response>): Promise<Response> {
  const head = await app.timeline.store.headPosition();
  const res = await request();
  expect(await app.timeline.store.headPosition()).toBe(head);
  return res;
}

const postPlace = (place: object) => app.http.post(`/campaigns/${C}/places`).set(asEditor).send(place);
const postClaim = (claim: object) => app.http.post(`/campaigns/${C}/claims`).set(asEditor).send(claim);

describe('1. a campaign area', () => {
  it("shows the area and admin areas on the campaign, and refuses a place at Paris's coordinates on lat and lon naming the box", async () => {
    expect((await app.http.get(`/campaigns/${C}`).expect(200)).body).toMatchObject({
      area: AREA,
      adminAreas: BOUNDED.adminAreas,
    });
    const res = await refused(() => postPlace({ ...hama, lat: 48.8566, lon: 2.3522 }));
    expect(errorAt(res, 422, 'lat')).toBe(`must be between 32 and 38: 48.8566 is outside ${BOX}`);
    expect(errorAt(res, 422, 'lon')).toBe(`must be between 35 and 43: 2.3522 is outside ${BOX}`);
    await app.http.get(`/campaigns/${C}/places/hama`).expect(404);
  });

  it('says latitude and longitude look swapped when swapping them puts the place inside, on register and on correction', async () => {
    const swapped = { ...hama, placeId: 'deir-ez-zor', name: 'Deir ez-Zor', governorate: 'Deir ez-Zor', lat: 40.14, lon: 35.33 };
    const res = await refused(() => postPlace(swapped));
    expect(errorAt(res, 422, 'lat')).toBe(
      `latitude and longitude look swapped: 40.14, 35.33 is outside ${BOX}, but 35.33, 40.14 is inside`,
    );
    const patch = await refused(() =>
      app.http.patch(`/campaigns/${C}/places/homs`).set(asEditor).send({ lat: 36.72, lon: 34.73, reason: 'resurveyed' }),
    );
    expect(errorAt(patch, 422, 'lon')).toMatch(/^latitude and longitude look swapped/);
    expect((await app.http.get(`/campaigns/${C}/places/homs`).expect(200)).body).toMatchObject({ lat: 34.73, lon: 36.72 });
  });

  it('accepts any coordinates in a campaign registered without an area', async () => {
    await app.http
      .post('/campaigns')
      .set(asAdmin)
      .send({ ...CAMPAIGN, campaignId: 'unbounded' })
      .expect(201);
    await app.http
      .post('/campaigns/unbounded/places')
      .set(asEditor)
      .send({ ...hama, lat: 48.8566, lon: 2.3522 })
      .expect(201);
  });
});

describe('2. admin areas', () => {
  it('refuses governorate "Hamah" listing the admin areas and asking about "Hama"', async () => {
    const res = await refused(() => postPlace({ ...hama, governorate: 'Hamah' }));
    expect(errorAt(res, 422, 'governorate')).toBe(
      `unknown admin area "Hamah"; did you mean "Hama"? (the campaign's admin areas: Hama, Homs, Deir ez-Zor)`,
    );
    await app.http.get(`/campaigns/${C}/places/hama`).expect(404);
  });

  it('accepts a desert base without a governorate, and stores none', async () => {
    const { governorate: _none, ...base } = {
      ...hama,
      placeId: 't4',
      name: 'Tiyas Airbase',
      kind: 'base',
      lat: 34.52,
      lon: 37.63,
    };
    await postPlace(base).expect(201);
    expect((await app.http.get(`/campaigns/${C}/places/t4`).expect(200)).body).not.toHaveProperty('governorate');
  });
});

describe('3. the campaign window', () => {
  const late = { ...controlClaim({ claimId: 'rastan-late', time: { date: '2025-06-06' } }) };
  const WINDOW =
    "must fall within the campaign's window, 2024-11-27 to 2024-12-31 (local days, Asia/Damascus); this time falls on 2025-06-06";

  it('refuses a claim dated 2025-06-06, alone, in a batch and as a correction, naming the window', async () => {
    expect(errorAt(await refused(() => postClaim(late)), 422, 'time')).toBe(WINDOW);
    const batch = await refused(() => postClaim({ claims: [controlClaim({ claimId: 'rastan-ok' }), late] }));
    expect(errorAt(batch, 422, 'claims.1.time')).toBe(WINDOW);
    const correction = await refused(() =>
      app.http
        .post(`/campaigns/${C}/claims/homs-2024-12-06-rastan/corrections`)
        .set(asEditor)
        .send({
          expectedRevision: 0,
          changes: { time: { date: '2025-06-06' } },
          sources: ['sohr-2024-12-06-rastan'],
          reason: 'typo',
        }),
    );
    expect(errorAt(correction, 422, 'changes.time')).toBe(WINDOW);
    await app.http.get(`/campaigns/${C}/claims/rastan-late`).expect(404);
    expect((await app.http.get(`/campaigns/${C}/claims/homs-2024-12-06-rastan`).expect(200)).body.revision).toBe(0);
  });

  it('lets only an admin amend the campaign; narrowing it so a recorded claim or place falls outside is refused', async () => {
    await refused(() =>
      app.http
        .patch(`/campaigns/${C}`)
        .set(asEditor)
        .send({ window: { from: '2024-11-27', to: '2025-12-31' }, reason: 'aftermath' })
        .expect(403),
    );
    const narrowed = await refused(() =>
      app.http
        .patch(`/campaigns/${C}`)
        .set(asAdmin)
        .send({ window: { from: '2024-11-27', to: '2024-12-01' }, reason: 'shorter' }),
    );
    expect(errorAt(narrowed, 422, 'window')).toMatch(
      /^would leave 2 recorded claim\(s\) outside 2024-11-27 to 2024-12-01: (homs-2024-12-06-rastan, rastan-killed|rastan-killed, homs-2024-12-06-rastan)$/,
    );
    const smaller = await refused(() =>
      app.http
        .patch(`/campaigns/${C}`)
        .set(asAdmin)
        .send({ area: { ...AREA, north: 34 }, adminAreas: ['Hama'], reason: 'smaller' }),
    );
    expect(errorAt(smaller, 422, 'area')).toMatch(/^would leave 3 recorded place\(s\) outside it: homs, al-rastan, t4$/);
    expect(errorAt(smaller, 422, 'adminAreas')).toBe('must include the admin areas of recorded places: Homs');
    expect((await app.http.get(`/campaigns/${C}`).expect(200)).body.window).toEqual(CAMPAIGN.window);
  });

  it('accepts the claim once an admin widens the claim window (CampaignAmended)', async () => {
    const amended = await app.http
      .patch(`/campaigns/${C}`)
      .set(asAdmin)
      .send({ claimWindow: { from: '2024-11-27', to: '2025-12-31' }, reason: 'the aftermath is recorded too' })
      .expect(200);
    expect(amended.body).toMatchObject({ campaignId: C, revision: 1 });
    expect((await app.http.get(`/campaigns/${C}`).expect(200)).body).toMatchObject({
      window: CAMPAIGN.window,
      claimWindow: { from: '2024-11-27', to: '2025-12-31' },
    });
    await postClaim(late).expect(201);
  });
});

describe('4. the shipped campaigns', () => {
  const EVENTS = join(__dirname, '../../events');
  const shipped = (campaignId: string, folder: string, key: string) =>
    readdirSync(join(EVENTS, campaignId, folder)).flatMap(
      (file) => JSON.parse(readFileSync(join(EVENTS, campaignId, folder, file), 'utf8'))[key] as unknown[],
    );

  it.each(['syria-2024', 'palmyra-2017'])(
    'loads %s at start with its area, admin areas and claim window, refusing none of its places and claims',
    async (campaignId) => {
      const loaded = await startTestApp({ LOAD_EVENTS: 'true' });
      try {
        const campaign = (await loaded.http.get(`/campaigns/${campaignId}`).expect(200)).body;
        expect(campaign.area).toMatchObject({ south: 32, west: 35, north: 38, east: 43 });
        expect(campaign.area.note).toMatch(/approximate bounding box of Syria.*Wikipedia/);
        expect(campaign.adminAreas).toContain('Homs');
        expect(campaign.counts).toEqual({
          places: shipped(campaignId, 'places', 'places').length,
          sources: shipped(campaignId, 'sources', 'sources').length,
          claims: shipped(campaignId, 'claims', 'claims').length,
        });
      } finally {
        await loaded.close();
      }
    },
  );
});

describe('5. did you mean', () => {
  it('suggests the place meant for "hmos" in a claim and a batch, and the source meant in a correction and a retraction', async () => {
    const one = await refused(() => postClaim(controlClaim({ claimId: 'homs-typo', place: 'hmos' })));
    expect(errorAt(one, 422, 'place')).toBe('unknown place "hmos"; did you mean "homs"?');
    const batch = await refused(() => postClaim({ claims: [controlClaim({ claimId: 'homs-typo', operation: 'hosm' })] }));
    expect(errorAt(batch, 422, 'claims.0.operation')).toBe('unknown operation "hosm"; did you mean "homs"?');
    const faction = await refused(() => postClaim(controlClaim({ claimId: 'homs-typo', controller: 'htss' })));
    expect(errorAt(faction, 422, 'controller')).toBe('unknown faction "htss"; did you mean "hts"?');
    const correction = await refused(() =>
      app.http
        .post(`/campaigns/${C}/claims/homs-2024-12-06-rastan/corrections`)
        .set(asEditor)
        .send({ expectedRevision: 0, changes: { controller: 'saa' }, sources: ['sohr-2024-12-06-rastn'], reason: 'x' }),
    );
    expect(errorAt(correction, 422, 'sources.0')).toBe(
      'unknown source "sohr-2024-12-06-rastn"; did you mean "sohr-2024-12-06-rastan"?',
    );
    const retraction = await refused(() =>
      app.http
        .post(`/campaigns/${C}/claims/homs-2024-12-06-rastan/retraction`)
        .set(asEditor)
        .send({ expectedRevision: 0, reason: 'x', sources: ['sana-2024-12-07-hom'] }),
    );
    expect(errorAt(retraction, 422, 'sources.0')).toBe(
      'unknown source "sana-2024-12-07-hom"; did you mean "sana-2024-12-07-homs"?',
    );
  });

  it('suggests the parent meant for a place', async () => {
    const res = await refused(() => postPlace({ ...PLACES[1], placeId: 'khalidiya', name: 'Khalidiya', parent: 'hom' }));
    expect(errorAt(res, 422, 'parent')).toBe('unknown place "hom"; did you mean "homs"?');
  });
});

describe('6. a revision ahead of the claim', () => {
  it('refuses expectedRevision ahead of the claim as 422, and a stale one stays 409', async () => {
    const body = (expectedRevision: number) => ({
      expectedRevision,
      changes: { controller: 'saa' },
      sources: ['sohr-2024-12-06-rastan'],
      reason: 'x',
    });
    const url = `/campaigns/${C}/claims/homs-2024-12-06-rastan`;
    const ahead = await refused(() => app.http.post(`${url}/corrections`).set(asEditor).send(body(5)));
    expect(errorAt(ahead, 422, 'expectedRevision')).toBe("is ahead of the claim's revision 0: give the revision read, 0");
    const retraction = await refused(() =>
      app.http.post(`${url}/retraction`).set(asEditor).send({ expectedRevision: 1, reason: 'x' }),
    );
    expect(errorAt(retraction, 422, 'expectedRevision')).toMatch(/^is ahead of the claim's revision 0/);
    await app.http.post(`${url}/corrections`).set(asEditor).send(body(0)).expect(201);
    const stale = await refused(() => app.http.post(`${url}/corrections`).set(asEditor).send(body(0)));
    expect(errorAt(stale, 409, 'expectedRevision')).toBe('is stale: the claim is at revision 1');
    expect((await app.http.get(url).expect(200)).body).toMatchObject({ revision: 1, controller: 'saa' });
  });
});

describe('7. colours', () => {
  it('accepts #f00 and stores it as #ff0000', async () => {
    const blocs = [{ ...CAMPAIGN.blocs[0], color: '#f00' }, CAMPAIGN.blocs[1]];
    await app.http
      .post('/campaigns')
      .set(asAdmin)
      .send({ ...CAMPAIGN, campaignId: 'short-colours', blocs })
      .expect(201);
    expect((await app.http.get('/campaigns/short-colours').expect(200)).body.blocs[0].color).toBe('#ff0000');
    const res = await refused(() =>
      app.http
        .post('/campaigns')
        .set(asAdmin)
        .send({ ...CAMPAIGN, campaignId: 'bad-colours', blocs: [{ ...CAMPAIGN.blocs[0], color: '#f0' }] }),
    );
    expect(errorAt(res, 422, 'blocs.0.color')).toBe('must be a colour #rrggbb or #rgb');
  });
});

describe('8. a place whose location is unknown', () => {
  it('may omit lat and lon, stored as null; a located one may not', async () => {
    const {
      lat: _lat,
      lon: _lon,
      ...unlocated
    } = { ...hama, placeId: 'kafr-nabudah', name: 'Kafr Nabudah', precision: 'unknown' };
    await postPlace(unlocated).expect(201);
    expect((await app.http.get(`/campaigns/${C}/places/kafr-nabudah`).expect(200)).body).toMatchObject({ lat: null, lon: null });
    const res = await refused(() => postPlace({ ...unlocated, placeId: 'souran', precision: 'approximate' }));
    expect(errorAt(res, 422, 'lat')).toBe('lat and lon are required unless precision is "unknown"');
  });
});

describe('9. a known publisher', () => {
  const report = { sourceId: 'sohr-2024-12-08-homs', publisher: 'sohr', title: 'Homs taken', publishedAt: '2024-12-08' };

  it('fills in the name and kind of a publisher named by an earlier source, in the stored event too', async () => {
    await app.http.post(`/campaigns/${C}/sources`).set(asEditor).send(report).expect(201);
    expect((await app.http.get(`/campaigns/${C}/sources/${report.sourceId}`).expect(200)).body).toMatchObject({
      publisherName: 'Syrian Observatory for Human Rights',
      publisherKind: 'monitor',
    });
    const { events } = await app.timeline.catalog.readSource(C, report.sourceId);
    expect(events[0]?.data).toMatchObject({ publisherName: 'Syrian Observatory for Human Rights', publisherKind: 'monitor' });
  });

  it('fills them in from a publisher registered with POST /publishers', async () => {
    await app.http
      .post('/publishers')
      .set(asAdmin)
      .send({ publisher: 'reuters', name: 'Reuters', kind: 'news-agency' })
      .expect(201);
    await app.http
      .post(`/campaigns/${C}/sources`)
      .set(asEditor)
      .send({ ...report, sourceId: 'reuters-2024-12-08-homs', publisher: 'reuters' })
      .expect(201);
    expect((await app.http.get(`/campaigns/${C}/sources/reuters-2024-12-08-homs`).expect(200)).body).toMatchObject({
      publisherName: 'Reuters',
      publisherKind: 'news-agency',
    });
  });

  it('refuses an unknown publisher without name and kind, naming both fields and the publisher meant', async () => {
    const res = await refused(() =>
      app.http
        .post(`/campaigns/${C}/sources`)
        .set(asEditor)
        .send({ ...report, sourceId: 'sohrr-2024-12-08', publisher: 'sohrr' }),
    );
    expect(errorAt(res, 422, 'publisher')).toBe('unknown publisher "sohrr"; did you mean "sohr"?');
    expect(errorAt(res, 422, 'publisherName')).toMatch(/^is required for a publisher not yet known/);
    expect(errorAt(res, 422, 'publisherKind')).toMatch(/: one of monitor, news-agency, belligerent, government, encyclopedia$/);
    await app.http.get(`/campaigns/${C}/sources/sohrr-2024-12-08`).expect(404);
  });

  it('takes the name and kind of the publisher a source is corrected to, and refuses an unknown one without them', async () => {
    const url = `/campaigns/${C}/sources/${report.sourceId}`;
    const res = await refused(() => app.http.patch(url).set(asEditor).send({ publisher: 'reutres', reason: 'misattributed' }));
    expect(errorAt(res, 422, 'publisher')).toBe('unknown publisher "reutres"; did you mean "reuters"?');
    await app.http.patch(url).set(asEditor).send({ publisher: 'reuters', reason: 'misattributed' }).expect(200);
    expect((await app.http.get(url).expect(200)).body).toMatchObject({
      publisher: 'reuters',
      publisherName: 'Reuters',
      publisherKind: 'news-agency',
    });
  });
});

describe('10. reads that name what the campaign does not have', () => {
  it.each([
    ['claims?place=hmos', 'place', 'unknown place "hmos"; did you mean "homs"?'],
    ['claims?source=sana-2024-12-07-hom', 'source', 'unknown source "sana-2024-12-07-hom"; did you mean "sana-2024-12-07-homs"?'],
    ['places/hmos/history', 'place', 'unknown place "hmos"; did you mean "homs"?'],
    ['audit/control?place=hmos&day=2024-12-07', 'place', 'unknown place "hmos"; did you mean "homs"?'],
    [
      'sources/sohr-2024-12-06-rastn/impact',
      'source',
      'unknown source "sohr-2024-12-06-rastn"; did you mean "sohr-2024-12-06-rastan"?',
    ],
    [
      'audit/territory?faction=htss&day=2024-12-07',
      'faction',
      'unknown faction "htss"; did you mean "hts"? (the factions: hts, saa)',
    ],
    [
      'control?day=2024-12-07&operation=hosm',
      'operation',
      'unknown operation "hosm"; did you mean "homs"? (the operations: homs)',
    ],
  ])('GET %s is 404 naming %s', async (query, path, message) => {
    const res = await app.http.get(`/campaigns/${C}/${query}`);
    expect(errorAt(res, 404, path)).toMatch(new RegExp(`^${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`));
  });

  it.each([
    [
      'casualties?day=2024-12-06&side=civilian',
      'side',
      'unknown side "civilian"; did you mean "civilians"? (a side is a faction or civilians: hts, saa, civilians)',
    ],
    [
      'casualties/series?side=civilian',
      'side',
      'unknown side "civilian"; did you mean "civilians"? (a side is a faction or civilians: hts, saa, civilians)',
    ],
    [
      'audit/casualties?side=civilian&category=killed&day=2024-12-06',
      'side',
      'unknown side "civilian"; did you mean "civilians"? (a side is a faction or civilians: hts, saa, civilians)',
    ],
    [
      'casualties?day=2024-12-06&category=kiled',
      'category',
      'unknown category "kiled"; did you mean "killed"? (one of killed, wounded, killed-or-wounded, captured, missing, arrested, displaced)',
    ],
  ])('GET %s is 422 naming %s and the accepted values', async (query, path, message) => {
    expect(errorAt(await app.http.get(`/campaigns/${C}/${query}`), 422, path)).toBe(message);
  });
});

describe('11. the OpenAPI document', () => {
  it("types a correction's changes per type of claim", async () => {
    const doc = (await app.http.get('/docs/openapi.json').expect(200)).body;
    const body = doc.paths['/campaigns/{c}/claims/{id}/corrections'].post.requestBody.content['application/json'].schema;
    const titles = (body.properties.changes.anyOf as { title: string }[]).map((b) => b.title);
    expect(titles).toEqual([
      'Changes to a control claim',
      'Changes to a casualties claim',
      'Changes to a territory claim',
      'Changes to an incident claim',
    ]);
    expect(doc.paths['/campaigns/{c}'].patch).toMatchObject({ security: [{ bearer: [] }] });
  });
});
