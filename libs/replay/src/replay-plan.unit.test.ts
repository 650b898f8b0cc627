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

describe('ReplayPlan: changes under way', () => {
  it('given saa holding Hama and a capture by hts dated to 6 Dec, when framed, then the capture is under way from the hour that begins 6 Dec and settles in its last hour', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-04' } });
    log.control('hama-hts', { ...hts, takenFrom: 'saa', time: { date: '2024-12-06' } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    const opens = plan.frameIndexAt(local('2024-12-06'));

    expect(plan.frame(opens - 1).pending).toEqual([]);
    expect(plan.frame(opens)).toMatchObject({
      opening: [{ claimId: 'hama-hts' }],
      pending: [{ place: 'hama', claimId: 'hama-hts', controller: 'hts', bloc: 'opposition', precision: 'day' }],
      control: [],
    });
    expect(plan.snapshot(opens + 12).pending).toEqual([expect.objectContaining({ claimId: 'hama-hts' })]);
    expect(plan.frame(opens + 23)).toMatchObject({
      claims: [{ claimId: 'hama-hts' }],
      control: [{ place: 'hama', controller: 'hts' }],
    });
    expect(plan.snapshot(opens + 24).pending).toEqual([]);
  });

  it('given a capture reported for one hour, when framed, then it settles in that hour and is never under way', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05', hour: 14 } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);

    expect(plan.frame(14)).toMatchObject({ opening: [], pending: [], claims: [{ claimId: 'hama-hts' }] });
  });

  it('given sessions starting at one hour, when each asks its snapshot, then they share one, and frames are shared likewise', () => {
    const log = new TestLog();
    log.control('c1', { ...saa, time: { date: '2024-12-05', hour: 14 } });
    const { views, ledger } = log.fold();
    const plan = new ReplayPlan(views, ledger, scope, views.position);
    const first = plan.snapshot(15);
    expect(plan.snapshot(15)).toBe(first);
    expect(plan.frame(14)).toBe(plan.frame(14));
    expect(plan.snapshot(16)).not.toBe(first);
    expect(plan.snapshot(15)).toEqual(first);
  });
});
