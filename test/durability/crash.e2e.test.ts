import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEventStore, SqliteEventStore } from '@timeline/store';
import { createTestDatabase, dropTestDatabase, postgresOrSkip } from '@timeline/testing';
import { KEYS } from '../support/app';
import { CAMPAIGN, controlClaim, PLACES, seedCampaignAt, SOURCES } from '../support/fixtures';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';

const KILLS = Number(process.env.CRASH_KILLS ?? 3);
const C = CAMPAIGN.campaignId;
const env = (storeUrl: string, dataDir: string) => ({
  STORE_URL: storeUrl,
  LOAD_EVENTS: 'false',
  RATE_LIMIT_WRITES: '100000000',
  API_KEYS: `admin:admin:${KEYS.admin},editor:editor:${KEYS.editor}`,
  DATA_DIR: dataDir,
});
const auth = (key: string) => ({ Authorization: `Bearer ${key}` });

let server: ServerProcess | undefined;
beforeAll(() => ensureBuilt(), 120_000);
afterAll(async () => server?.kill('SIGKILL'));

/**
 * Kills the service KILLS times under concurrent appends, batches and corrections, restarting it
 * on the same store each time; then checks every acknowledged write is there, every batch is
 * all or nothing, and the restarted views equal a rebuild. Leaves the service stopped.
 */
async function crashAndRestart(storeUrl: string, dataDir: string): Promise<void> {
  server = await startServerProcess(env(storeUrl, dataDir));
  let http = request(server.url);
  await seedCampaignAt(http);

  const acknowledged: string[] = [];
  const corrected: string[] = [];
  const batches: string[][] = [];
  let n = 0;
  for (let kill = 0; kill < KILLS; kill++) {
    let stop = false;
    const writer = async (w: number) => {
      while (!stop) {
        const target = acknowledged[Math.floor(Math.random() * acknowledged.length)];
        if (n % 5 === 4 && target !== undefined) {
          // a correction of a claim already acknowledged
          n++;
          const res = await http
            .post(`/campaigns/${C}/claims/${target}/corrections`)
            .set(auth(KEYS.editor))
            .send({
              expectedRevision: 0,
              changes: { controller: 'saa' },
              sources: ['sana-2024-12-07-homs'],
              reason: 'crash test',
            })
            .catch(() => undefined);
          if (!res) return;
          if (res.status === 201) corrected.push(target);
          else if (res.status !== 409 && res.status < 500)
            throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
          continue;
        }
        const batch = n % 3 === 0;
        const ids = batch ? [0, 1, 2, 3].map((i) => `k${kill}-w${w}-${n}-${i}`) : [`k${kill}-w${w}-${n}`];
        n++;
        if (batch) batches.push(ids);
        const body = batch ? { claims: ids.map((claimId) => controlClaim({ claimId })) } : controlClaim({ claimId: ids[0] });
        const res = await http
          .post(`/campaigns/${C}/claims`)
          .set(auth(KEYS.editor))
          .send(body)
          .catch(() => undefined);
        if (res && res.status >= 200 && res.status < 300) acknowledged.push(...ids);
        else if (res && res.status < 500) throw new Error(`unexpected ${res.status}: ${JSON.stringify(res.body)}`);
        else if (!res) return;
      }
    };
    const writers = [0, 1, 2, 3].map(writer);
    await new Promise((r) => setTimeout(r, 150 + Math.random() * 400));
    await server.kill('SIGKILL');
    stop = true;
    await Promise.allSettled(writers);
    server = await startServerProcess(env(storeUrl, dataDir));
    http = request(server.url);
  }
  expect(acknowledged.length).toBeGreaterThan(KILLS * 5);
  console.log(
    `[crash] ${KILLS} SIGKILLs: ${acknowledged.length} claims and ${corrected.length} corrections acknowledged, ${batches.length} batches attempted`,
  );

  const stored = new Set(
    (await http.get(`/campaigns/${C}/claims?limit=1000`).expect(200)).body.items.map((c: { claimId: string }) => c.claimId),
  );
  let after = 0;
  for (;;) {
    const page = (await http.get(`/campaigns/${C}/claims?limit=1000&after=${after}`).expect(200)).body;
    page.items.forEach((c: { claimId: string }) => stored.add(c.claimId));
    if (page.next === null) break;
    after = page.next;
  }
  expect(acknowledged.filter((id) => !stored.has(id))).toEqual([]);
  for (const batch of batches) expect([0, batch.length]).toContain(batch.filter((id) => stored.has(id)).length);
  for (const id of corrected.slice(0, 50)) {
    expect((await http.get(`/campaigns/${C}/claims/${id}`).expect(200)).body).toMatchObject({ revision: 1, controller: 'saa' });
  }

  // the views the restarted service serves equal a full rebuild of the log
  const days = ['2024-12-05', '2024-12-06', '2024-12-07'];
  const answers = async () =>
    Promise.all(
      days.map(async (day) => [
        (await http.get(`/campaigns/${C}/control?day=${day}`).expect(200)).body,
        (await http.get(`/campaigns/${C}/casualties?day=${day}`).expect(200)).body,
      ]),
    );
  const served = await answers();
  const job = (await http.post('/admin/projections/rebuild').set(auth(KEYS.admin)).expect(202)).body;
  for (let i = 0; i < 200 && (await http.get('/admin/projections').set(auth(KEYS.admin))).body.version !== job.version; i++)
    await new Promise((r) => setTimeout(r, 25));
  expect((await http.get('/admin/projections').set(auth(KEYS.admin))).body.version).toBe(job.version);
  expect(await answers()).toEqual(served);

  await server.kill('SIGTERM');
  server = undefined;
  const store = await openEventStore(storeUrl);
  try {
    const positions = (await store.readAll(0, 1_000_000)).map((e) => e.position);
    expect(positions).toEqual(positions.map((_, i) => i + 1));
  } finally {
    await store.close();
  }
}

