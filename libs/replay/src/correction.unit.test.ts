import { describe, expect, it } from 'vitest';
import { local, TestLog } from '@timeline/testing';
import { correctionFor } from './correction';
import { ReplayPlan } from './replay-plan';

const saa = { place: 'hama', status: 'controlled', controller: 'saa' } as const;
const scope = { campaignId: 'syria-2024', from: local('2024-12-05'), to: local('2024-12-07') };

describe('correctionFor: what a claim recorded after the pin changes', () => {
  it('given a plan pinned before a correction, then its frames do not change, while a correction is computed from now', () => {
    const log = new TestLog();
    log.control('c1', { ...saa, time: { date: '2024-12-05', hour: 14 } });
    const folded = log.fold();
    const plan = new ReplayPlan(folded.views, folded.ledger, scope, folded.views.position);
    const before = JSON.stringify(plan.frame(14));
    log.correct('c1', { controller: 'hts' });
    // the same views object folds the new event, as the service's projection does
    for (const event of log.events.slice(-1)) folded.views.apply(event);
    expect(JSON.stringify(plan.frame(14))).toBe(before);
    const correction = correctionFor(folded.views, folded.ledger, 'c1')!;
    expect(correction).toMatchObject({
      at: '2024-12-05T11:00:00.000Z',
      control: [{ place: 'hama', controller: 'hts' }],
      claim: { claimId: 'c1' },
    });
  });
});
