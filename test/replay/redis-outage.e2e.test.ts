import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOM_LEASE_MS } from '@timeline/application';
import { KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaignAt } from '../support/fixtures';
import { freePort } from '../support/ports';
import { redisOrSkip, spawnRedis } from '../support/redis';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';
import { TestClient } from './socket-client';

const OUTAGE_MS = Number(process.env.REDIS_OUTAGE_MS ?? 10_000);
const C = CAMPAIGN.campaignId;
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });
let ok = false;
let port = 0;
let redis: ChildProcess | undefined;
let a: ServerProcess | undefined;
let b: ServerProcess | undefined;

async function startRedis(): Promise<void> {
  redis = await spawnRedis(port);
}

async function stopRedis(): Promise<void> {
  const exited = new Promise((r) => redis?.once('exit', r));
  redis?.kill('SIGKILL');
  await exited;
}

beforeAll(async () => {
  ok = await redisOrSkip(); // a redis-server binary is needed to run one of our own
  if (!ok) return;
  ensureBuilt();
  port = await freePort();
  await startRedis();
  const dir = mkdtempSync(join(tmpdir(), 'timeline-outage-'));
  const env = {
    STORE_URL: `sqlite:${join(dir, 'store.db')}`,
    LOAD_EVENTS: 'false',
    DATA_DIR: dir,
    REDIS_URL: `redis://127.0.0.1:${port}`,
    API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
  };
  a = await startServerProcess(env);
  b = await startServerProcess(env);
  const http = request(a.url);
  await seedCampaignAt(http);
  const claims = Array.from({ length: 60 }, (_, i) =>
    controlClaim({
      claimId: `c-${i}`,
      place: i % 2 ? 'homs' : 'al-rastan',
      controller: i % 3 ? 'hts' : 'saa',
      time: { date: `2024-12-0${1 + Math.floor(i / 24)}`, hour: i % 24 },
    }),
  );
  await http.post(`/campaigns/${C}/claims`).set(auth(KEYS.editor)).send({ claims }).expect(201);
}, 120_000);

afterAll(async () => {
  await a?.kill();
  await b?.kill();
  redis?.kill('SIGKILL');
});

/**
 * A viewer as the protocol asks it to behave: every message of a session has the next seq; a
 * message already seen is not applied again, and a gap means messages were lost — join again,
 * which answers with a snapshot of where the room is.
 */
function catchingUpViewer(viewer: TestClient) {
  const appliedFrames: number[] = [];
  let last = 0;
  let rejoins = 0;
  const onMessage = (kind: string) => (message: { seq: number }) => {
    if (kind === 'snapshot') {
      last = Math.max(last, message.seq);
      return;
    }
    if (message.seq <= last) return; // already seen: never applied twice
    if (message.seq > last + 1) {
      rejoins++;
      void viewer.ack('replay:join', { room: 'outage' });
    }
    last = message.seq;
    if (kind === 'frame') appliedFrames.push(message.seq);
  };
  for (const kind of ['frame', 'end', 'live', 'correction', 'snapshot']) viewer.socket.on(`replay:${kind}`, onMessage(kind));
  return { appliedFrames, last: () => last, rejoins: () => rejoins };
}

describe('a Redis outage under a shared replay on two instances', () => {
  it(`survives ${OUTAGE_MS / 1000} s without Redis; viewers on the other instance catch up by seq`, async (ctx) => {
    if (!ok) return ctx.skip();
    const starter = new TestClient(a!.url, '/replay');
    await starter.connected();
    const { sessionId } = await starter.ack('replay:start', {
      campaignId: C,
      from: '2024-12-01',
      to: '2024-12-03',
      speed: 3,
      room: 'outage',
    });
    const viewer = new TestClient(b!.url, '/replay');
    await viewer.connected();
    const view = catchingUpViewer(viewer);
    expect((await viewer.ack('replay:join', { room: 'outage' })).ok).toBe(true);
    await viewer.until(() => viewer.of('replay:frame').length >= 2);

    await stopRedis();
    const outageStart = Date.now();
    // the single-instance path keeps working: a private replay and writes on A, health reports it
    const own = new TestClient(a!.url, '/replay');
    await own.connected();
    await own.ack('replay:start', { campaignId: C, from: '2024-12-01', to: '2024-12-01', speed: 100 });
    await own.until(() => own.of('replay:end').length === 1);
    // a write is rate-limited by the instance alone meanwhile: it does not wait for Redis to come back
    const writeStart = Date.now();
    await request(a!.url)
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'during-outage', place: 'homs', time: { date: '2024-12-02' } }))
      .expect(201);
    expect(Date.now() - writeStart).toBeLessThan(2000);
    for (let i = 0; i < 50 && (await request(a!.url).get('/health')).body.redis.status !== 'down'; i++)
      await new Promise((r) => setTimeout(r, 100));
    expect((await request(a!.url).get('/health').expect(200)).body).toMatchObject({
      status: 'degraded',
      redis: { status: 'down' },
    });
    await new Promise((r) => setTimeout(r, Math.max(0, OUTAGE_MS - (Date.now() - outageStart))));
    await startRedis();
    const back = Date.now();

    await starter.ack('replay:speed', { sessionId, speed: 50 });
    await starter.until(() => starter.of('replay:end').length === 1, 30_000);
    const endSeq = starter.of('replay:end')[0].seq;
    // a message after the outage shows the viewer what it missed (here a live claim, recorded now)
    await request(a!.url)
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'after-outage', place: 'homs', time: { date: '2024-12-20' } }))
      .expect(201);
    await viewer.until(() => view.last() >= endSeq, 30_000);
    // no frame applied twice, and the viewer has caught up with the starter
    expect(new Set(view.appliedFrames).size).toBe(view.appliedFrames.length);
    expect(view.appliedFrames).toEqual([...view.appliedFrames].sort((x, y) => x - y));
    // the room's driver lived throughout: once B trusts Redis again (a lease after it is back) and
    // has looked twice, it still finds the room held, as A wrote it again
    await new Promise((r) => setTimeout(r, Math.max(0, back + ROOM_LEASE_MS + 2500 - Date.now())));
    expect(viewer.of('replay:ended')).toEqual([]);
    console.log(
      `[outage] viewer applied ${view.appliedFrames.length} frames, rejoined ${view.rejoins()} time(s), reached seq ${view.last()} of ${endSeq}`,
    );
    for (const server of [a!, b!]) expect((await request(server.url).get('/health').expect(200)).body.redis.status).toBe('up');
    // the log says what happened once per change, not once per reconnect attempt
    const said = a!.output();
    const where = `redis at redis://127.0.0.1:${port}`;
    expect(said).toContain(`${where}: keys and streams prefixed`);
    expect(said.split(`${where} does not answer`).length - 1).toBe(1);
    expect(said.split(`${where} still does not answer`).length - 1).toBeLessThanOrEqual(Math.floor(OUTAGE_MS / 30_000));
    expect(said).toContain(`${where} answers again`);
    expect(a!.child.exitCode).toBeNull();
    expect(b!.child.exitCode).toBeNull();
    [starter, viewer, own].forEach((c) => c.close());
  }, 120_000);
});
