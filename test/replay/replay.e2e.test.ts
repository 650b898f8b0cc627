import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { type Json, TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
let app: TestApp;
const clients: TestClient[] = [];
const client = async (namespace: '/replay' | '/live' = '/replay', options = {}) => {
  const c = new TestClient(app.url, namespace, options);
  clients.push(c);
  await c.connected();
  return c;
};
const record = (body: unknown) =>
  app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send(body as object)
    .expect(201);

beforeAll(async () => {
  app = await startTestApp();
  await seedCampaign(app);
  await record({
    claims: [
      controlClaim({
        claimId: 'homs-held',
        place: 'homs',
        controller: 'saa',
        time: { date: '2024-12-05' },
        sources: ['sana-2024-12-07-homs'],
      }),
      controlClaim({ claimId: 'homs-taken', place: 'homs', controller: 'hts', time: { date: '2024-12-07', part: 'night' } }),
      controlClaim({ claimId: 'rastan-taken', place: 'al-rastan', controller: 'hts', time: { date: '2024-12-06', hour: 14 } }),
      {
        claimId: 'k1',
        type: 'casualties',
        time: { date: '2024-12-06', by: '10:00' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        side: 'civilians',
        category: 'killed',
        count: 12,
        scope: 'incident',
      },
    ],
  });
});
afterEach(() => {
  for (const c of clients) {
    expect(c.invalid).toEqual([]);
    c.close();
  }
  clients.length = 0;
});
afterAll(async () => app.close());

const WINDOW = { campaignId: C, from: '2024-12-06', to: '2024-12-07' };

describe('/replay: a private replay', () => {
  it('acknowledges, sends a snapshot, then one frame per campaign hour in seq order, then the end', async () => {
    const c = await client();
    const ack = await c.ack('replay:start', { ...WINDOW, speed: 1000 });
    expect(ack).toMatchObject({
      ok: true,
      sessionId: expect.any(String),
      from: '2024-12-05T21:00:00.000Z',
      to: '2024-12-07T21:00:00.000Z',
      frames: 48,
      pinnedPosition: expect.any(Number),
    });
    await c.until(() => c.of('replay:end').length === 1);
    const seqs = c.received.map((m) => m.payload.seq);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    expect(c.received[0]?.event).toBe('replay:snapshot');
    const snapshot = c.received[0]?.payload;
    expect(snapshot.control).toEqual([
      {
        place: 'homs',
        status: 'controlled',
        controller: 'saa',
        bloc: 'government',
        disputed: false,
        lastReportedAt: '2024-12-05T21:00:00.000Z',
      },
    ]);
    const frames = c.of('replay:frame');
    expect(frames).toHaveLength(48);
    expect(frames[0]).toMatchObject({ at: '2024-12-05T21:00:00.000Z', until: '2024-12-05T22:00:00.000Z' });
    // a claim lands in the frame whose hour contains its end: 14:00–15:00 local is the 15th frame
    const rastan = frames.findIndex((f) => f.claims.some((cl: Json) => cl.claimId === 'rastan-taken'));
    expect(rastan).toBe(14);
    expect(frames[14].control).toEqual([
      {
        place: 'al-rastan',
        status: 'controlled',
        controller: 'hts',
        bloc: 'opposition',
        disputed: false,
        lastReportedAt: '2024-12-06T12:00:00.000Z',
      },
    ]);
    expect(frames[14].claims[0]).toMatchObject({
      type: 'control',
      time: { precision: 'hour' },
      sources: [{ sourceId: 'sohr-2024-12-06-rastan', publisher: 'sohr' }],
    });
    const k1 = frames.findIndex((f) => f.claims.some((cl: Json) => cl.claimId === 'k1'));
    expect(k1).toBe(9);
    expect(frames[9].casualties).toEqual([
      expect.objectContaining({
        side: 'civilians',
        category: 'killed',
        daily: { best: 12, low: 12, high: 12, openEnded: false },
      }),
    ]);
    // the night claim ends at midnight: the last frame of the 7th
    expect(frames[47].claims.map((cl: Json) => cl.claimId)).toEqual(['homs-taken']);
    expect(frames[47].summary.byBloc).toEqual({ opposition: 2 });
  });

  it('gives the same frames to two viewers of the same link', async () => {
    const [a, b] = [await client(), await client()];
    await a.ack('replay:start', { ...WINDOW, speed: 1000 });
    await b.ack('replay:start', { ...WINDOW, speed: 1000 });
    await a.until(() => a.of('replay:end').length === 1);
    await b.until(() => b.of('replay:end').length === 1);
    const strip = (frames: Json[]) => frames.map(({ sessionId: _s, ...f }) => f);
    expect(strip(a.of('replay:frame'))).toEqual(strip(b.of('replay:frame')));
  });

  it('gives a client on long-polling, and one upgrading from it, the messages a websocket client gets', async () => {
    const viewers = [
      await client(),
      await client('/replay', { transports: ['polling'] }),
      await client('/replay', { transports: ['polling', 'websocket'] }),
    ];
    for (const v of viewers) await v.ack('replay:start', { ...WINDOW, speed: 1000 });
    for (const v of viewers) await v.until(() => v.of('replay:end').length === 1);
    const strip = (v: TestClient) => v.received.map(({ event, payload: { sessionId: _s, ...rest } }) => ({ event, rest }));
    expect(strip(viewers[1]!)).toEqual(strip(viewers[0]!));
    expect(strip(viewers[2]!)).toEqual(strip(viewers[0]!));
  });

  it('pauses, seeks (with a fresh snapshot), changes speed and stops', async () => {
    const c = await client();
    const { sessionId } = await c.ack('replay:start', { ...WINDOW, speed: 0.1 });
    expect(await c.ack('replay:pause', { sessionId })).toEqual({ ok: true });
    const seek = await c.ack('replay:seek', { sessionId, at: '2024-12-07T12:00:00+03:00' });
    expect(seek).toEqual({ ok: true, seq: 2 });
    await c.until(() => c.of('replay:snapshot').length === 2);
    expect(c.of('replay:snapshot')[1]).toMatchObject({ seq: 2, at: '2024-12-07T09:00:00.000Z' });
    expect(await c.ack('replay:speed', { sessionId, speed: 1000 })).toEqual({ ok: true });
    expect(await c.ack('replay:resume', { sessionId })).toEqual({ ok: true });
    await c.until(() => c.of('replay:end').length === 1);
    expect(c.of('replay:frame')[0]).toMatchObject({ seq: 3, at: '2024-12-07T09:00:00.000Z' });
    expect(c.of('replay:frame')).toHaveLength(12);
    expect(await c.ack('replay:stop', { sessionId })).toEqual({ ok: true });
    expect((await c.ack('replay:pause', { sessionId })).error.status).toBe(404);
  });

  it('starts paused when asked, and steps hour by hour, forward at once and back to the frame of the hour before', async () => {
    const c = await client();
    const { sessionId } = await c.ack('replay:start', { ...WINDOW, speed: 1000, paused: true });
    await new Promise((r) => setTimeout(r, 100));
    expect(c.received.map((m) => m.event)).toEqual(['replay:snapshot']);
    await c.ack('replay:seek', { sessionId, at: '2024-12-06T14:00:00+03:00' });
    expect(await c.ack('replay:step', { sessionId })).toEqual({ ok: true, seq: 3 });
    await c.until(() => c.of('replay:frame').length === 1);
    expect(c.of('replay:frame')[0]).toMatchObject({
      at: '2024-12-06T11:00:00.000Z',
      claims: [expect.objectContaining({ claimId: 'rastan-taken' })],
    });
    expect(await c.ack('replay:step', { sessionId, hours: 2 })).toEqual({ ok: true, seq: 5 });
    await c.until(() => c.of('replay:frame').length === 3);
    expect(c.of('replay:frame').map((f) => f.at)).toEqual([
      '2024-12-06T11:00:00.000Z',
      '2024-12-06T12:00:00.000Z',
      '2024-12-06T13:00:00.000Z',
    ]);
    // back one hour from 13:00 UTC: the state before 12:00, then the 12:00 frame
    expect(await c.ack('replay:step', { sessionId, hours: -1 })).toEqual({ ok: true, seq: 7 });
    await c.until(() => c.received.length >= 7);
    expect(c.received.slice(-2).map((m) => [m.event, m.payload.at])).toEqual([
      ['replay:snapshot', '2024-12-06T12:00:00.000Z'],
      ['replay:frame', '2024-12-06T12:00:00.000Z'],
    ]);
    expect((await c.ack('replay:step', { sessionId, hours: 0 })).error.errors[0].path).toBe('hours');
    expect((await c.ack('replay:step', { sessionId, hours: 1.5 })).error.errors[0].path).toBe('hours');
  });

  it('answers a bad message with an acknowledgement naming the field, never a crash', async () => {
    const c = await client();
    const bad = await c.ack('replay:start', { campaignId: C, speed: 5000, from: 'soon' });
    expect(bad).toMatchObject({ ok: false, error: { status: 422 } });
    expect(bad.error.errors.map((e: Json) => e.path).sort()).toEqual(['from', 'speed']);
    expect((await c.ack('replay:start', { campaignId: 'nowhere' })).error.status).toBe(404);
    expect((await c.ack('replay:start', 'not an object')).error.status).toBe(422);
    expect((await c.ack('replay:seek', { sessionId: 'x'.repeat(20), at: '2024-12-07' })).error.status).toBe(404);
    expect((await c.ack('replay:start', { ...WINDOW, from: '2024-12-07', to: '2024-12-06' })).error.errors[0].path).toBe('to');
  });

  it('limits the replays one connection may run', async () => {
    const c = await client();
    for (let i = 0; i < 5; i++) expect((await c.ack('replay:start', { ...WINDOW, speed: 0.1 })).ok).toBe(true);
    expect((await c.ack('replay:start', { ...WINDOW, speed: 0.1 })).error.status).toBe(429);
  });
});

describe('/replay: shared rooms', () => {
  it('lets late viewers join in step, and only the starter controls', async () => {
    const starter = await client();
    const { sessionId } = await starter.ack('replay:start', { ...WINDOW, speed: 20, room: 'briefing' });
    await starter.until(() => starter.of('replay:frame').length >= 5);
    const viewers = [await client(), await client(), await client()];
    const joins = await Promise.all(viewers.map((v) => v.ack('replay:join', { room: 'briefing' })));
    for (const join of joins) expect(join).toMatchObject({ ok: true, sessionId, seq: expect.any(Number) });
    for (const v of viewers) await v.until(() => v.of('replay:snapshot').length === 1);
    expect(await viewers[0]?.ack('replay:pause', { sessionId })).toMatchObject({ error: { status: 403 } });
    await starter.ack('replay:speed', { sessionId, speed: 1000 });
    for (const v of [starter, ...viewers]) await v.until(() => v.of('replay:end').length === 1);
    for (const [i, v] of viewers.entries()) {
      const snapshot = v.of('replay:snapshot')[0];
      expect(snapshot.seq).toBe(joins[i]?.seq);
      const frames = v.of('replay:frame');
      // in step: the viewer's frames are exactly the starter's frames after its join
      expect(frames[0].seq).toBe(snapshot.seq + 1);
      expect(frames).toEqual(starter.of('replay:frame').filter((f) => f.seq > snapshot.seq));
    }
    expect(await viewers[0]?.ack('replay:join', { room: 'nobody-here' })).toMatchObject({ error: { status: 404 } });
  });
});

describe('/replay: reconnecting', () => {
  it('continues from the last seq after a dropped connection, missing and repeating nothing', async () => {
    const first = await client();
    const start = { ...WINDOW, speed: 40 };
    const { sessionId } = await first.ack('replay:start', start);
    await first.until(() => first.of('replay:frame').length >= 6);
    first.socket.io.engine.close(); // the connection drops
    const lastSeq = Math.max(...first.received.map((m) => m.payload.seq));
    await new Promise((r) => setTimeout(r, 300)); // frames go on being made meanwhile
    const second = await client();
    const ack = await second.ack('replay:start', { ...start, resume: { sessionId, seq: lastSeq } });
    expect(ack).toMatchObject({ ok: true, sessionId, resumed: 'messages' });
    await second.ack('replay:speed', { sessionId, speed: 1000 });
    await second.until(() => second.of('replay:end').length === 1);
    const seqs = [...first.received, ...second.received].map((m) => m.payload.seq).filter((s) => s <= lastSeq || true);
    expect([...new Set(seqs)].length).toBe(seqs.length);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
    const frames = [...first.of('replay:frame'), ...second.of('replay:frame')];
    expect(frames).toHaveLength(48);
  });

  it('given a session this instance does not hold (the service restarted), when resumed with the hour reached, then it continues from that hour, paused as the client was', async () => {
    const first = await client();
    const start = { ...WINDOW, speed: 40 };
    const { sessionId } = await first.ack('replay:start', start);
    await first.until(() => first.of('replay:frame').length >= 6);
    const last = first.of('replay:frame').at(-1);
    first.close();
    await first.ack('replay:stop', { sessionId }).catch(() => undefined);
    // what a restart leaves: no session of that id here any more
    const other = await client();
    const unknown = 'restarted-session-0001';
    const ack = await other.ack('replay:start', {
      ...start,
      paused: true,
      resume: { sessionId: unknown, seq: last.seq, at: last.until },
    });
    expect(ack).toMatchObject({ ok: true, sessionId: unknown, resumed: 'snapshot' });
    await other.until(() => other.of('replay:snapshot').length === 1);
    expect(other.of('replay:snapshot')[0]).toMatchObject({ at: last.until });
    expect(other.of('replay:snapshot')[0].seq).toBeGreaterThan(last.seq);
    await new Promise((r) => setTimeout(r, 300));
    expect(other.of('replay:frame')).toEqual([]);
  });
});

describe('/replay: corrections and the live tail', () => {
  it('sends a correction for an hour already streamed, and follows new claims live after the end', async () => {
    const c = await client();
    const { sessionId, pinnedPosition } = await c.ack('replay:start', { ...WINDOW, speed: 1000 });
    await c.until(() => c.of('replay:end').length === 1);
    // recorded after the end: followed live
    await record(controlClaim({ claimId: 'late-live', place: 'homs', controller: 'hts', time: { date: '2024-12-09' } }));
    await c.until(() => c.of('replay:live').length === 1);
    expect(c.of('replay:live')[0]).toMatchObject({ sessionId, claim: { claimId: 'late-live' } });

    const d = await client();
    const paused = await d.ack('replay:start', { ...WINDOW, speed: 1000 });
    expect(paused.pinnedPosition).toBeGreaterThan(pinnedPosition);
    await d.until(() => d.of('replay:end').length === 1);
    await d.ack('replay:seek', { sessionId: paused.sessionId, at: '2024-12-07' });
    await d.ack('replay:pause', { sessionId: paused.sessionId });
    // an hour the viewer has already seen (the 6th, 13:00 local) changes
    await record(
      controlClaim({
        claimId: 'late-fix',
        place: 'al-rastan',
        controller: 'saa',
        time: { date: '2024-12-06', by: '13:00' },
        sources: ['sana-2024-12-07-homs'],
      }),
    );
    await d.until(() => d.of('replay:correction').length === 1);
    expect(d.of('replay:correction')[0]).toMatchObject({
      sessionId: paused.sessionId,
      claimId: 'late-fix',
      at: '2024-12-06T09:00:00.000Z',
      claim: { claimId: 'late-fix' },
      control: [{ place: 'al-rastan', controller: 'saa' }],
    });
  });
});

describe('/live', () => {
  it('streams every event recorded in a campaign after subscribing', async () => {
    const c = await client('/live');
    expect(await c.ack('subscribe', { campaignId: C })).toMatchObject({ ok: true, campaignId: C, position: expect.any(Number) });
    expect((await c.ack('subscribe', { campaignId: 'nowhere' })).error.status).toBe(404);
    await record(controlClaim({ claimId: 'live-1', place: 'homs', time: { date: '2024-12-10' } }));
    await c.until(() => c.of('claim:recorded').length === 1);
    expect(c.of('claim:recorded')[0]).toMatchObject({
      campaignId: C,
      position: expect.any(Number),
      event: { type: 'ControlClaimed', data: { claimId: 'live-1' }, metadata: { actor: 'editor' } },
    });
  });
});

describe('the handshake', () => {
  it('refuses a browser from an origin not allowed', async () => {
    const c = new TestClient(app.url, '/replay', { extraHeaders: { Origin: 'http://evil.example' } });
    await expect(c.connected()).rejects.toThrow();
    c.close();
    const same = new URL(app.url);
    const ok = await client('/replay', { extraHeaders: { Origin: `http://${same.host}` } });
    expect(ok.socket.connected).toBe(true);
  });
});
