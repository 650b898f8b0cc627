import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, PLACES, SOURCES } from '../support/fixtures';

const C = CAMPAIGN.campaignId;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(async () => app.close());

describe('campaigns, places, sources and publishers', () => {
  it('registers a campaign (201), a retry is 200, other content under its id is 409', async () => {
    await app.http.post('/campaigns').set(asAdmin).send(CAMPAIGN).expect(201);
    await app.http.post('/campaigns').set(asAdmin).send(CAMPAIGN).expect(200);
    const res = await app.http
      .post('/campaigns')
      .set(asAdmin)
      .send({ ...CAMPAIGN, title: 'Another' })
      .expect(409);
    expect(res.body.errors[0].path).toBe('campaignId');
    const got = (await app.http.get(`/campaigns/${C}`).expect(200)).body;
    expect(got).toMatchObject({
      title: CAMPAIGN.title,
      factions: CAMPAIGN.factions,
      blocs: CAMPAIGN.blocs,
      operations: CAMPAIGN.operations,
    });
  });

  it('validates a campaign naming each field', async () => {
    const res = await app.http
      .post('/campaigns')
      .set(asAdmin)
      .send({ ...CAMPAIGN, campaignId: 'Bad Id', timeZone: 'Mars/Olympus', factions: [{ id: 'x', name: 'X', bloc: 'nobody' }] })
      .expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['campaignId', 'factions.0.bloc', 'timeZone']);
  });

  it('registers places and sources, lists them and counts them on the campaign', async () => {
    for (const place of PLACES) await app.http.post(`/campaigns/${C}/places`).set(asEditor).send(place).expect(201);
    for (const source of SOURCES) await app.http.post(`/campaigns/${C}/sources`).set(asEditor).send(source).expect(201);
    expect((await app.http.get(`/campaigns/${C}/places`).expect(200)).body.map((p: { placeId: string }) => p.placeId)).toEqual([
      'homs',
      'al-rastan',
    ]);
    expect((await app.http.get(`/campaigns/${C}/sources/sohr-2024-12-06-rastan`).expect(200)).body).toMatchObject({
      publisher: 'sohr',
      reliability: null,
    });
    const list = (await app.http.get('/campaigns').expect(200)).body;
    expect(list).toEqual([expect.objectContaining({ campaignId: C, counts: { claims: 0, places: 2, sources: 2 } })]);
  });

  it('corrects a place with PATCH, keeping the original registration in the log', async () => {
    await app.http
      .patch(`/campaigns/${C}/places/homs`)
      .set(asEditor)
      .send({ lat: 34.7324, lon: 36.7137, precision: 'exact', reason: 'surveyed' })
      .expect(200);
    expect((await app.http.get(`/campaigns/${C}/places/homs`)).body).toMatchObject({
      lat: 34.7324,
      precision: 'exact',
      name: 'Homs',
    });
    const bad = await app.http
      .patch(`/campaigns/${C}/places/homs`)
      .set(asEditor)
      .send({ precision: 'unknown', reason: 'x' })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('precision');
    await app.http.patch(`/campaigns/${C}/places/nowhere`).set(asEditor).send({ name: 'X', reason: 'x' }).expect(404);
  });

  it('registers a place with an unknown parent as 422 naming parent', async () => {
    const res = await app.http
      .post(`/campaigns/${C}/places`)
      .set(asEditor)
      .send({ ...PLACES[0], placeId: 'old-city', parent: 'aleppo' })
      .expect(422);
    expect(res.body.errors).toEqual([{ path: 'parent', message: 'unknown place "aleppo"' }]);
  });

  it('grades a publisher named by a source, and shows the grade beside its sources', async () => {
    await app.http
      .post('/publishers/sohr/assessments')
      .set(asAdmin)
      .send({ reliability: 'B', reason: 'consistent record' })
      .expect(201);
    expect((await app.http.get(`/campaigns/${C}/sources/sohr-2024-12-06-rastan`)).body.reliability).toBe('B');
    const bad = await app.http
      .post('/publishers/sohr/assessments')
      .set(asAdmin)
      .send({ reliability: 'Z', reason: 'x' })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('reliability');
    await app.http.post('/publishers/nobody/assessments').set(asAdmin).send({ reliability: 'C', reason: 'x' }).expect(404);
  });

  it('registers a publisher claims can be attributed to', async () => {
    await app.http
      .post('/publishers')
      .set(asAdmin)
      .send({ publisher: 'russia-mod', name: 'Russian Ministry of Defence', kind: 'belligerent' })
      .expect(201);
    const publishers = (await app.http.get('/publishers')).body.map((p: { publisher: string }) => p.publisher);
    expect(publishers).toEqual(expect.arrayContaining(['sohr', 'sana', 'russia-mod']));
  });

  it('takes a publication time as valid time is written, shows it as an interval, and refuses one that names no time', async () => {
    const base = SOURCES[0];
    const evening = { ...base, sourceId: 'sohr-2024-12-06-evening', publishedAt: { date: '2024-12-06', part: 'evening' } };
    const retrieved = {
      ...base,
      sourceId: 'sohr-undated-retrieved',
      publishedAt: { to: '2024-12-08' },
      note: 'only an access date',
    };
    await app.http.post(`/campaigns/${C}/sources`).set(asEditor).send(evening).expect(201);
    await app.http.post(`/campaigns/${C}/sources`).set(asEditor).send(retrieved).expect(201);

    const shown = (await app.http.get(`/campaigns/${C}/sources/sohr-2024-12-06-evening`).expect(200)).body;
    // the campaign's zone is UTC+3 in December 2024: 18:00–21:00 local
    expect(shown).toMatchObject({
      publishedAt: { date: '2024-12-06', part: 'evening' },
      published: { from: '2024-12-06T15:00:00.000Z', to: '2024-12-06T18:00:00.000Z', precision: 'part-of-day' },
    });
    expect((await app.http.get(`/campaigns/${C}/sources/sohr-undated-retrieved`)).body).toMatchObject({
      note: 'only an access date',
      published: { from: null, to: '2024-12-08T21:00:00.000Z', precision: 'by' },
    });

    const bad = async (publishedAt: unknown) =>
      (
        await app.http
          .post(`/campaigns/${C}/sources`)
          .set(asEditor)
          .send({ ...base, sourceId: 'sohr-bad', publishedAt })
          .expect(422)
      ).body.errors[0].path;
    expect(await bad({ date: '2024-13-01' })).toBe('publishedAt.date');
    expect(await bad({ to: 'soon' })).toBe('publishedAt.to');
    expect(await bad({ from: '2024-12-07', to: '2024-12-05' })).toBe('publishedAt.to');
    expect(await bad('2024-12-06T18:45:00')).toBe('publishedAt');
    await app.http.get(`/campaigns/${C}/sources/sohr-bad`).expect(404);
  });

  it('moves a claim in every reported view when its source’s publication date is corrected', async () => {
    await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send(controlClaim({ claimId: 'rastan-evening', sources: ['sohr-2024-12-06-evening'] }))
      .expect(201);
    const held = async () => {
      const res = await app.http
        .get(`/campaigns/${C}/control?day=2024-12-07&reportedBy=${encodeURIComponent('2024-12-07T23:00:00+03:00')}`)
        .set(asEditor)
        .expect(200);
      return res.body.places.map((p: { place: string }) => p.place);
    };
    expect(await held()).toEqual(['al-rastan']);

    await app.http
      .patch(`/campaigns/${C}/sources/sohr-2024-12-06-evening`)
      .set(asEditor)
      .send({ publishedAt: '2024-12-09', reason: 'the report is of 9 December' })
      .expect(200);
    expect(await held()).toEqual([]);
    const bad = await app.http
      .patch(`/campaigns/${C}/sources/sohr-2024-12-06-evening`)
      .set(asEditor)
      .send({ publishedAt: { date: '2024-12-09', part: 'teatime' }, reason: 'x' })
      .expect(422);
    expect(bad.body.errors[0].path).toBe('publishedAt');
    // the refusal says which forms and parts of the day are accepted
    expect(bad.body.errors[0].message).toMatch(/part: early-hours\|morning\|afternoon\|evening\|night/);
  });
});
