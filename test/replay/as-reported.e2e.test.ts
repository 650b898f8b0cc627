import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { TestClient, type Json } from './socket-client';

/**
 * "What was reported when" on the shipped syria-2024: views, audits and replays as publicly
 * reported by an instant, from the sources' own publication dates. It prints the figures the
 * README reports; rerun with `npx vitest run test/replay/as-reported.e2e.test.ts`.
 */
const C = 'syria-2024';
const EVENING_6_DEC = '2024-12-06T18:00:00+03:00';
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ LOAD_EVENTS: 'true' });
}, 120_000);
afterAll(async () => app?.close());

const q = (value: string) => encodeURIComponent(value);
/** Views of the past and reported views spend an anonymous client's read budget: these are an editor's. */
const get = (path: string) => app.http.get(path).set(asEditor);

async function replay(options: Json, until: (client: TestClient) => boolean = (c) => c.of('replay:end').length > 0) {
  const client = new TestClient(app.url, '/replay');
  await client.connected();
  const started = await client.ack('replay:start', { campaignId: C, speed: 1000, ...options });
  expect(started).toMatchObject({ ok: true });
  await client.until(() => until(client), 30_000);
  expect(client.invalid).toEqual([]);
  return { client, started };
}

/** The frame in which a place's state first turns to a bloc. */
function firstHeld(frames: Json[], place: string, bloc: string): Json {
  return frames.find((f) => f.control.some((s: Json) => s.place === place && s.bloc === bloc));
}

describe('views as reported by an instant', () => {
  it('given 6 December 18:00, when the map is asked as reported by then, then it is not empty, Hama is held by the opposition, and undated claims are counted', async () => {
    const res = await get(`/campaigns/${C}/control?at=${q(EVENING_6_DEC)}&reportedBy=${q(EVENING_6_DEC)}`);
    expect(res.status).toBe(200);
    const known = await get(`/campaigns/${C}/control?at=${q(EVENING_6_DEC)}`);
    const hama = res.body.places.find((p: Json) => p.place === 'hama');

    expect(res.body.reportedBy).toBe(EVENING_6_DEC);
    expect(res.body.places.length).toBeGreaterThan(0);
    expect(hama).toMatchObject({ status: 'controlled', bloc: 'opposition' });
    expect(res.body.unreported).toBeGreaterThan(0);
    expect(res.body.places.length).toBeLessThan(known.body.places.length);
    console.info(
      `[reported] 6 Dec 18:00: ${res.body.places.length} places with a state as reported by then, ${known.body.places.length} as known now; ${res.body.unreported} claim versions set aside as undated`,
    );
  });

  it('given the civilian toll, when its audit is ordered by report, then reportedAt never goes back and each entry names its sources’ publication', async () => {
    const res = await get(
      `/campaigns/${C}/audit/casualties?side=civilians&category=killed&day=2024-12-31&figure=preferred&order=reported`,
    );
    expect(res.status).toBe(200);
    const times: string[] = res.body.changes.map((c: Json) => c.reportedAt);

    expect(res.body.order).toBe('reported');
    expect(times.length).toBeGreaterThan(3);
    expect([...times].sort()).toEqual(times);
    for (const change of res.body.changes) expect(change.sources.some((s: Json) => s.published !== null)).toBe(true);
    console.info(
      `[reported] civilian toll by report: ${res.body.changes.map((c: Json) => `${String(c.reportedAt).slice(5, 10)} ${c.after?.count?.best}`).join(' → ')}`,
    );
  });

  it('given every view, when asked with reportedBy, then each echoes it and counts what it set aside', async () => {
    const by = `reportedBy=${q(EVENING_6_DEC)}`;
    const paths = [
      `/campaigns/${C}/control/days?${by}`,
      `/campaigns/${C}/places/hama/history?${by}`,
      `/campaigns/${C}/casualties?day=2024-12-06&${by}`,
      `/campaigns/${C}/casualties/series?${by}`,
      `/campaigns/${C}/territory?day=2024-12-06&${by}`,
      `/campaigns/${C}/conflicts?${by}`,
      `/campaigns/${C}/audit/control?place=hama&day=2024-12-06&${by}`,
      `/campaigns/${C}/export?format=geojson&day=2024-12-06&${by}`,
    ];
    for (const path of paths) {
      const res = await get(path);
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
      const body = path.includes('geojson') ? JSON.parse(res.text) : res.body;
      expect({ path, reportedBy: body.reportedBy, counted: typeof body.unreported }).toEqual({
        path,
        reportedBy: EVENING_6_DEC,
        counted: 'number',
      });
    }
    const csv = await get(`/campaigns/${C}/export?format=csv&${by}`);
    expect(Number(csv.headers['unreported-revisions'])).toBeGreaterThan(0);
    expect(csv.headers['reported-by']).toBe(EVENING_6_DEC);
    const source = 'sohr-2024-12-05-hama-frontlines';
    const impact = await get(`/campaigns/${C}/sources/${source}/impact?${by}`);
    const before = await get(`/campaigns/${C}/sources/${source}/impact?reportedBy=${q('2024-12-05T12:00:00+03:00')}`);
    expect(impact.body.reportedBy).toBe(EVENING_6_DEC);
    // before its publication, only the figures that another source of the same claims had reported earlier
    expect(before.body.impacts.length).toBeLessThan(impact.body.impacts.length);
    for (const { reportedAt } of before.body.impacts)
      expect(Date.parse(reportedAt)).toBeLessThanOrEqual(Date.parse('2024-12-05T09:00:00Z'));
  });

  it('given a reportedBy that is no instant, or on the log export, when asked, then 422 names the field', async () => {
    const bad = await get(`/campaigns/${C}/control?day=2024-12-06&reportedBy=yesterday`);
    const ndjson = await get(`/campaigns/${C}/export?format=ndjson&reportedBy=${q(EVENING_6_DEC)}`);

    expect(bad.status).toBe(422);
    expect(bad.body.errors[0].path).toBe('reportedBy');
    expect(ndjson.status).toBe(422);
    expect(ndjson.body.errors[0].path).toBe('reportedBy');
    const impact = await get(`/campaigns/${C}/sources/sohr-2024-12-05-hama-frontlines/impact?order=newest`);
    expect(impact.status).toBe(422);
    expect(impact.body.errors[0].path).toBe('order');
  });

  it('given a side and category the campaign has no figure of, or a faction it does not have, when audited, then 404 names what it has; a side that is none is 422', async () => {
    const figure = await get(`/campaigns/${C}/audit/casualties?side=civilians&category=captured&day=2024-12-06&order=reported`);
    const side = await get(`/campaigns/${C}/audit/casualties?side=civilian&category=killed&day=2024-12-06&order=reported`);
    const faction = await get(`/campaigns/${C}/audit/territory?faction=rebels&day=2024-12-06`);

    expect(figure.status).toBe(404);
    expect(figure.body.detail ?? figure.body.title).toMatch(/civilians killed/);
    expect(side.status).toBe(422);
    expect(side.body.errors[0]).toMatchObject({ path: 'side', message: expect.stringMatching(/did you mean "civilians"/) });
    expect(faction.status).toBe(404);
    expect(faction.body.detail ?? faction.body.title).toMatch(/hts/);
  });
});

