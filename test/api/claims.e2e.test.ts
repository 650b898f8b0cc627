import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';

const C = CAMPAIGN.campaignId;
let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
  await seedCampaign(app);
});
afterAll(async () => app.close());

const post = (body: unknown) =>
  app.http
    .post(`/campaigns/${C}/claims`)
    .set(asEditor)
    .send(body as object);

describe('appending claims over HTTP', () => {
  it('stores a control claim: 201 with id, revision 0 and its log position', async () => {
    const res = await post(controlClaim()).expect(201);
    expect(res.body).toEqual({ claimId: 'homs-2024-12-06-rastan', revision: 0, position: expect.any(Number) });
  });

  it('answers a retry of the same claim with 200 and the same body, storing nothing', async () => {
    const head = await app.timeline.store.headPosition();
    const first = await app.http.get(`/campaigns/${C}/claims/homs-2024-12-06-rastan`).expect(200);
    const res = await post(controlClaim()).expect(200);
    expect(res.body).toEqual({ claimId: 'homs-2024-12-06-rastan', revision: 0, position: first.body.history[0].position });
    expect(await app.timeline.store.headPosition()).toBe(head);
  });

  it('refuses the same id with other content: 409, and the stored claim is unchanged', async () => {
    const res = await post(controlClaim({ controller: 'saa' })).expect(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.errors).toEqual([{ path: 'claimId', message: expect.any(String) }]);
    const stored = await app.http.get(`/campaigns/${C}/claims/homs-2024-12-06-rastan`).expect(200);
    expect(stored.body.controller).toBe('hts');
  });

  it('stores claims of all four types, each time form normalised to a UTC interval with its precision', async () => {
    const claims = [
      {
        claimId: 'cas-1',
        type: 'casualties',
        time: { date: '2024-12-06', part: 'evening' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        side: 'civilians',
        category: 'killed',
        count: { best: 283, low: 283, openEnded: true },
        scope: 'cumulative',
        attributedTo: 'sohr',
      },
      {
        claimId: 'ter-1',
        type: 'territory',
        time: { from: '2024-12-05', to: '2024-12-06' },
        sources: ['sohr-2024-12-06-rastan'],
        quote: 'q',
        faction: 'hts',
        settlements: 20,
        scope: 'incident',
      },
      {
        claimId: 'inc-1',
        type: 'incident',
        time: { date: '2024-12-06', hour: 15 },
        sources: ['sana-2024-12-07-homs'],
        quote: 'q',
        kind: 'airstrike',
        place: 'homs',
        actors: ['saa'],
      },
      controlClaim({
        claimId: 'ctl-by',
        time: { date: '2024-12-07', by: '19:00' },
        place: 'homs',
        status: 'contested',
        controller: 'saa',
        contestedBy: 'hts',
      }),
      controlClaim({
        claimId: 'ctl-exact',
        time: { from: '2024-12-07T21:00:00+03:00', to: '2024-12-08T06:00:00+03:00' },
        place: 'homs',
        controller: 'hts',
      }),
    ];
    await post({ claims }).expect(201);
    const times = await Promise.all(
      claims.map(async (c) => (await app.http.get(`/campaigns/${C}/claims/${c.claimId}`).expect(200)).body.time),
    );
    expect(times).toEqual([
      { from: '2024-12-06T15:00:00.000Z', to: '2024-12-06T18:00:00.000Z', precision: 'part-of-day' },
      { from: '2024-12-04T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'multi-day' },
      { from: '2024-12-06T12:00:00.000Z', to: '2024-12-06T13:00:00.000Z', precision: 'hour' },
      { from: '2024-12-06T21:00:00.000Z', to: '2024-12-07T16:00:00.000Z', precision: 'by' },
      { from: '2024-12-07T18:00:00.000Z', to: '2024-12-08T03:00:00.000Z', precision: 'exact' },
    ]);
  });

  it('derives a stable id from the content when none is given', async () => {
    const body = controlClaim({ claimId: undefined, time: { date: '2024-12-08' }, place: 'homs' });
    const first = await post(body).expect(201);
    expect(first.body.claimId).toMatch(/^control-[0-9a-f]{20}$/);
    const again = await post(body).expect(200);
    expect(again.body.claimId).toBe(first.body.claimId);
  });

  it('rejects an invalid claim with 422 naming each bad field, and stores nothing', async () => {
    const head = await app.timeline.store.headPosition();
    const res = await post(
      controlClaim({ claimId: 'bad-1', place: 'atlantis', controller: 'nobody', time: { date: '2024-12-06', part: 'noon' } }),
    ).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path)).toEqual(['time.part']);
    const refs = await post(
      controlClaim({ claimId: 'bad-2', place: 'atlantis', controller: 'nobody', sources: ['sohr-2024-12-06-rastan', 'ghost'] }),
    ).expect(422);
    expect(refs.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['controller', 'place', 'sources.1']);
    const time = await post(controlClaim({ claimId: 'bad-3', time: { from: '2024-12-07', to: '2024-12-06' } })).expect(422);
    expect(time.body.errors).toEqual([{ path: 'time.to', message: expect.stringContaining('before') }]);
    expect(await app.timeline.store.headPosition()).toBe(head);
  });

  it('stores a batch all-or-nothing: one bad claim leaves nothing stored, naming its index', async () => {
    const head = await app.timeline.store.headPosition();
    const res = await post({
      claims: [controlClaim({ claimId: 'batch-ok' }), controlClaim({ claimId: 'batch-bad', count: 3 })],
    }).expect(422);
    expect(res.body.errors[0].path).toBe('claims.1.count');
    expect(await app.timeline.store.headPosition()).toBe(head);
    await app.http.get(`/campaigns/${C}/claims/batch-ok`).expect(404);
  });

  it('refuses a batch over 1,000 claims naming the field', async () => {
    const res = await post({ claims: Array.from({ length: 1001 }, (_, i) => controlClaim({ claimId: `many-${i}` })) }).expect(
      422,
    );
    expect(res.body.errors[0].path).toBe('claims');
  });

  it('answers 404 for an unknown campaign', async () => {
    const res = await app.http.post('/campaigns/nowhere/claims').set(asEditor).send(controlClaim()).expect(404);
    expect(res.body).toMatchObject({ status: 404, title: 'Not Found' });
  });

  it('answers 400 problem+json for malformed JSON', async () => {
    const res = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .set('content-type', 'application/json')
      .send('{"type": ')
      .expect(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.status).toBe(400);
  });

  it('answers 413 for a body over the limit', async () => {
    const res = await post({ claims: [controlClaim({ quote: 'x'.repeat(3 * 1024 * 1024) })] }).expect(413);
    expect(res.body.status).toBe(413);
  });
});

