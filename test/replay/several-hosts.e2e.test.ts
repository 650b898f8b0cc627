import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, POSTGRES_URL, postgresOrSkip } from '@timeline/testing';
import { KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaignAt } from '../support/fixtures';
import { sharedDeployment } from '../support/instances';
import { forwardTcp, makeHosts, namespacesOrSkip, type Forwarder, type HostNetwork } from '../support/netns';
import { REDIS_URL, redisOrSkip } from '../support/redis';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';
import { type Json, TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
const ROOM = { campaignId: C, from: '2024-12-05', to: '2024-12-08' };
const HOSTS = 3;
const WRITERS_PER_HOST = 2;
const LIVE_PER_HOST = 2;
const PORT = 3000; // every host has its own ports
const POSTGRES = (({ hostname, port }) => ({ host: hostname, port: Number(port || 5432) }))(new URL(POSTGRES_URL));
const auth = { Authorization: `Bearer ${KEYS.editor}` };
const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * The one store the hosts share, and the one place to change for another adapter: a database of
 * the test's own on the machine's PostgreSQL, which the hosts reach through the gateway.
 */
async function sharedStoreUrl(gateway: string): Promise<{ url: string; remove(): Promise<void> }> {
  const database = await createTestDatabase();
  const url = new URL(database);
  url.host = `${gateway}:${POSTGRES.port}`;
  return { url: url.toString(), remove: () => dropTestDatabase(database) };
}

let ready = false;
let network: HostNetwork | undefined;
let store: { url: string; remove(): Promise<void> } | undefined;
const forwarders: Forwarder[] = [];
const servers: ServerProcess[] = [];
const clients: TestClient[] = [];

beforeAll(async () => {
  ready = (await redisOrSkip()) && (await postgresOrSkip()) && namespacesOrSkip();
  if (!ready) return;
  ensureBuilt();
  network = makeHosts(HOSTS);
  const redis = new URL(REDIS_URL);
  const gateway = network.gateway;
  forwarders.push(
    await forwardTcp({ host: gateway, port: 6379 }, { host: redis.hostname, port: Number(redis.port || 6379) }),
    await forwardTcp({ host: gateway, port: POSTGRES.port }, POSTGRES),
  );
  store = await sharedStoreUrl(gateway);
  const env = {
    ...sharedDeployment('several-hosts'),
    STORE_URL: store.url,
    REDIS_URL: `redis://${gateway}:6379`,
    RATE_LIMIT_WRITES: '100000000',
    PORT: String(PORT),
  };
  servers.push(
    ...(await Promise.all(
      network.hosts.map((host) => startServerProcess({ ...env, HOST: host.address }, 30_000, host.launcher)),
    )),
  );
  await seedCampaignAt(request(servers[0]!.url));
}, 90_000);

afterAll(async () => {
  clients.forEach((c) => c.close());
  // nothing is read from the hosts after the tests: a kill is the quickest way down
  await Promise.all(servers.map((s) => s.kill('SIGKILL')));
  await Promise.all(forwarders.map((f) => f.close()));
  network?.remove();
  await store?.remove();
});

async function connect(server: ServerProcess, namespace: '/replay' | '/live'): Promise<TestClient> {
  const client = new TestClient(server.url, namespace);
  clients.push(client);
  await client.connected();
  return client;
}

/** Whether a process in `namespace` gets `expected` back from `host:port` after sending `hello`. */
async function answers(namespace: string, host: string, port: number, hello: Buffer, expected: RegExp): Promise<boolean> {
  const probe = `const s = require('node:net').connect(${port}, '${host}', () => s.write(Buffer.from('${hello.toString('hex')}', 'hex')));
    s.setTimeout(2000, () => process.exit(2)); s.on('error', () => process.exit(3));
    s.on('data', (d) => process.exit(${expected}.test(d.toString('latin1')) ? 0 : 4));`;
  return run('ip', ['netns', 'exec', namespace, process.execPath, '-e', probe]).then(
    () => true,
    () => false,
  );
}
const REDIS_PING = Buffer.from('PING\r\n');
/** PostgreSQL's SSLRequest, which a server answers with one byte, S or N, before any authentication. */
const POSTGRES_SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

describe('three hosts on one PostgreSQL and one Redis', () => {
  it('each host answers at its own address, and reaches Redis and PostgreSQL only through the gateway', async (ctx) => {
    if (!ready) return ctx.skip();
    const { hosts, gateway } = network!;
    for (const [i, host] of hosts.entries()) {
      expect(servers[i]!.url).toBe(`http://${host.address}:${PORT}`);
      const health = (await request(servers[i]!.url).get('/health').expect(200)).body;
      expect(health).toMatchObject({ status: 'ok', store: { kind: 'postgres', status: 'up' }, redis: { status: 'up' } });
      expect(await answers(host.namespace, gateway, 6379, REDIS_PING, /^\+PONG/)).toBe(true);
      expect(await answers(host.namespace, gateway, POSTGRES.port, POSTGRES_SSL_REQUEST, /^[SN]$/)).toBe(true);
      // the servers themselves listen on the machine's loopback, which a host does not share
      expect(await answers(host.namespace, '127.0.0.1', 6379, REDIS_PING, /^\+PONG/)).toBe(false);
    }
    const heads = await Promise.all(servers.map(async (s) => (await request(s.url).get('/health')).body.store.head));
    expect(new Set(heads).size).toBe(1);
  });

  it('a SIGKILL of one host under writes and replays loses no acknowledged write, and the others carry on', async (ctx) => {
    if (!ready) return ctx.skip();
    const victim = Math.floor(Math.random() * HOSTS);
    const survivors = servers.map((_, i) => i).filter((i) => i !== victim);
    console.log(`[several-hosts] host ${victim} of ${HOSTS} is the one killed`);

    // replay load: a shared room driven from the host to be killed, watched from the others; a
    // replay of its own on every host; /live subscribers on every host
    const room = `several-hosts-${victim}`;
    const starter = await connect(servers[victim]!, '/replay');
    const { sessionId } = await starter.ack('replay:start', { ...ROOM, speed: 2, room });
    const viewers = await Promise.all(survivors.map((i) => connect(servers[i]!, '/replay')));
    for (const viewer of viewers) expect(await viewer.ack('replay:join', { room })).toMatchObject({ ok: true, sessionId });
    const replays = await Promise.all(servers.map((s) => connect(s, '/replay')));
    for (const replay of replays) expect(await replay.ack('replay:start', { ...ROOM, speed: 20 })).toMatchObject({ ok: true });
    const subscribers = await Promise.all(
      servers.flatMap((server, host) =>
        Array.from({ length: LIVE_PER_HOST }, async () => {
          const client = await connect(server, '/live');
          const { position } = await client.ack('subscribe', { campaignId: C });
          return { host, client, after: position as number };
        }),
      ),
    );

    const writes = new Writes(victim);
    const writers = servers.flatMap((_, host) => Array.from({ length: WRITERS_PER_HOST }, (_, w) => writes.writeOn(host, w)));
    await sleep(2000 + Math.random() * 1000);
    writes.killing = true;
    await servers[victim]!.kill('SIGKILL');
    const killedAt = Date.now();
    expect(servers[victim]!.child.signalCode).toBe('SIGKILL'); // `ip netns exec` became the service: the kill reached it
    const viewersTold = Promise.all(viewers.map((v) => v.until(() => v.of('replay:ended').length === 1, 10_000))).then(
      () => Date.now() - killedAt,
    );
    await sleep(1500); // the survivors keep taking writes
    writes.stop = true;
    await Promise.all(writers);
    console.log(`[several-hosts] ${writes.summary()}`);
    expect(writes.acknowledged.length).toBeGreaterThan(20);
    expect(writes.corrected.size).toBeGreaterThan(0);
    expect(writes.afterKill).toBeGreaterThan(0);

    // read-your-write across hosts: a read on another host, sent once a write was acknowledged, saw it
    expect(writes.unseen).toEqual([]);

    // the shared room's viewers are told its driver is gone, and one of them takes it over
    const toldAfter = await viewersTold;
    console.log(`[several-hosts] the room's viewers were told ${toldAfter} ms after the kill`);
    expect(toldAfter).toBeLessThan(10_000);
    for (const viewer of viewers) expect(viewer.of('replay:ended')).toEqual([{ sessionId, reason: 'host-lost' }]);
    const again = await viewers[0]!.ack('replay:start', { ...ROOM, speed: 20, room });
    expect(again).toMatchObject({ ok: true });
    expect(again.sessionId).not.toBe(sessionId);
    expect(await viewers[1]!.ack('replay:join', { room })).toMatchObject({ ok: true, sessionId: again.sessionId });
    await viewers[1]!.until(() => viewers[1]!.of('replay:frame').some((f) => f.sessionId === again.sessionId));

    // every acknowledged write is stored, and every survivor reads the same claims
    const stored = await Promise.all(survivors.map((i) => storedClaims(servers[i]!.url)));
    expect(stored[1]).toEqual(stored[0]);
    const ids = new Set(stored[0]!.keys());
    expect(writes.acknowledged.filter((id) => !ids.has(id))).toEqual([]);
    for (const batch of writes.batches) expect([0, batch.length]).toContain(batch.filter((id) => ids.has(id)).length);
    for (const survivor of stored) for (const id of writes.corrected) expect(survivor.get(id)).toBeGreaterThanOrEqual(1);

    // each survivor's /live subscriber got every event of the log after it subscribed, once, in order
    const log = await campaignPositions(servers[survivors[0]!]!.url);
    const listening = subscribers.filter((s) => s.host !== victim);
    for (const { client, after } of listening)
      await client.until(() => client.of('claim:recorded').length >= log.filter((p) => p > after).length);
    await sleep(300); // a duplicate would have come by now
    console.log(
      `[several-hosts] ${log.length} events in the log; the survivors' /live subscribers got ${listening.map((s) => s.client.of('claim:recorded').length).join(', ')}`,
    );
    for (const { host, client, after } of listening)
      expect(
        client.of('claim:recorded').map((m) => m.position),
        `the /live subscriber on host ${host}`,
      ).toEqual(log.filter((p) => p > after));

    // the survivors' own replays went on, every message of a session numbered in turn
    for (const i of survivors) {
      const seqs = replays[i]!.received.map((m) => m.payload?.seq).filter((s): s is number => typeof s === 'number');
      expect(seqs.length).toBeGreaterThan(1);
      expect(seqs).toEqual(seqs.map((_, k) => seqs[0]! + k));
    }
    for (const client of clients) expect(client.invalid).toEqual([]);
  }, 60_000);
});

/** What the writers sent and what came of it. */
class Writes {
  readonly acknowledged: string[] = [];
  readonly batches: string[][] = [];
  readonly corrected = new Set<string>();
  /** writes a read on another host, sent after their acknowledgement, did not show */
  readonly unseen: string[] = [];
  afterKill = 0;
  killing = false;
  stop = false;
  private n = 0;

  constructor(private readonly victim: number) {}

  /** Claims, batches of four and corrections through one host until told to stop or the host is gone. */
  async writeOn(host: number, writer: number): Promise<void> {
    const url = servers[host]!.url;
    while (!this.stop) {
      const n = this.n++;
      const target = this.acknowledged[Math.floor(Math.random() * this.acknowledged.length)];
      if (n % 5 === 4 && target !== undefined) {
        const res = await request(url)
          .post(`/campaigns/${C}/claims/${target}/corrections`)
          .set(auth)
          .send({
            expectedRevision: 0,
            changes: { controller: 'saa' },
            sources: ['sana-2024-12-07-homs'],
            reason: 'several hosts',
          })
          .catch(() => undefined);
        if (!this.reached(res, host)) return;
        if (res.status === 201) {
          this.corrected.add(target);
          await this.readBack(host, target, 1);
        } else if (res.status !== 409 && res.status < 500)
          throw new Error(`a correction answered ${res.status}: ${JSON.stringify(res.body)}`);
        continue;
      }
      const ids = n % 3 === 0 ? [0, 1, 2, 3].map((i) => `h${host}-w${writer}-${n}-${i}`) : [`h${host}-w${writer}-${n}`];
      if (ids.length > 1) this.batches.push(ids);
      const body =
        ids.length > 1 ? { claims: ids.map((claimId) => controlClaim({ claimId })) } : controlClaim({ claimId: ids[0] });
      const res = await request(url)
        .post(`/campaigns/${C}/claims`)
        .set(auth)
        .send(body)
        .catch(() => undefined);
      if (!this.reached(res, host)) return;
      if (res.status >= 500) continue; // not acknowledged: it may or may not be stored
      if (res.status !== 201) throw new Error(`an append answered ${res.status}: ${JSON.stringify(res.body)}`);
      this.acknowledged.push(...ids);
      await this.readBack(host, ids.at(-1)!, 0);
    }
  }

  /** False once the host is gone; a host that nobody killed must answer. */
  private reached<T>(res: T | undefined, host: number): res is T {
    if (res === undefined) {
      if (host === this.victim && this.killing) return false;
      throw new Error(`host ${host}, which nobody killed, did not answer`);
    }
    if (this.killing && host !== this.victim) this.afterKill++;
    return true;
  }

  /**
   * Reads the claim on another host that is up, at once: it must be there, at least at `revision`.
   * There is no delay to allow for: every read catches its host's views up to the store's head
   * before answering, so a read sent after an acknowledgement sees the write on any host.
   */
  private async readBack(writtenOn: number, claimId: string, revision: number): Promise<void> {
    const others = servers.map((_, i) => i).filter((i) => i !== writtenOn && !(this.killing && i === this.victim));
    const reader = others[Math.floor(Math.random() * others.length)]!;
    const res = await request(servers[reader]!.url)
      .get(`/campaigns/${C}/claims/${claimId}`)
      .catch(() => undefined);
    if (!res && reader === this.victim && this.killing) return;
    if (res?.status !== 200 || res.body.revision < revision)
      this.unseen.push(
        `${claimId} r${revision} written on host ${writtenOn}: host ${reader} answered ${res?.status} r${res?.body?.revision}`,
      );
  }

  summary(): string {
    return `${this.acknowledged.length} claims (${this.batches.length} batches tried) and ${this.corrected.size} corrections acknowledged, ${this.afterKill} answers from the survivors after the kill`;
  }
}

/** Every claim a host reads, with its revision. */
async function storedClaims(url: string): Promise<Map<string, number>> {
  const claims = new Map<string, number>();
  for (let after = 0; ;) {
    const page = (await request(url).get(`/campaigns/${C}/claims?limit=1000&after=${after}`).expect(200)).body;
    for (const claim of page.items as Json[]) claims.set(claim.claimId, claim.revision);
    if (page.next === null) return claims;
    after = page.next;
  }
}

/** The log positions of the campaign's events, from its ndjson export. */
async function campaignPositions(url: string): Promise<number[]> {
  const res = await request(url).get(`/campaigns/${C}/export?format=ndjson`).set(auth).buffer(true).expect(200);
  return res.text
    .split('\n')
    .filter(Boolean)
    .map((line) => (JSON.parse(line) as { position: number }).position);
}
