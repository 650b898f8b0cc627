import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { parseCsv } from '@timeline/views';

const C = CAMPAIGN.campaignId;
let app: TestApp;
const positions: Record<string, number> = {};

const post = (body: unknown) =>
  app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send(body as object)
    .expect(201);

beforeAll(async () => {
  // these tests read views of the past and exports without a key many times over: the budget
  // of such reads is tested in test/security/expensive-reads.e2e.test.ts
  app = await startTestApp({ RATE_LIMIT_EXPENSIVE_READS: '100000' });
  await seedCampaign(app);
  positions.before = await app.timeline.store.headPosition();
  positions.saa = (
    await post(
      controlClaim({
        claimId: 'homs-held',
        place: 'homs',
        controller: 'saa',
        time: { date: '2024-12-05' },
        sources: ['sana-2024-12-07-homs'],
      }),
    )
  ).body.position;
  positions.hts = (
    await post(
      controlClaim({ claimId: 'homs-taken', place: 'homs', controller: 'hts', time: { date: '2024-12-07', part: 'night' } }),
    )
  ).body.position;
  await post(
    controlClaim({
      claimId: 'homs-denial',
      place: 'homs',
      controller: 'saa',
      time: { date: '2024-12-07', part: 'evening' },
      sources: ['sana-2024-12-07-homs'],
      denies: ['homs-taken'],
    }),
  );
  await post({
    claims: [
      {
        claimId: 'k1',
        type: 'casualties',
        time: { date: '2024-12-06' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        side: 'civilians',
        category: 'killed',
        count: 20,
        scope: 'incident',
        place: 'homs',
      },
      {
        claimId: 'k2',
        type: 'casualties',
        time: { date: '2024-12-06' },
        sources: ['sana-2024-12-07-homs'],
        quote: 'q',
        side: 'civilians',
        category: 'killed',
        count: { best: 25, low: 22, high: 30 },
        scope: 'incident',
        corroborates: 'k1',
      },
      {
        claimId: 'k3',
        type: 'casualties',
        time: { date: '2024-12-07' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        side: 'civilians',
        category: 'killed',
        count: { best: 283, low: 283, openEnded: true },
        scope: 'cumulative',
      },
      {
        claimId: 't1',
        type: 'territory',
        time: { date: '2024-12-07' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        faction: 'hts',
        settlements: 20,
        areaKm2: 150,
        scope: 'incident',
      },
    ],
  });
});
afterAll(async () => app.close());

describe('control views over HTTP', () => {
  it('answers who held each place at the end of a day, with basis, since and the summary', async () => {
    const day6 = (await app.http.get(`/campaigns/${C}/control?day=2024-12-06`).expect(200)).body;
    expect(day6).toMatchObject({ campaignId: C, day: '2024-12-06', at: '2024-12-06T21:00:00.000Z', knownAt: null });
    expect(day6.places).toEqual([
      {
        place: 'homs',
        name: 'Homs',
        status: 'controlled',
        controller: 'saa',
        bloc: 'government',
        since: '2024-12-05T21:00:00.000Z',
        lastReportedAt: '2024-12-05T21:00:00.000Z',
        basis: ['homs-held'],
        disputed: false,
        alternatives: [],
        pending: [],
      },
    ]);
    expect(day6.summary).toEqual({ byBloc: { government: 1 }, byStatus: { controlled: 1 } });
  });

  it('shows a place as disputed when the deciding claim is denied, with the alternative', async () => {
    const day7 = (await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).expect(200)).body;
    expect(day7.places[0]).toMatchObject({
      place: 'homs',
      controller: 'hts',
      bloc: 'opposition',
      disputed: true,
      basis: ['homs-taken'],
    });
    expect(day7.places[0].alternatives).toEqual([{ status: 'controlled', controller: 'saa', claims: ['homs-denial'] }]);
    // at 20:00 local neither the night claim nor the evening denial has taken effect
    const evening = (await app.http.get(`/campaigns/${C}/control`).query({ at: '2024-12-07T20:00:00+03:00' }).expect(200)).body;
    expect(evening.places[0]).toMatchObject({ controller: 'saa', basis: ['homs-held'], disputed: false });
  });

  it('answers as known at an earlier log position or instant', async () => {
    const then = (await app.http.get(`/campaigns/${C}/control?day=2024-12-07&knownAt=${positions.saa}`).expect(200)).body;
    expect(then.knownAt).toBe(positions.saa);
    expect(then.places[0]).toMatchObject({ controller: 'saa', disputed: false });
    const beforeAnything = (
      await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).query({ knownAt: '2000-01-01T00:00:00Z' }).expect(200)
    ).body;
    expect(beforeAnything.places).toEqual([]);
  });

  it('lists per-day holdings with gains and losses, and a place history of changes', async () => {
    const days = (await app.http.get(`/campaigns/${C}/control/days`).expect(200)).body.days;
    const byDay = Object.fromEntries(days.map((d: { day: string }) => [d.day, d]));
    // the first report of Homs is no gain: it says who held it, not that it changed hands
    expect(byDay['2024-12-05']).toMatchObject({ byBloc: { government: 1 }, gained: {}, lost: {} });
    expect(byDay['2024-12-07']).toMatchObject({ byBloc: { opposition: 1 }, gained: { opposition: 1 }, lost: { government: 1 } });
    const history = (await app.http.get(`/campaigns/${C}/places/homs/history`).expect(200)).body.changes;
    expect(history.map((h: { at: string; controller: string }) => [h.at, h.controller])).toEqual([
      ['2024-12-05T21:00:00.000Z', 'saa'],
      ['2024-12-07T21:00:00.000Z', 'hts'],
    ]);
    expect(history[1].claims[0]).toMatchObject({
      claimId: 'homs-taken',
      sources: [{ sourceId: 'sohr-2024-12-06-rastan', publisher: 'sohr' }],
      // its only source was published on 6 December, before a capture of 7 December: it cannot be its report
      reportedAt: null,
    });
  });

  it('refuses a control query without day or at, and a bad knownAt, naming the parameter', async () => {
    expect((await app.http.get(`/campaigns/${C}/control`).expect(422)).body.errors[0].path).toBe('day');
    expect((await app.http.get(`/campaigns/${C}/control?day=2024-12-07&knownAt=yesterday`).expect(422)).body.errors[0].path).toBe(
      'knownAt',
    );
    await app.http.get('/campaigns/nowhere/control?day=2024-12-07').expect(404);
  });
});

describe('casualty and territory views over HTTP', () => {
  it('counts a corroboration group once, keeps each publisher’s cumulative figure and picks the preferred', async () => {
    const { figures } = (await app.http.get(`/campaigns/${C}/casualties?day=2024-12-07`).expect(200)).body;
    expect(figures).toHaveLength(1);
    expect(figures[0]).toMatchObject({
      side: 'civilians',
      category: 'killed',
      daily: { best: 0, low: 0, high: 0, openEnded: false },
      // the group counts once: low the lowest, high the highest, best its top-ranked member's
      // (equal rank and grade: the later recorded, k2)
      incidentTotal: { best: 25, low: 20, high: 30, openEnded: false },
      bySource: { sohr: { best: 283, low: 283, high: null, openEnded: true, claimId: 'k3' } },
      range: { low: 25, high: 283 },
      preferred: { publisher: 'sohr', claimId: 'k3', count: { best: 283, openEnded: true } },
    });
    const day6 = (await app.http.get(`/campaigns/${C}/casualties?day=2024-12-06&side=civilians`).expect(200)).body.figures[0];
    expect(day6.daily).toEqual({ best: 25, low: 20, high: 30, openEnded: false });
    expect(day6.dailyClaims).toEqual(['k2']);
  });

  it('gives the series across the campaign and territory per faction', async () => {
    const { series } = (await app.http.get(`/campaigns/${C}/casualties/series?side=civilians&category=killed`).expect(200)).body;
    expect(series[0].days.find((d: { day: string }) => d.day === '2024-12-06').daily.best).toBe(25);
    const { factions } = (await app.http.get(`/campaigns/${C}/territory?day=2024-12-07`).expect(200)).body;
    expect(factions).toEqual([
      expect.objectContaining({
        faction: 'hts',
        gained: ['homs'],
        lost: [],
        reported: expect.objectContaining({ daily: { settlements: 20, areaKm2: 150, claims: ['t1'] } }),
      }),
      expect.objectContaining({ faction: 'saa', gained: [], lost: ['homs'] }),
    ]);
  });
});

describe('audits, conflicts and exports over HTTP', () => {
  it('audits which events changed who held a place at an instant, in log order with before and after', async () => {
    const { changes } = (await app.http.get(`/campaigns/${C}/audit/control?place=homs&day=2024-12-07`).expect(200)).body;
    expect(changes.map((c: { claimId: string }) => c.claimId)).toEqual(['homs-held', 'homs-taken', 'homs-denial']);
    expect(changes[1]).toMatchObject({
      event: 'ControlClaimed',
      actor: 'editor',
      sources: [{ sourceId: 'sohr-2024-12-06-rastan', publisher: 'sohr' }],
      before: { controller: 'saa' },
      after: { controller: 'hts', disputed: false },
    });
    expect(changes[2]).toMatchObject({ before: { disputed: false }, after: { disputed: true } });
  });

  it('audits as known at a past position, and audits a faction’s territory', async () => {
    const { changes } = (
      await app.http.get(`/campaigns/${C}/audit/control?place=homs&day=2024-12-07&knownAt=${positions.hts}`).expect(200)
    ).body;
    expect(changes.map((c: { claimId: string }) => c.claimId)).toEqual(['homs-held', 'homs-taken']);
    const territory = (await app.http.get(`/campaigns/${C}/audit/territory?faction=hts&day=2024-12-07`).expect(200)).body.changes;
    expect(territory.map((c: { claimId: string }) => c.claimId)).toEqual(['homs-taken', 't1']);
    expect(territory[1].after).toMatchObject({ gained: ['homs'], reported: { daily: { settlements: 20 } } });
  });

  it('audits a casualty figure and shows a source’s impact', async () => {
    const { changes } = (
      await app.http
        .get(`/campaigns/${C}/audit/casualties?side=civilians&category=killed&day=2024-12-07&figure=preferred`)
        .expect(200)
    ).body;
    expect(changes.map((c: { claimId: string }) => c.claimId)).toEqual(['k1', 'k2', 'k3']);
    expect(changes[2]).toMatchObject({
      before: { basis: 'incidentTotal', count: { best: 25 } },
      after: { basis: 'cumulative', claimId: 'k3', publisher: 'sohr' },
    });
    const { impacts } = (await app.http.get(`/campaigns/${C}/sources/sana-2024-12-07-homs/impact`).expect(200)).body;
    expect(impacts.map((i: { claimId: string }) => i.claimId)).toEqual(expect.arrayContaining(['homs-held', 'homs-denial']));
  });

  it('lists possible conflicts only where publishers disagree without an explicit denial', async () => {
    await post(
      controlClaim({
        claimId: 'rastan-a',
        place: 'al-rastan',
        controller: 'hts',
        time: { from: '2024-12-05', to: '2024-12-06' },
      }),
    );
    await post(
      controlClaim({
        claimId: 'rastan-b',
        place: 'al-rastan',
        controller: 'saa',
        time: { date: '2024-12-06' },
        sources: ['sana-2024-12-07-homs'],
      }),
    );
    const { conflicts } = (await app.http.get(`/campaigns/${C}/conflicts?day=2024-12-06`).expect(200)).body;
    expect(conflicts).toEqual([
      {
        place: 'al-rastan',
        claims: [expect.objectContaining({ claimId: 'rastan-a' }), expect.objectContaining({ claimId: 'rastan-b' })],
      },
    ]);
  });

  it("exports the log as NDJSON, claims as ACLED's table (csv its alias), deaths as UCDP's and a day as GeoJSON", async () => {
    const ndjson = await app.http
      .get(`/campaigns/${C}/export?format=ndjson`)
      .expect(200)
      .expect('content-type', /ndjson/);
    const lines = ndjson.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ type: 'CampaignRegistered', position: expect.any(Number), metadata: { actor: 'admin' } });
    expect(lines.every((e: { metadata: { campaignId: string } }) => e.metadata.campaignId === C)).toBe(true);
    const acled = await app.http.get(`/campaigns/${C}/export?format=acled`).expect(200).expect('content-type', /csv/);
    expect(acled.headers['content-disposition']).toBe(`attachment; filename="${C}-acled.csv"`);
    const { header, rows } = parseCsv(acled.text);
    expect(header.slice(0, 4)).toEqual(['event_id_cnty', 'event_date', 'year', 'time_precision']);
    expect(rows.find((r) => r.claim_id === 'homs-taken')).toMatchObject({
      revision: '0',
      claim_status: 'current',
      notes: expect.any(String),
    });
    // csv is the same table under its older name
    expect((await app.http.get(`/campaigns/${C}/export?format=csv`).expect(200)).text).toBe(acled.text);
    const history = parseCsv((await app.http.get(`/campaigns/${C}/export?format=acled&history=true`).expect(200)).text).rows;
    expect(history.length).toBeGreaterThanOrEqual(rows.length);
    const ucdp = parseCsv((await app.http.get(`/campaigns/${C}/export?format=ucdp`).expect(200)).text);
    expect(ucdp.header.slice(0, 3)).toEqual(['id', 'relid', 'year']);
    const geo = JSON.parse((await app.http.get(`/campaigns/${C}/export?format=geojson&day=2024-12-07`).expect(200)).text);
    expect(geo.features.find((f: { id: string }) => f.id === 'homs')).toMatchObject({
      geometry: { type: 'Point', coordinates: [36.72, 34.73] },
      properties: { bloc: 'opposition', disputed: true },
    });
    // without a day, the map of the campaign's last day
    const last = JSON.parse((await app.http.get(`/campaigns/${C}/export?format=geojson`).expect(200)).text);
    expect(last.day).toBe((await app.http.get(`/campaigns/${C}`).expect(200)).body.window.to);
    const dayOnTable = await app.http.get(`/campaigns/${C}/export?format=acled&day=2024-12-07`).expect(422);
    expect(dayOnTable.body.errors).toEqual([
      { path: 'day', message: 'applies to geojson only: a table holds every day of the campaign' },
    ]);
    const badHistory = await app.http.get(`/campaigns/${C}/export?format=acled&history=yes`).expect(422);
    expect(badHistory.body.errors[0].path).toBe('history');
  });
});

