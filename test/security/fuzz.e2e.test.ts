import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asAdmin, asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';
import { TestClient } from '../replay/socket-client';

/** Bodies per route: FUZZ_RUNS=10000 for the long run (`npm run test:long`). */
const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const C = CAMPAIGN.campaignId;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_WRITES: '100000000' });
  await seedCampaign(app);
  await app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send(controlClaim({ claimId: 'target' }))
    .expect(201);
});
afterAll(async () => app.close());

const FIELDS = [
  'claimId',
  'type',
  'time',
  'date',
  'part',
  'hour',
  'by',
  'from',
  'to',
  'sources',
  'quote',
  'place',
  'status',
  'controller',
  'count',
  'best',
  'low',
  'high',
  'side',
  'category',
  'scope',
  'claims',
  'changes',
  'expectedRevision',
  'reason',
  'rank',
  'reliability',
  'placeId',
  'sourceId',
  'lat',
  'lon',
  'precision',
  'campaignId',
  'timeZone',
  'window',
  'factions',
  'blocs',
  'publisher',
  '__proto__',
  'constructor',
  'prototype',
];
const hostileString = (maxHuge: number) =>
  fc.oneof(
    fc.string({ maxLength: 50 }),
    fc.string({ unit: 'binary', maxLength: 50 }),
    fc.constantFrom(
      '',
      ' ',
      '\u0000',
      '\ud800',
      '\u202e',
      '💥'.repeat(100),
      '2024-02-30',
      '2024-13-01T25:61:00Z',
      '9999-12-31',
      '-1',
      '1e309',
      'NaN',
      '<script>',
      "' OR 1=1 --",
      '../../etc/passwd',
      'homs',
      'hts',
      'controlled',
      'killed',
      'A',
    ),
    fc.integer({ min: 1000, max: maxHuge }).map((n) => 'x'.repeat(n)),
  );
const hostileOf = (maxHuge: number) => {
  const leaf = fc.oneof(
    hostileString(maxHuge),
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom(-1, 0, 1e21, Number.MAX_SAFE_INTEGER),
  );
  return fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
    array: fc.array(tie('value'), { maxLength: 5 }),
    object: fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), fc.string({ maxLength: 10 })), tie('value'), { maxKeys: 6 }),
  })).value;
};
const hostile = hostileOf(200_000);
/** Socket messages over 64 KiB close the connection by design (tested apart): keep under it. */
const hostileMessage = hostileOf(20_000);
/** Near-valid bodies: a real claim with one field made hostile — the likeliest way to get past a check. */
const mutatedClaim = fc
  .record({ field: fc.constantFrom(...FIELDS), value: hostile })
  .map(({ field, value }) => ({ ...controlClaim({ claimId: 'fuzz' }), [field]: value }));
/** Deep nesting, written as text: building it as an object would overflow this process first. */
const deepText = fc
  .integer({ min: 50, max: 20_000 })
  .map((depth) => ({ raw: `${'{"changes":'.repeat(depth)}1${'}'.repeat(depth)}` }));
const deepMessage = fc
  .integer({ min: 50, max: 500 })
  .map((depth) => JSON.parse(`${'{"changes":'.repeat(depth)}1${'}'.repeat(depth)}`));
const body = fc.oneof(
  hostile.map((value) => ({ raw: JSON.stringify(value) ?? 'null' })),
  mutatedClaim.map((value) => ({ raw: JSON.stringify(value) })),
  deepText,
  fc
    .constantFrom(
      '{"__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"claims": [{"__proto__": {"admin": true}}]}',
    )
    .map((raw) => ({ raw })),
);

const ROUTES: ['post' | 'patch', string, Record<string, string>][] = [
  ['post', '/campaigns', asAdmin],
  ['post', `/campaigns/${C}/places`, asEditor],
  ['patch', `/campaigns/${C}/places/homs`, asEditor],
  ['post', `/campaigns/${C}/sources`, asEditor],
  ['patch', `/campaigns/${C}/sources/sohr-2024-12-06-rastan`, asEditor],
  ['post', '/publishers', asAdmin],
  ['post', '/publishers/sohr/assessments', asAdmin],
  ['post', `/campaigns/${C}/claims`, asEditor],
  ['post', `/campaigns/${C}/claims/target/corrections`, asEditor],
  ['post', `/campaigns/${C}/claims/target/retraction`, asEditor],
  ['post', `/campaigns/${C}/claims/target/rank`, asEditor],
];

