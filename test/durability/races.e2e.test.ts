import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, controlClaim, seedCampaign } from '../support/fixtures';

const C = CAMPAIGN.campaignId;
let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ RATE_LIMIT_WRITES: '100000000', STORE_URL: 'memory:' });
  await seedCampaign(app);
});
afterAll(async () => app.close());

describe('retries and races', () => {
  it('stores one event for 1,000 concurrent identical appends, and answers the others 200', async () => {
    const head = await app.timeline.store.headPosition();
    const claim = controlClaim({ claimId: 'retried' });
    const statuses = await Promise.all(
      Array.from({ length: 1000 }, () =>
        app.http
          .post(`/campaigns/${C}/claims`)
          .set(asEditor)
          .send(claim)
          .then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 200)).toHaveLength(999);
    expect(await app.timeline.store.headPosition()).toBe(head + 1);
    const other = await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send({ ...claim, controller: 'saa' });
    expect(other.status).toBe(409);
  }, 120_000);

  it('lets exactly one of 50 editors correcting one claim at one revision win; no update is lost', async () => {
    await app.http
      .post(`/campaigns/${C}/claims`)
      .set(asEditor)
      .send(controlClaim({ claimId: 'contended' }))
      .expect(201);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        app.http
          .post(`/campaigns/${C}/claims/contended/corrections`)
          .set(asEditor)
          .send({
            expectedRevision: 0,
            changes: { quote: `version ${i}` },
            sources: ['sohr-2024-12-06-rastan'],
            reason: `editor ${i}`,
          })
          .then((r) => ({ status: r.status, i })),
      ),
    );
    const winners = results.filter((r) => r.status === 201);
    expect(winners).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(49);
    const claim = (await app.http.get(`/campaigns/${C}/claims/contended`).expect(200)).body;
    expect(claim.revision).toBe(1);
    expect(claim.quote).toBe(`version ${winners[0]?.i}`);
  }, 60_000);
});