describe('rebuilds', () => {
  it('rebuilds the views beside the serving version, swaps, and answers the same', async () => {
    const before = (await app.http.get(`/campaigns/${C}/control?day=2024-12-07`)).body;
    const status = (await app.http.get('/admin/projections').set(asAdmin).expect(200)).body;
    expect(status).toMatchObject({ version: 1, lag: 0, state: 'serving', rebuild: null });
    const job = (await app.http.post('/admin/projections/rebuild').set(asAdmin).expect(202)).body;
    expect(job).toMatchObject({ jobId: expect.any(String), version: 2 });
    for (let i = 0; i < 200; i++) {
      const s = (await app.http.get('/admin/projections').set(asAdmin)).body;
      if (s.version === 2) break;
      await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).expect(200);
    }
    const after = (await app.http.get('/admin/projections').set(asAdmin).expect(200)).body;
    expect(after).toMatchObject({ version: 2, rebuild: { jobId: job.jobId, state: 'done' } });
    expect((await app.http.get(`/campaigns/${C}/control?day=2024-12-07`)).body).toEqual(before);
    await app.http.post('/admin/projections/rebuild').set(asEditor).expect(403);
  });

  it('follows a correction: only the corrected place changes', async () => {
    await post(controlClaim({ claimId: 'rastan-c', place: 'al-rastan', controller: 'hts', time: { date: '2024-12-08' } }));
    const before = (await app.http.get(`/campaigns/${C}/control?day=2024-12-08`)).body.places;
    await app.http
      .post(`/campaigns/${C}/claims/rastan-c/corrections`)
      .set(asEditor)
      .send({ expectedRevision: 0, changes: { controller: 'saa' }, sources: ['sana-2024-12-07-homs'], reason: 'misread' })
      .expect(201);
    const after = (await app.http.get(`/campaigns/${C}/control?day=2024-12-08`)).body.places;
    expect(after.find((p: { place: string }) => p.place === 'al-rastan').controller).toBe('saa');
    expect(after.find((p: { place: string }) => p.place === 'homs')).toEqual(
      before.find((p: { place: string }) => p.place === 'homs'),
    );
  });
});

