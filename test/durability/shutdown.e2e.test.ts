import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaignAt } from '../support/fixtures';
import { REDIS_URL, redisOrSkip } from '../support/redis';
import { TestClient } from '../replay/socket-client';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';

let server: ServerProcess | undefined;
/** Every process a test started, so one that fails half-way leaves none running. */
const started: ServerProcess[] = [];
const start = async (env: Record<string, string>): Promise<ServerProcess> => {
  const process = await startServerProcess(env);
  started.push(process);
  return process;
};
beforeAll(() => ensureBuilt(), 120_000);
afterAll(async () => Promise.all(started.map((p) => p.kill('SIGKILL'))));

describe('a clean stop', () => {
  it.each(['SIGTERM', 'SIGINT'] as const)(
    'given a running service with folded views, when sent %s, then it writes the snapshot, folds the WAL back and exits with 0',
    async (signal) => {
      const dir = mkdtempSync(join(tmpdir(), 'timeline-stop-'));
      const file = join(dir, 'store.db');
      server = await start({
        STORE_URL: `sqlite:${file}`,
        LOAD_EVENTS: 'false',
        API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
        DATA_DIR: dir,
      });
      await seedCampaignAt(request(server.url));
      await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
      const snapshot = join(dir, 'views.snapshot.ndjson');
      expect(existsSync(snapshot)).toBe(false);
      expect(existsSync(`${file}-wal`)).toBe(true);

      await server.kill(signal);
      expect(server.child.exitCode).toBe(0);
      expect(server.output()).toContain(`${signal}: stopping`);
      expect(existsSync(snapshot)).toBe(true);
      const header = JSON.parse(readFileSync(snapshot, 'utf8').split('\n')[0] ?? '{}') as { kind?: string; position?: number };
      expect(header.kind).toBe('header');
      expect(header.position).toBeGreaterThan(0);
      expect(existsSync(`${file}-wal`)).toBe(false);

      // the next start resumes from the snapshot rather than refolding the log
      server = await start({
        STORE_URL: `sqlite:${file}`,
        LOAD_EVENTS: 'false',
        API_KEYS: `admin:admin:${KEYS.admin}`,
        DATA_DIR: dir,
      });
      expect(server.output()).toContain(`views resumed from the snapshot at ${header.position}`);
      await server.kill('SIGTERM');
    },
    60_000,
  );

  it('given a snapshot cut short while the service was down, when it starts, then it logs a warning naming the file and folds the log', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'timeline-stop-'));
    const env = {
      STORE_URL: `sqlite:${join(dir, 'store.db')}`,
      LOAD_EVENTS: 'false',
      API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
      DATA_DIR: dir,
    };
    server = await start(env);
    await seedCampaignAt(request(server.url));
    const before = await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
    await server.kill('SIGTERM');
    const snapshot = join(dir, 'views.snapshot.ndjson');
    truncateSync(snapshot, statSync(snapshot).size - 20);

    server = await start(env);
    const warning = server
      .output()
      .split('\n')
      .find((line) => line.includes(`snapshot ${snapshot} not used`));
    expect(JSON.parse(warning ?? '{}')).toMatchObject({ level: 'warn' });
    expect(warning).toContain('the log is folded from the start: it ends inside a line');
    expect(server.output()).not.toContain('views resumed from the snapshot');
    const after = await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/control/days`).expect(200);
    expect(after.body).toEqual(before.body);
    await server.kill('SIGTERM');
  }, 60_000);
});

/** How one append ended while the service stopped: its status, or how the connection failed. */
type Outcome = { claimId: string; status: number; retryAfter: string | null } | { claimId: string; error: string };

/** Appends claims one after another on a keep-alive connection until the service refuses or is gone. */
async function appendUntilRefused(url: string, prefix: string, outcomes: Outcome[]): Promise<void> {
  for (let i = 0; ; i++) {
    const claimId = `${prefix}-${i}`;
    try {
      const response = await fetch(`${url}/campaigns/${CAMPAIGN.campaignId}/claims`, {
        method: 'POST',
        headers: { ...asEditor, 'content-type': 'application/json' },
        body: JSON.stringify(controlClaim({ claimId })),
      });
      await response.arrayBuffer();
      outcomes.push({ claimId, status: response.status, retryAfter: response.headers.get('retry-after') });
      if (response.status !== 201) return;
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause;
      outcomes.push({ claimId, error: cause?.code ?? String(error) });
      return;
    }
  }
}

describe('a stop under load', () => {
  it('given appends, a playing replay and a live subscription, when sent SIGTERM, then requests under way finish, later ones are refused cleanly, sockets are told, and it exits with 0 within 10 s', async () => {
    const withRedis = await redisOrSkip();
    const dir = mkdtempSync(join(tmpdir(), 'timeline-stop-load-'));
    const file = join(dir, 'store.db');
    const env = {
      STORE_URL: `sqlite:${file}`,
      LOAD_EVENTS: 'false',
      API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
      DATA_DIR: dir,
      RATE_LIMIT_WRITES: '1000000',
      ...(withRedis ? { REDIS_URL, REDIS_PREFIX: `stop-${process.pid}-${Date.now()}` } : {}),
    };
    server = await start(env);
    const { url } = server;
    await seedCampaignAt(request(url));
    await request(url).post(`/campaigns/${CAMPAIGN.campaignId}/claims`).set(asEditor).send(controlClaim()).expect(201);

    const replay = new TestClient(url, '/replay');
    const live = new TestClient(url, '/live');
    await Promise.all([replay.connected(), live.connected()]);
    expect((await replay.ack('replay:start', { campaignId: CAMPAIGN.campaignId, speed: 100 })).ok).toBe(true);
    expect((await live.ack('subscribe', { campaignId: CAMPAIGN.campaignId })).ok).toBe(true);
    const disconnected = (client: TestClient) =>
      new Promise<string>((resolve) => client.socket.once('disconnect', (reason) => resolve(reason)));
    const replayGone = disconnected(replay);
    const liveGone = disconnected(live);

    const outcomes: Outcome[] = [];
    const appenders = [0, 1, 2, 3].map((n) => appendUntilRefused(url, `stop-${n}`, outcomes));
    await live.until(() => live.of('claim:recorded').length >= 20);
    await replay.until(() => replay.of('replay:frame').length > 0);

    const signalled = Date.now();
    await server.kill('SIGTERM');
    const stoppedIn = Date.now() - signalled;
    await Promise.all(appenders);

    expect(server.child.exitCode).toBe(0);
    expect(stoppedIn).toBeLessThan(10_000);
    expect(server.output()).toMatch(/new requests refused; \d+ under way finished/);
    expect(server.output()).toMatch(/views' snapshot written at position \d+; store closed/);
    expect(server.output()).toMatch(/stopped in \d+ ms/);
    // every append either finished, was refused with 503 and Retry-After, or found nothing listening
    const unclean = outcomes.filter(
      (o) => !('status' in o ? o.status === 201 || (o.status === 503 && o.retryAfter !== null) : o.error === 'ECONNREFUSED'),
    );
    expect(unclean).toEqual([]);
    for (const client of [replay, live]) {
      expect(client.of('server:closing')).toEqual([{ reason: 'shutdown', retryAfter: 2 }]);
      expect(client.invalid).toEqual([]);
    }
    // the connection dropped rather than being closed by the server, so socket.io clients reconnect
    expect(await replayGone).toBe('transport close');
    expect(await liveGone).toBe('transport close');
    expect(existsSync(join(dir, 'views.snapshot.ndjson'))).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
    if (withRedis) expect(server.output()).toContain('redis: connection closed');

    // after a restart every acknowledged append is there, and none refused is
    server = await start(env);
    const acknowledged = outcomes.filter((o) => 'status' in o && o.status === 201).map((o) => o.claimId);
    const refused = outcomes.filter((o) => !('status' in o && o.status === 201)).map((o) => o.claimId);
    console.log(
      `[stop] stopped in ${stoppedIn} ms; ${acknowledged.length} appends acknowledged, ${refused.length} refused (${
        outcomes.filter((o) => 'status' in o && o.status === 503).length
      } with 503)`,
    );
    for (const claimId of acknowledged)
      await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/claims/${claimId}`).expect(200);
    for (const claimId of refused)
      await request(server.url).get(`/campaigns/${CAMPAIGN.campaignId}/claims/${claimId}`).expect(404);
    replay.close();
    live.close();
    await server.kill('SIGTERM');
  }, 90_000);
});
