import { describe, expect, it } from 'vitest';
import { local, TestLog } from '@timeline/testing';
import { ReplayPlan } from './replay-plan';

const hts = { place: 'hama', status: 'controlled', controller: 'hts' } as const;
const saa = { place: 'hama', status: 'controlled', controller: 'saa' } as const;
const scope = { campaignId: 'syria-2024', from: local('2024-12-05'), to: local('2024-12-07') };

describe('ReplayPlan: frames from the views pinned at a position', () => {
  it('given a window of two days, then it has 48 hourly frames covering (at, until]', () => {
    const { views, ledger } = new TestLog().fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    expect(plan.hours).toBe(48);
    expect(plan.frame(0)).toMatchObject({
      at: '2024-12-04T21:00:00.000Z',
      until: '2024-12-04T22:00:00.000Z',
      claims: [],
      opening: [],
      control: [],
      pending: [],
    });
  });

  it('given a claim of hour 14 and a day claim, when framed, then each lands in the frame whose hour contains its end', () => {
    const log = new TestLog();
    log.control('c-hour', { ...saa, time: { date: '2024-12-05', hour: 14 } });
    log.control('c-day', { ...hts, time: { date: '2024-12-06' } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    const withClaims = Array.from(
      { length: plan.hours },
      (_, i) => [i, plan.frame(i).claims.map((c) => c.claimId)] as const,
    ).filter(([, ids]) => ids.length);
    expect(withClaims).toEqual([
      [14, ['c-hour']],
      [47, ['c-day']],
    ]);
    expect(plan.frame(14).control).toEqual([
      {
        place: 'hama',
        status: 'controlled',
        controller: 'saa',
        bloc: 'government',
        disputed: false,
        lastReportedAt: '2024-12-05T12:00:00.000Z',
      },
    ]);
    expect(plan.frame(47).summary.byBloc).toEqual({ opposition: 1 });
    expect(plan.frame(47).claims[0]?.time.precision).toBe('day');
  });

  it('given a snapshot index, then it gives the state at the start of that hour', () => {
    const log = new TestLog();
    log.control('c-hour', { ...saa, time: { date: '2024-12-05', hour: 14 } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    expect(plan.snapshot(14).control).toEqual([]);
    expect(plan.snapshot(15)).toMatchObject({
      at: '2024-12-05T12:00:00.000Z',
      control: [{ place: 'hama', controller: 'saa' }],
      summary: { byBloc: { government: 1 } },
    });
  });

  it('given casualties reported by 10:00, then the 10th frame carries the day figure as of its end', () => {
    const log = new TestLog();
    log.casualties('k1', {
      side: 'civilians',
      category: 'killed',
      count: 7,
      scope: 'incident',
      time: { date: '2024-12-05', by: '10:00' },
    });
    log.casualties('k2', { side: 'civilians', category: 'killed', count: 5, scope: 'incident', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    expect(plan.frame(9).casualties).toEqual([
      expect.objectContaining({ day: '2024-12-05', daily: { best: 7, low: 7, high: 7, openEnded: false } }),
    ]);
    expect(plan.frame(23).casualties[0]?.daily.best).toBe(12);
  });
});