describe('a replay as reported at the time', () => {
  it('given 4–7 December, when replayed as reported and as known now, then Hama turns to the opposition no earlier as reported, and late reports arrive as news of the past', async () => {
    const known = await replay({ from: '2024-12-04', to: '2024-12-07' });
    const reported = await replay({ from: '2024-12-04', to: '2024-12-07', asReported: true });
    known.client.close();
    reported.client.close();
    const knownFrames = known.client.of('replay:frame');
    const reportedFrames = reported.client.of('replay:frame');
    const knownHama = firstHeld(knownFrames, 'hama', 'opposition');
    const reportedHama = firstHeld(reportedFrames, 'hama', 'opposition');
    const news = reportedFrames.flatMap((f) => f.claims.filter((c: Json) => c.newsOfThePast));

    expect(known.started.asReported).toBe(false);
    expect(reported.started.asReported).toBe(true);
    expect(knownHama && reportedHama).toBeTruthy();
    expect(Date.parse(reportedHama.until)).toBeGreaterThanOrEqual(Date.parse(knownHama.until));
    expect(news.length).toBeGreaterThan(0);
    for (const claim of news) expect(Date.parse(claim.time.to)).toBeLessThan(Date.parse(claim.reportedAt) + 1);
    const changedLater = new Set<string>();
    for (const frame of reportedFrames)
      for (const state of frame.control) {
        const same = knownFrames.find((f) => f.control.some((s: Json) => s.place === state.place && s.bloc === state.bloc));
        if (same && Date.parse(same.until) < Date.parse(frame.until)) changedLater.add(state.place);
      }
    expect(changedLater.size).toBeGreaterThan(0);
    console.info(
      `[reported] 4–7 Dec: Hama held by the opposition from ${knownHama.until} as known now, ${reportedHama.until} as reported; ${changedLater.size} places change later as reported; ${news.length} claims arrive as news of the past`,
    );
  });

  it('given a replay as reported, when the client seeks and resumes, then the snapshot is as reported by that hour', async () => {
    const { client, started } = await replay(
      { from: '2024-12-04', to: '2024-12-08', asReported: true, paused: true },
      (c) => c.of('replay:snapshot').length > 0,
    );
    const seek = await client.ack('replay:seek', { sessionId: started.sessionId, at: EVENING_6_DEC });
    expect(seek.ok).toBe(true);
    await client.until(() => client.of('replay:snapshot').length > 1, 10_000);
    const snapshot = client.of('replay:snapshot')[1];
    const view = await get(`/campaigns/${C}/control?at=${q(snapshot.at)}&reportedBy=${q(snapshot.at)}`);

    const held = (states: Json[]) => states.map((s) => `${s.place}:${s.bloc}`).sort();
    expect(held(snapshot.control)).toEqual(held(view.body.places.filter((p: Json) => p.status !== null)));
    client.close();

    const again = new TestClient(app.url, '/replay');
    await again.connected();
    const resumed = await again.ack('replay:start', {
      campaignId: C,
      from: '2024-12-04',
      to: '2024-12-08',
      asReported: true,
      speed: 1000,
      resume: { sessionId: 'gone-session-id-0000', seq: 3, at: snapshot.at },
    });
    expect(resumed).toMatchObject({ ok: true, asReported: true });
    await again.until(() => again.of('replay:snapshot').length > 0, 10_000);
    expect(held(again.of('replay:snapshot')[0].control)).toEqual(held(snapshot.control));
    again.close();
  });

  it('given a shared room as reported, when another viewer joins, then both get the same as-reported frames', async () => {
    const host = new TestClient(app.url, '/replay');
    await host.connected();
    const started = await host.ack('replay:start', {
      campaignId: C,
      from: '2024-12-05',
      to: '2024-12-06',
      asReported: true,
      room: 'reported-room',
      paused: true,
    });
    expect(started).toMatchObject({ ok: true, asReported: true });
    const guest = new TestClient(app.url, '/replay');
    await guest.connected();
    expect(await guest.ack('replay:join', { room: 'reported-room' })).toMatchObject({ ok: true });
    await host.ack('replay:speed', { sessionId: started.sessionId, speed: 1000 });
    await host.ack('replay:resume', { sessionId: started.sessionId });
    await host.until(() => host.of('replay:end').length > 0, 30_000);
    await guest.until(() => guest.of('replay:end').length > 0, 30_000);

    const frames = (c: TestClient) =>
      c.of('replay:frame').map((f) => JSON.stringify([f.at, f.control, f.claims.map((x: Json) => x.claimId)]));
    expect(frames(guest)).toEqual(frames(host));
    host.close();
    guest.close();
  });

  it('given a replay as reported that has passed an hour, when a claim dated to that hour is recorded citing a report published then, then a correction arrives for that hour', async () => {
    const { client, started } = await replay(
      { from: '2024-12-01', to: '2024-12-10', asReported: true, paused: true },
      (c) => c.of('replay:snapshot').length > 0,
    );
    expect(await client.ack('replay:seek', { sessionId: started.sessionId, at: '2024-12-03' })).toMatchObject({ ok: true });
    const source = await app.http
      .post(`/campaigns/${C}/sources`)
      .set(asEditor)
      .send({
        sourceId: 'test-2024-12-02-reported-correction',
        publisher: 'sohr',
        publisherName: 'Syrian Observatory for Human Rights',
        publisherKind: 'monitor',
        title: 'A report of 2 December',
        publishedAt: { date: '2024-12-02', part: 'afternoon' },
      });
    expect({ status: source.status, body: source.body }).toMatchObject({ status: 201 });
    const claim = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send({
        claimId: 'test-2024-12-02-reported-toll',
        type: 'casualties',
        time: { date: '2024-12-02', part: 'morning' },
        sources: ['test-2024-12-02-reported-correction'],
        quote: 'A test figure reported on the afternoon of 2 December.',
        side: 'civilians',
        category: 'wounded',
        count: 7,
        scope: 'incident',
      });
    expect({ status: claim.status, body: claim.body }).toEqual({ status: 201, body: expect.anything() });
    await client.until(() => client.of('replay:correction').length > 0, 10_000);
    const correction = client.of('replay:correction')[0];

    // reported by 18:00 local on 2 December: the hour 17:00–18:00 shows it
    expect(correction).toMatchObject({ claimId: 'test-2024-12-02-reported-toll', at: '2024-12-02T14:00:00.000Z' });
    expect(correction.claim.reportedAt).toBe('2024-12-02T15:00:00.000Z');
    client.close();
  });
});
