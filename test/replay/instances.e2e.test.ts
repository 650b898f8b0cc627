import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaignAt } from '../support/fixtures';
import { sharedDeployment } from '../support/instances';
import { redisOrSkip } from '../support/redis';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';
import { type Json, TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
let redis = false;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
const clients: TestClient[] = [];

beforeAll(async () => {
  redis = await redisOrSkip();
  if (!redis) return;
  ensureBuilt();
  const env = sharedDeployment('instances');
  a = await startServerProcess(env);
  b = await startServerProcess(env);
  const http = request(a.url);
  await seedCampaignAt(http);
  await http
    .post(`/campaigns/${C}/claims`)
    .set(auth(KEYS.editor))
    .send({
      claims: [
        controlClaim({
          claimId: 'homs-held',
          place: 'homs',
          controller: 'saa',
          time: { date: '2024-12-05' },
          sources: ['sana-2024-12-07-homs'],
        }),
        controlClaim({ claimId: 'rastan-taken', place: 'al-rastan', controller: 'hts', time: { date: '2024-12-06', hour: 14 } }),
      ],
    })
    .expect(201);
}, 120_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await a?.kill();
  await b?.kill();
});

async function connect(server: ServerProcess, namespace: '/replay' | '/live') {
  const c = new TestClient(server.url, namespace);
  clients.push(c);
  await c.connected();
  return c;
}

describe('two instances on one store file and Redis', () => {
  it('a viewer on B watches the shared room driven from A, in step', async (ctx) => {
    if (!redis) return ctx.skip();
    const starter = await connect(a!, '/replay');
    const { sessionId } = await starter.ack('replay:start', {
      campaignId: C,
      from: '2024-12-06',
      to: '2024-12-06',
      speed: 10,
      room: 'across',
    });
    await starter.until(() => starter.of('replay:frame').length >= 3);
    const viewer = await connect(b!, '/replay');
    const join = await viewer.ack('replay:join', { room: 'across' });
    expect(join).toMatchObject({ ok: true, sessionId });
    await viewer.until(() => viewer.of('replay:snapshot').length === 1);
    await starter.ack('replay:speed', { sessionId, speed: 200 });
    await starter.until(() => starter.of('replay:end').length === 1);
    await viewer.until(() => viewer.of('replay:end').length === 1);
    const seen = viewer.of('replay:frame');
    expect(seen.length).toBeGreaterThan(10);
    // every frame the starter saw after the viewer's snapshot, once each, in order
    const expected = starter.of('replay:frame').filter((f) => f.seq > viewer.of('replay:snapshot')[0].seq);
    expect(seen).toEqual(expected);
    expect(viewer.invalid).toEqual([]);
  }, 60_000);

  it('a claim recorded through A reaches a /live subscriber on B exactly once, and B’s views include it', async (ctx) => {
    if (!redis) return ctx.skip();
    const live = await connect(b!, '/live');
    await live.ack('subscribe', { campaignId: C });
    await request(a!.url)
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'via-a', place: 'homs', controller: 'hts', time: { date: '2024-12-08' } }))
      .expect(201);
    await live.until(() => live.of('claim:recorded').length >= 1);
    await new Promise((r) => setTimeout(r, 500)); // a duplicate would have arrived by now
    expect(live.of('claim:recorded').map((m) => m.event.data.claimId)).toEqual(['via-a']);
    const view = (await request(b!.url).get(`/campaigns/${C}/control?day=2024-12-08`).expect(200)).body;
    expect(view.places.find((p: Json) => p.place === 'homs')).toMatchObject({ controller: 'hts', basis: ['via-a'] });
  }, 60_000);
});
