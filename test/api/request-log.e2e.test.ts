import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, KEYS, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { ensureBuilt, startServerProcess, type ServerProcess } from '../support/server-process';

const C = CAMPAIGN.campaignId;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  await seedCampaign(app);
});
afterAll(async () => app.close());

const history = async (claimId: string) =>
  (await app.http.get(`/campaigns/${C}/claims/${claimId}`).expect(200)).body.history as { correlationId: string }[];

describe('correlation ids', () => {
  it('given a request with x-correlation-id, then the answer echoes it and the events it appends carry it', async () => {
    const id = 'import-2024-12-06:batch.7';
    const created = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .set('x-correlation-id', id)
      .send(controlClaim({ claimId: 'cid-sent' }))
      .expect(201);
    expect(created.headers['x-correlation-id']).toBe(id);
    const corrected = await app.http
      .post(`/campaigns/${C}/claims/cid-sent/corrections`)
      .set(asEditor)
      .set('x-correlation-id', 'fix-1')
      .send({
        expectedRevision: 0,
        changes: { controller: 'saa' },
        sources: ['sana-2024-12-07-homs'],
        reason: 'the wrong side was named',
      })
      .expect(201);
    expect(corrected.headers['x-correlation-id']).toBe('fix-1');
    expect((await history('cid-sent')).map((e) => e.correlationId)).toEqual([id, 'fix-1']);
  });

  it('given a request without one, then the service makes one, echoes it and stores it with the events', async () => {
    const read = await app.http.get('/campaigns').expect(200);
    expect(read.headers['x-correlation-id']).toMatch(UUID);
    const created = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send(controlClaim({ claimId: 'cid-made' }))
      .expect(201);
    const made = String(created.headers['x-correlation-id']);
    expect(made).toMatch(UUID);
    expect(made).not.toBe(read.headers['x-correlation-id']);
    expect((await history('cid-made')).map((e) => e.correlationId)).toEqual([made]);
  });

  it('given an id that is too long or holds other characters, then it is replaced rather than echoed or stored', async () => {
    for (const bad of ['x'.repeat(101), 'a b', '<script>', '%C3%BC', '']) {
      const res = await app.http.get('/campaigns').set('x-correlation-id', bad).expect(200);
      expect(res.headers['x-correlation-id'], bad).toMatch(UUID);
    }
    const longest = 'x'.repeat(100);
    expect((await app.http.get('/campaigns').set('x-correlation-id', longest)).headers['x-correlation-id']).toBe(longest);
  });

  it('is echoed on refusals and errors too', async () => {
    const refusals = [
      app.http.get('/nowhere'),
      app.http.get(`/campaigns/${C}/claims/no-such-claim`),
      app.http.post(`/campaigns/${C}/claims`).send(controlClaim()),
      app.http
        .post(`/campaigns/${C}/claims`)
        .set(asEditor)
        .send(controlClaim({ status: 'won' })),
      app.http.post(`/campaigns/${C}/claims`).set(asEditor).set('content-type', 'application/json').send('{"broken'),
    ];
    const statuses: number[] = [];
    for (const [i, pending] of refusals.entries()) {
      const res = await pending.set('x-correlation-id', `refused-${i}`);
      statuses.push(res.status);
      expect(res.headers['x-correlation-id']).toBe(`refused-${i}`);
    }
    expect(statuses).toEqual([404, 404, 401, 422, 400]);
  });
});

describe('request log', () => {
  let server: ServerProcess | undefined;
  beforeAll(() => ensureBuilt(), 120_000);
  afterAll(async () => server?.kill());

  it('prints one JSON line per request with method, path, status, duration and correlation id', async () => {
    server = await startServerProcess({
      STORE_URL: 'memory:',
      LOAD_EVENTS: 'false',
      API_KEYS: `editor:editor:${KEYS.editor}`,
      LOG_LEVEL: 'info',
    });
    await request(server.url).get('/campaigns?limit=1').set('x-correlation-id', 'log-read').expect(200);
    await request(server.url).get('/campaigns/nowhere').set('x-correlation-id', 'log-missing').expect(404);
    const made = String((await request(server.url).post('/campaigns').send({}).expect(401)).headers['x-correlation-id']);

    const lines = await eventually(() => {
      const found = requestLines(server!.output());
      return found.length >= 3 ? found : undefined;
    });
    expect(lines.find((l) => l.correlationId === 'log-read')).toEqual({
      method: 'GET',
      path: '/campaigns',
      status: 200,
      durationMs: expect.any(Number),
      correlationId: 'log-read',
    });
    expect(lines.find((l) => l.correlationId === 'log-missing')).toMatchObject({ path: '/campaigns/nowhere', status: 404 });
    expect(lines.find((l) => l.correlationId === made)).toMatchObject({ method: 'POST', path: '/campaigns', status: 401 });
    for (const line of lines) expect(line.durationMs).toBeGreaterThanOrEqual(0);
    // every line: the level as log shippers name it, the time as an ISO instant, no start-up chatter of the framework
    const entries = server
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: string; timestamp: string; context?: string });
    expect(entries.find((e) => e.context === 'http')).toMatchObject({
      level: 'info',
      timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT.*Z$/),
    });
    expect(entries.filter((e) => e.context === 'RouterExplorer')).toEqual([]);
  });

  it('prints none below LOG_LEVEL=info', async () => {
    const printed: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = (chunk: unknown) => (printed.push(String(chunk)), true);
    try {
      const quiet = await startTestApp({ LOG_LEVEL: 'warn' });
      await quiet.http.get('/campaigns').set('x-correlation-id', 'quiet').expect(200);
      await quiet.close();
    } finally {
      process.stdout.write = original;
    }
    expect(printed.join('')).not.toContain('quiet');
  });
});

interface RequestLine {
  method: string;
  path: string;
  status: number;
  durationMs: number;
  correlationId: string;
}

/** The request lines among the service's JSON log lines. */
function requestLines(output: string): RequestLine[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { context?: string; message: unknown })
    .filter((entry) => entry.context === 'http' && typeof entry.message === 'object')
    .map((entry) => entry.message as RequestLine);
}

async function eventually<T>(probe: () => T | undefined, timeoutMs = 5000): Promise<T> {
  for (const deadline = Date.now() + timeoutMs; ; await new Promise((r) => setTimeout(r, 50))) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
  }
}