describe('corrections, retractions and ranks', () => {
  const id = 'corr-1';
  beforeAll(async () => {
    await post(controlClaim({ claimId: id, place: 'homs', controller: 'saa' })).expect(201);
  });

  it('corrects at the current revision, and the claim reads back corrected with its history', async () => {
    const res = await app.http
      .post(`/campaigns/${C}/claims/${id}/corrections`)
      .set(asEditor)
      .send({
        expectedRevision: 0,
        changes: { controller: 'hts', time: { date: '2024-12-07', part: 'night' } },
        sources: ['sana-2024-12-07-homs'],
        reason: 'the report was dated wrongly',
      })
      .expect(201);
    expect(res.body).toEqual({ claimId: id, revision: 1, position: expect.any(Number) });
    const claim = (await app.http.get(`/campaigns/${C}/claims/${id}`).expect(200)).body;
    expect(claim).toMatchObject({
      controller: 'hts',
      revision: 1,
      rank: 'normal',
      retracted: false,
      time: { precision: 'part-of-day' },
    });
    expect(claim.history.map((h: { event: string }) => h.event)).toEqual(['ControlClaimed', 'ClaimCorrected']);
    expect(claim.history[1]).toMatchObject({
      actor: 'editor',
      reason: 'the report was dated wrongly',
      sources: [{ sourceId: 'sana-2024-12-07-homs', publisher: 'sana' }],
    });
    expect(claim.history[0].sources[0]).toMatchObject({ sourceId: 'sohr-2024-12-06-rastan', publisher: 'sohr' });
  });

  it('refuses a correction at a stale revision with 409 and changes nothing', async () => {
    const res = await app.http
      .post(`/campaigns/${C}/claims/${id}/corrections`)
      .set(asEditor)
      .send({ expectedRevision: 0, changes: { controller: 'saa' }, sources: ['sana-2024-12-07-homs'], reason: 'x' })
      .expect(409);
    expect(res.body.errors[0].path).toBe('expectedRevision');
    expect((await app.http.get(`/campaigns/${C}/claims/${id}`)).body).toMatchObject({ controller: 'hts', revision: 1 });
  });

  it('lets exactly one of several concurrent corrections at one revision win', async () => {
    const statuses = await Promise.all(
      ['saa', 'hts', 'saa', 'hts', 'saa'].map((controller) =>
        app.http
          .post(`/campaigns/${C}/claims/${id}/corrections`)
          .set(asEditor)
          .send({ expectedRevision: 1, changes: { controller }, sources: ['sana-2024-12-07-homs'], reason: 'race' })
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(4);
    expect((await app.http.get(`/campaigns/${C}/claims/${id}`)).body.revision).toBe(2);
  });

  it('rejects a correction that changes the type, naming the field', async () => {
    const res = await app.http
      .post(`/campaigns/${C}/claims/${id}/corrections`)
      .set(asEditor)
      .send({ expectedRevision: 2, changes: { type: 'incident' }, sources: ['sana-2024-12-07-homs'], reason: 'x' })
      .expect(422);
    expect(res.body.errors).toEqual([{ path: 'changes.type', message: expect.any(String) }]);
  });

  it('ranks, then retracts; a retracted claim cannot be corrected (422) and leaves the list', async () => {
    await app.http
      .post(`/campaigns/${C}/claims/${id}/rank`)
      .set(asEditor)
      .send({ rank: 'preferred', reason: 'best sourced' })
      .expect(201);
    await app.http
      .post(`/campaigns/${C}/claims/${id}/retraction`)
      .set(asEditor)
      .send({ expectedRevision: 3, reason: 'report withdrawn' })
      .expect(201);
    const claim = (await app.http.get(`/campaigns/${C}/claims/${id}`)).body;
    expect(claim).toMatchObject({ rank: 'preferred', retracted: true, revision: 4 });
    expect(claim.history.map((h: { event: string }) => h.event)).toEqual([
      'ControlClaimed',
      'ClaimCorrected',
      'ClaimCorrected',
      'ClaimRanked',
      'ClaimRetracted',
    ]);
    const res = await app.http
      .post(`/campaigns/${C}/claims/${id}/corrections`)
      .set(asEditor)
      .send({ expectedRevision: 4, changes: { controller: 'saa' }, sources: ['sana-2024-12-07-homs'], reason: 'x' })
      .expect(422);
    expect(res.body.detail).toMatch(/retracted/);
    const list = (await app.http.get(`/campaigns/${C}/claims?place=homs`)).body.items.map((c: { claimId: string }) => c.claimId);
    expect(list).not.toContain(id);
    const withRetracted = (await app.http.get(`/campaigns/${C}/claims?place=homs&retracted=include`)).body.items.map(
      (c: { claimId: string }) => c.claimId,
    );
    expect(withRetracted).toContain(id);
  });

  it('answers 404 for a correction of an unknown claim', async () => {
    await app.http
      .post(`/campaigns/${C}/claims/ghost/corrections`)
      .set(asEditor)
      .send({ expectedRevision: 0, changes: { controller: 'saa' }, sources: ['sana-2024-12-07-homs'], reason: 'x' })
      .expect(404);
  });
});

describe('listing claims', () => {
  beforeAll(async () => {
    const claims = Array.from({ length: 7 }, (_, i) =>
      controlClaim({
        claimId: `list-${i}`,
        time: { date: `2024-12-1${i}` },
        place: i % 2 ? 'homs' : 'al-rastan',
        sources: [i % 3 ? 'sohr-2024-12-06-rastan' : 'sana-2024-12-07-homs'],
      }),
    );
    await post({ claims }).expect(201);
  });

  it('filters by place, source, publisher, type and day', async () => {
    const ids = async (query: string) =>
      (await app.http.get(`/campaigns/${C}/claims?${query}&limit=1000`).expect(200)).body.items
        .map((c: { claimId: string }) => c.claimId)
        .filter((id: string) => id.startsWith('list-'));
    expect(await ids('place=homs')).toEqual(['list-1', 'list-3', 'list-5']);
    expect(await ids('source=sana-2024-12-07-homs')).toEqual(['list-0', 'list-3', 'list-6']);
    expect(await ids('publisher=sohr')).toEqual(['list-1', 'list-2', 'list-4', 'list-5']);
    expect(await ids('day=2024-12-12')).toEqual(['list-2']);
    expect(await ids('type=incident')).toEqual([]);
  });

  it('pages in log order with a cursor', async () => {
    const first = (await app.http.get(`/campaigns/${C}/claims?limit=3`).expect(200)).body;
    expect(first.items).toHaveLength(3);
    const second = (await app.http.get(`/campaigns/${C}/claims?limit=3&after=${first.next}`).expect(200)).body;
    expect(second.items[0].position).toBeGreaterThan(first.items[2].position);
    const all = (await app.http.get(`/campaigns/${C}/claims?limit=1000`).expect(200)).body.items;
    expect(all.slice(3, 6).map((c: { claimId: string }) => c.claimId)).toEqual(
      second.items.map((c: { claimId: string }) => c.claimId),
    );
  });

  it('rejects a bad filter naming the parameter', async () => {
    const res = await app.http.get(`/campaigns/${C}/claims?type=rumour&day=2024-13-01`).expect(422);
    expect(res.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['day', 'type']);
  });
});