describe(`hostile input: ${RUNS} generated bodies per write route`, () => {
  it.each(ROUTES)(
    '%s %s: no 5xx, every 4xx names the field, nothing stored',
    async (method, path, auth) => {
      const head = await app.timeline.store.headPosition();
      let stored = 0;
      await fc.assert(
        fc.asyncProperty(body, async ({ raw }) => {
          const res = await app.http[method](path).set(auth).set('content-type', 'application/json').send(raw);
          expect(res.status, JSON.stringify(res.body).slice(0, 300)).toBeLessThan(500);
          if (res.status >= 400 && res.status !== 413) {
            expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
            if (res.status === 422 || res.status === 409) {
              expect(res.body.errors?.length, JSON.stringify(res.body).slice(0, 300)).toBeGreaterThan(0);
              for (const e of res.body.errors) expect(typeof e.path === 'string' && typeof e.message === 'string').toBe(true);
            }
          } else if (res.status < 300) stored++;
        }),
        { numRuns: RUNS, seed: 42 },
      );
      // only bodies the service accepted added events (a random body is almost never valid)
      expect(await app.timeline.store.headPosition()).toBeLessThanOrEqual(head + stored * 2);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(({} as Record<string, unknown>).admin).toBeUndefined();
    },
    600_000,
  );

  it('answers malformed JSON with 400 and an oversize body with 413', async () => {
    for (const text of ['{', '{"a":', '[1,2', 'nul', '{"a":1}}', '\u0000']) {
      const res = await app.http.post(`/campaigns/${C}/claims`).set(asEditor).set('content-type', 'application/json').send(text);
      expect([400, 422]).toContain(res.status);
    }
    const big = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .set('content-type', 'application/json')
      .send(`{"quote":"${'x'.repeat(3 * 1024 * 1024)}"}`);
    expect(big.status).toBe(413);
    expect(big.body.status).toBe(413);
  });
});

describe(`hostile input: ${RUNS} generated payloads per socket event`, () => {
  it('answers every socket event with an acknowledgement, never a crash', async () => {
    const events = [
      'replay:start',
      'replay:pause',
      'replay:resume',
      'replay:stop',
      'replay:seek',
      'replay:speed',
      'replay:step',
      'replay:join',
    ];
    const client = new TestClient(app.url, '/replay');
    await client.connected();
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.constantFrom(...events),
          fc.oneof(hostileMessage, deepMessage).filter((p) => (JSON.stringify(p) ?? '').length < 60_000),
          async (event, payload) => {
            const ack = await client.ack(event, payload);
            expect(typeof ack.ok).toBe('boolean');
            if (!ack.ok) {
              expect(ack.error.status).toBeGreaterThanOrEqual(400);
              expect(ack.error.status).toBeLessThan(500);
            } else if (ack.sessionId) {
              await client.ack('replay:stop', { sessionId: ack.sessionId });
            }
          },
        ),
        { numRuns: RUNS * events.length, seed: 7 },
      );
    } finally {
      client.close();
    }
    // a message over the size bound closes that connection, as an oversize body gets 413
    const oversize = new TestClient(app.url, '/replay');
    await oversize.connected();
    const closed = new Promise<string>((resolve) => oversize.socket.once('disconnect', (reason) => resolve(reason)));
    oversize.socket.emit('replay:start', { campaignId: 'x'.repeat(100_000) });
    expect(await closed).toBe('transport close');
    const live = new TestClient(app.url, '/live');
    await live.connected();
    for (const payload of [null, 1, 'x', [], { campaignId: { $ne: 1 } }, { campaignId: 'x'.repeat(10_000) }]) {
      expect((await live.ack('subscribe', payload)).ok).toBe(false);
    }
    live.close();
    await app.http.get('/health').expect(200);
  }, 600_000);
});