describe('caching a day’s map', () => {
  it('answers 304 to a client that already holds the current version, and a new version after a write', async () => {
    const first = await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).expect(200);
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^W\/"\d+-[0-9a-f]{16}"$/);
    await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).set('If-None-Match', etag).expect(304);
    await post(controlClaim({ claimId: 'etag-change', place: 'homs', time: { date: '2024-12-01' } }));
    const after = await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).set('If-None-Match', etag).expect(200);
    expect(after.headers.etag).not.toBe(etag);
    expect(after.body.places.length).toBeGreaterThan(0);
  });

  it('judges If-None-Match as HTTP does: a list holding the current version, `*` and the strong form are fresh; a stale one is not', async () => {
    const map = () => app.http.get(`/campaigns/${C}/control?day=2024-12-07`);
    const current = String((await map().expect(200)).headers.etag);
    const strong = current.replace(/^W\//, '');
    const stale = 'W/"0-0000000000000000"';
    await map().set('If-None-Match', `${stale}, ${current}`).expect(304);
    await map().set('If-None-Match', `${stale},${strong}`).expect(304);
    await map().set('If-None-Match', '*').expect(304);
    const notFresh = await map().set('If-None-Match', stale).expect(200);
    expect(notFresh.headers.etag).toBe(current);
    expect(notFresh.body.places.length).toBeGreaterThan(0);
    // a client that asks to revalidate gets the answer whatever it holds
    await map().set('If-None-Match', current).set('Cache-Control', 'no-cache').expect(200);
  });
});
