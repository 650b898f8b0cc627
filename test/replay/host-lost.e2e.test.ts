import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_LEASE_MS } from '@timeline/application';
import { KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaignAt } from '../support/fixtures';
import { sharedDeployment } from '../support/instances';
import { redisOrSkip } from '../support/redis';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';
import { TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
const ROOM = { campaignId: C, from: '2024-12-05', to: '2024-12-08' };
let redis = false;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;
const clients: TestClient[] = [];

beforeAll(async () => {
  redis = await redisOrSkip();
  if (!redis) return;
  ensureBuilt();
  const env = sharedDeployment('host-lost');
  a = await startServerProcess(env);
  b = await startServerProcess(env);
  const http = request(a.url);
  await seedCampaignAt(http);
  await http
    .post(`/campaigns/${C}/claims`)
    .set({ Authorization: `Bearer ${KEYS.editor}` })
    .send(
      controlClaim({ claimId: 'rastan-taken', place: 'al-rastan', controller: 'hts', time: { date: '2024-12-06', hour: 14 } }),
    )
    .expect(201);
}, 120_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  await a?.kill('SIGKILL');
  await b?.kill();
});

async function connect(server: ServerProcess): Promise<TestClient> {
  const c = new TestClient(server.url, '/replay');
  clients.push(c);
  await c.connected();
  return c;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('a shared room is held by the instance driving it', () => {
  it('stays held while its driver lives, paused for longer than a lease; a stop tells the viewers elsewhere', async (ctx) => {
    if (!redis) return ctx.skip();
    const starter = await connect(a!);
    const { sessionId } = await starter.ack('replay:start', { ...ROOM, room: 'held', paused: true });
    const viewer = await connect(b!);
    expect(await viewer.ack('replay:join', { room: 'held' })).toMatchObject({ ok: true, sessionId });

    await sleep(2 * ROOM_LEASE_MS + 1000); // paused: no frame renews it, only its driver
    expect(viewer.of('replay:ended')).toEqual([]);
    expect(await viewer.ack('replay:start', { ...ROOM, room: 'held' })).toMatchObject({ ok: false, error: { status: 409 } });
    await starter.ack('replay:resume', { sessionId });
    await viewer.until(() => viewer.of('replay:frame').length >= 1);

    await starter.ack('replay:stop', { sessionId });
    await viewer.until(() => viewer.of('replay:ended').length === 1);
    expect(viewer.of('replay:ended')).toEqual([{ sessionId, reason: 'stopped' }]);
    await sleep(3000); // B, which watched the room, does not take the stop for a lost driver
    expect(viewer.of('replay:ended')).toHaveLength(1);
    expect(viewer.invalid).toEqual([]);
  }, 60_000);

  it('tells the viewers on another instance within 10 s of a kill -9 of its driver, and the room can be started again', async (ctx) => {
    if (!redis) return ctx.skip();
    const starter = await connect(a!);
    const { sessionId } = await starter.ack('replay:start', { ...ROOM, speed: 2, room: 'crash' });
    const viewer = await connect(b!);
    expect(await viewer.ack('replay:join', { room: 'crash' })).toMatchObject({ ok: true, sessionId });
    await viewer.until(() => viewer.of('replay:frame').length >= 1);

    await a!.kill('SIGKILL');
    const killedAt = Date.now();
    await viewer.until(() => viewer.of('replay:ended').length === 1, 10_000);
    console.log(`[host-lost] the viewer on B was told ${Date.now() - killedAt} ms after the kill`);
    expect(Date.now() - killedAt).toBeLessThan(10_000);
    expect(viewer.of('replay:ended')).toEqual([{ sessionId, reason: 'host-lost' }]);

    const again = await viewer.ack('replay:start', { ...ROOM, speed: 20, room: 'crash' });
    expect(again.ok).toBe(true);
    expect(again.sessionId).not.toBe(sessionId);
    await viewer.until(() => viewer.of('replay:frame').filter((f) => f.sessionId === again.sessionId).length >= 3);
    const other = await connect(b!);
    expect(await other.ack('replay:join', { room: 'crash' })).toMatchObject({ ok: true, sessionId: again.sessionId });
    expect(viewer.invalid).toEqual([]);
  }, 60_000);
});
