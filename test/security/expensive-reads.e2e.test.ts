import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FREE_REFUSALS, HOLD_MS } from '../../apps/api/src/auth/refusal-hold';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { REDIS_URL, redisOrSkip } from '../support/redis';

const C = CAMPAIGN.campaignId;
/** A minute's budget of 30 is counted as 5 every 10 s. */
const PER_MINUTE = 30;
const BUDGET = 5;
const pastView = (knownAt: number) => `/campaigns/${C}/control?day=2024-12-07&knownAt=${knownAt}`;

describe('expensive reads without a key', () => {
  let app: TestApp;
  let position: number;
  beforeAll(async () => {
    app = await startTestApp({ RATE_LIMIT_EXPENSIVE_READS: String(PER_MINUTE) });
    await seedCampaign(app);
    position = (await app.http.post(`/campaigns/${C}/claims`).set(asEditor).send(controlClaim()).expect(201)).body.position;
  });
  afterAll(async () => app.close());

  it('given a client hammering views as known at, then past its budget it gets 429 with Retry-After and a problem naming the limit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 3; i++) statuses.push((await app.http.get(pastView(position))).status);
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(200), 429, 429, 429]);

    const refused = await app.http.get(pastView(position)).expect(429);
    expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(10);
    expect(refused.body).toMatchObject({ status: 429, title: 'Too Many Requests' });
    expect(refused.body.detail).toContain(`${BUDGET} expensive reads every 10 s`);
  });

  it('counts exports and views reported by a moment in the same budget, and an unknown key does not lift it', async () => {
    await app.http.get(`/campaigns/${C}/export?format=ndjson`).expect(429);
    await app.http.get(`/campaigns/${C}/casualties/series?reportedBy=2024-12-08T00:00:00Z`).expect(429);
    await app.http.get(pastView(position)).set('Authorization', 'Bearer not-a-key-at-all-000').expect(429);
  });

  it('leaves clients with a key, other clients, cheap reads and writes alone', async () => {
    await app.http.get(pastView(position)).set(asEditor).expect(200);
    await app.http.get(`/campaigns/${C}/export?format=csv`).set(asEditor).expect(200);
    await app.http.get(`/campaigns/${C}/control?day=2024-12-07`).expect(200);
    await app.http.get(`/campaigns/${C}/claims`).expect(200);
    await app.http.get('/campaigns').expect(200);
    await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send(controlClaim({ claimId: 'after-the-hammering' }))
      .expect(201);
    // another address on the loopback network is another client, with a budget of its own
    expect(await statusFrom('127.0.0.2', `${app.url}${pastView(position)}`)).toBe(200);
  });

  it('given a refused client that keeps asking before its Retry-After, then its refusals past those it may have had in flight are held a second while its cheap reads answer at once', async () => {
    const client = '127.0.0.4';
    for (let i = 0; i < BUDGET; i++) expect((await timedFrom(client, `${app.url}${pastView(position)}`)).status).toBe(200);
    // as many refusals at once as a client may fairly have had requests in flight: none held
    const inFlight = await Promise.all(
      Array.from({ length: FREE_REFUSALS }, () => timedFrom(client, `${app.url}${pastView(position)}`)),
    );
    expect(inFlight.map((r) => r.status)).toEqual(Array<number>(FREE_REFUSALS).fill(429));
    expect(Math.max(...inFlight.map((r) => r.ms))).toBeLessThan(HOLD_MS / 2);

    const [again, cheap] = await Promise.all([
      timedFrom(client, `${app.url}${pastView(position)}`),
      timedFrom(client, `${app.url}/campaigns/${C}/control?day=2024-12-07`),
    ]);
    expect(again.status).toBe(429);
    expect(again.retryAfter).toBeGreaterThan(0);
    expect(again.ms).toBeGreaterThanOrEqual(HOLD_MS * 0.9);
    expect(cheap.status).toBe(200);
    expect(cheap.ms).toBeLessThan(HOLD_MS / 2);
  });

  it('given a client that exports, then the export spends the budget of ten views of the past (here the whole window)', async () => {
    expect(await statusFrom('127.0.0.3', `${app.url}/campaigns/${C}/export?format=csv`)).toBe(200);
    expect(await statusFrom('127.0.0.3', `${app.url}${pastView(position)}`)).toBe(429);
  });
});

describe('expensive reads through Redis', () => {
  let apps: TestApp[] = [];
  afterAll(async () => Promise.all(apps.map((a) => a.close())));

  it('given two instances on one store and one Redis, then a client has one budget across them', async (ctx) => {
    if (!(await redisOrSkip())) return ctx.skip();
    const env = {
      STORE_URL: `sqlite:${join(mkdtempSync(join(tmpdir(), 'timeline-budget-')), 'store.db')}`,
      REDIS_URL,
      REDIS_PREFIX: `test-budget-${process.pid}-${Date.now()}`,
      RATE_LIMIT_EXPENSIVE_READS: String(PER_MINUTE),
    };
    apps = [await startTestApp(env), await startTestApp(env)];
    const [first, second] = apps as [TestApp, TestApp];
    await seedCampaign(first);
    // the windows are the clock's 10 s: start well inside one
    const intoWindow = Date.now() % 10_000;
    if (intoWindow > 6_000) await new Promise((r) => setTimeout(r, 10_100 - intoWindow));
    const statuses: number[] = [];
    for (let i = 0; i < BUDGET + 2; i++) statuses.push((await (i % 2 ? second : first).http.get(pastView(1))).status);
    expect(statuses).toEqual([...Array<number>(BUDGET).fill(200), 429, 429]);
  });
});

/** The status of a GET sent from a given local address. */
async function statusFrom(localAddress: string, url: string): Promise<number> {
  return (await timedFrom(localAddress, url)).status;
}

/** A GET sent from a given local address: its status, its Retry-After, and how long the answer took. */
function timedFrom(localAddress: string, url: string): Promise<{ status: number; retryAfter: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    get(url, { localAddress }, (res) => {
      res.resume();
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          retryAfter: Number(res.headers['retry-after'] ?? 0),
          ms: performance.now() - start,
        }),
      );
    }).on('error', reject);
  });
}