describe('crash safety of the embedded store', () => {
  it(`loses no acknowledged write across ${KILLS} SIGKILLs during appends`, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timeline-crash-'));
    const file = join(dataDir, 'store.db');
    await crashAndRestart(`sqlite:${file}`, dataDir);
    const store = new SqliteEventStore(file);
    try {
      expect(store.integrityCheck()).toBe('ok');
    } finally {
      await store.close();
    }
  }, 180_000);
});

describe('crash safety of the PostgreSQL store', async () => {
  if (!(await postgresOrSkip())) {
    it.skip('SKIPPED: PostgreSQL is not answering', () => undefined);
    return;
  }
  it(`loses no acknowledged write across ${KILLS} SIGKILLs during appends`, async () => {
    const url = await createTestDatabase();
    try {
      await crashAndRestart(url, mkdtempSync(join(tmpdir(), 'timeline-crash-')));
    } finally {
      await server?.kill('SIGKILL');
      server = undefined;
      await dropTestDatabase(url);
    }
  }, 180_000);
});

/** Two services on one store: each sees the other's appends and answers a retry of them. */
async function twoProcessesShare(storeUrl: string, dataDir: string): Promise<void> {
  const a = await startServerProcess(env(storeUrl, dataDir));
  const b = await startServerProcess(env(storeUrl, dataDir));
  try {
    const [ha, hb] = [request(a.url), request(b.url)];
    await ha.post('/campaigns').set(auth(KEYS.admin)).send(CAMPAIGN).expect(201);
    for (const p of PLACES) await hb.post(`/campaigns/${C}/places`).set(auth(KEYS.editor)).send(p).expect(201);
    for (const s of SOURCES) await ha.post(`/campaigns/${C}/sources`).set(auth(KEYS.editor)).send(s).expect(201);
    await ha
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'from-a' }))
      .expect(201);
    await hb
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'from-b', place: 'homs' }))
      .expect(201);
    // the same claim through the other process is an idempotent retry, not a second event
    await hb
      .post(`/campaigns/${C}/claims`)
      .set(auth(KEYS.editor))
      .send(controlClaim({ claimId: 'from-a' }))
      .expect(200);
    for (const h of [ha, hb]) {
      const ids = (await h.get(`/campaigns/${C}/claims`).expect(200)).body.items.map((c: { claimId: string }) => c.claimId);
      expect(ids).toEqual(['from-a', 'from-b']);
    }
    const [healthA, healthB] = [(await ha.get('/health')).body, (await hb.get('/health')).body];
    expect(healthA.store.head).toBe(healthB.store.head);
  } finally {
    await a.kill();
    await b.kill();
  }
}

describe('several processes sharing one store file', () => {
  it('each sees the other’s appends', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'timeline-shared-'));
    await twoProcessesShare(`sqlite:${join(dataDir, 'store.db')}`, dataDir);
  }, 60_000);
});

describe('several processes sharing one PostgreSQL database', async () => {
  if (!(await postgresOrSkip())) {
    it.skip('SKIPPED: PostgreSQL is not answering', () => undefined);
    return;
  }
  it('each sees the other’s appends', async () => {
    const url = await createTestDatabase();
    try {
      await twoProcessesShare(url, mkdtempSync(join(tmpdir(), 'timeline-shared-')));
    } finally {
      await dropTestDatabase(url);
    }
  }, 60_000);
});
