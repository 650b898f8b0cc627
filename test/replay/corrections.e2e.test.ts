import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { asEditor, startTestApp, type TestApp } from '../support/app';
import { CAMPAIGN, seedCampaign } from '../support/fixtures';
import { type Json, TestClient } from './socket-client';

const C = CAMPAIGN.campaignId;
let app: TestApp;
const clients: TestClient[] = [];
const client = async (namespace: '/replay' | '/live' = '/replay') => {
  const c = new TestClient(app.url, namespace);
  clients.push(c);
  await c.connected();
  return c;
};
const post = (path: string, body: object) => app.http.post(`/campaigns/${C}${path}`).set(asEditor).send(body).expect(201);

/** The civilian toll at Al-Rastan, first put at 111 on SOHR's report of the 6th. */
const toll = (claimId: string) => ({
  claimId,
  type: 'casualties',
  time: { date: '2024-12-06', by: '10:00' },
  sources: ['sohr-2024-12-06-rastan'],
  quote: '111 civilians killed',
  side: 'civilians',
  category: 'killed',
  count: 111,
  scope: 'cumulative',
  place: 'al-rastan',
});

beforeAll(async () => {
  app = await startTestApp();
  await seedCampaign(app);
  await post('/claims', { claims: [toll('toll-corrected'), toll('toll-ranked'), toll('toll-retracted')] });
});
afterEach(() => {
  for (const c of clients) {
    expect(c.invalid).toEqual([]);
    c.close();
  }
  clients.length = 0;
});
afterAll(async () => app.close());

/** A replay of the 6th and 7th, paused past the toll's hour: every change to it is a correction. */
async function replayPastTheToll(): Promise<{ c: TestClient; sessionId: string }> {
  const c = await client();
  const { sessionId } = await c.ack('replay:start', { campaignId: C, from: '2024-12-06', to: '2024-12-07', paused: true });
  await c.ack('replay:seek', { sessionId, at: '2024-12-07' });
  return { c, sessionId };
}

const correctionOf = async (c: TestClient, claimId: string): Promise<Json> => {
  await c.until(() => c.of('replay:correction').some((m) => m.claimId === claimId));
  return c.of('replay:correction').find((m) => m.claimId === claimId);
};

describe('/replay: a correction says what the change did', () => {
  it('given a replay in progress, when a casualty figure is corrected over HTTP, then the correction carries the new figure, the old one, the correcting source, the reason and the actor', async () => {
    const { c, sessionId } = await replayPastTheToll();
    await post('/claims/toll-corrected/corrections', {
      expectedRevision: 0,
      changes: { count: 125 },
      sources: ['sana-2024-12-07-homs'],
      reason: 'a later report raised the toll',
    });
    expect(await correctionOf(c, 'toll-corrected')).toMatchObject({
      sessionId,
      claim: { claimId: 'toll-corrected', summary: '125 civilians killed (total) at Al-Rastan' },
      casualties: [{ side: 'civilians', category: 'killed' }],
      change: {
        kind: 'corrected',
        event: 'ClaimCorrected',
        actor: 'editor',
        reason: 'a later report raised the toll',
        fields: [{ field: 'count', before: 111, after: 125 }],
        summaryBefore: '111 civilians killed (total) at Al-Rastan',
        claim: { summary: '125 civilians killed (total) at Al-Rastan', sources: [{ sourceId: 'sohr-2024-12-06-rastan' }] },
        sources: [{ sourceId: 'sana-2024-12-07-homs', publisher: 'sana', publishedAt: '2024-12-07' }],
      },
    });
  });

  it('when a figure is ranked, then the correction says the rank before and after and why', async () => {
    const { c } = await replayPastTheToll();
    await post('/claims/toll-ranked/rank', { rank: 'preferred', reason: 'the monitor’s count is the fullest' });
    expect(await correctionOf(c, 'toll-ranked')).toMatchObject({
      claim: { claimId: 'toll-ranked' },
      change: {
        kind: 'ranked',
        reason: 'the monitor’s count is the fullest',
        fields: [{ field: 'rank', before: 'normal', after: 'preferred' }],
        rank: 'preferred',
        sources: [],
      },
    });
  });

  it('when a figure is retracted, then the correction has no live claim but says what was retracted, why and on which source', async () => {
    const { c } = await replayPastTheToll();
    await post('/claims/toll-retracted/retraction', {
      expectedRevision: 0,
      reason: 'the report was about another town',
      sources: ['sana-2024-12-07-homs'],
    });
    expect(await correctionOf(c, 'toll-retracted')).toMatchObject({
      claim: null,
      change: {
        kind: 'retracted',
        reason: 'the report was about another town',
        fields: [{ field: 'retracted', before: false, after: true }],
        claim: { claimId: 'toll-retracted', summary: '111 civilians killed (total) at Al-Rastan' },
        sources: [{ sourceId: 'sana-2024-12-07-homs', publisher: 'sana' }],
      },
    });
  });

  it('given a subscriber of /live, when a claim is corrected, then its message carries the same change', async () => {
    const live = await client('/live');
    await live.ack('subscribe', { campaignId: C });
    await post('/claims/toll-corrected/corrections', {
      expectedRevision: 1,
      changes: { count: 130 },
      sources: ['sana-2024-12-07-homs'],
      reason: 'the toll rose again',
    });
    await live.until(() => live.of('claim:recorded').length === 1);
    expect(live.of('claim:recorded')[0]).toMatchObject({
      event: { type: 'ClaimCorrected' },
      change: {
        kind: 'corrected',
        fields: [{ field: 'count', before: 125, after: 130 }],
        reason: 'the toll rose again',
        sources: [{ publisher: 'sana' }],
      },
    });
  });
});
