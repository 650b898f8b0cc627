import { describe, expect, it } from 'vitest';
import { casualtiesOn, casualtySeries } from './casualty.queries';
import { NOW, type KnownAt } from './known-at';
import { TestLog, type Folded } from '@timeline/testing';

/** The civilians/killed figure of a day. */
function killed({ views, ledger }: Folded, day: string, knownAt: KnownAt = NOW) {
  const figure = casualtiesOn(views, ledger, day, knownAt, { side: 'civilians', category: 'killed' })[0];
  if (!figure) throw new Error('no civilians/killed figure');
  return figure;
}
const n = (best: number, low = best, high: number | null = best, openEnded = false) => ({ best, low, high, openEnded });

describe('casualties: daily sums incident claims taking effect in the day, (start, end]', () => {
  function given() {
    const log = new TestLog();
    log.casualties('k-5dec', { count: 20, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('k-morning', { count: 5, scope: 'incident', time: { date: '2024-12-06', part: 'morning' } });
    log.casualties('k-range', { count: { best: 10, low: 8, high: 15 }, scope: 'incident', time: { date: '2024-12-06' } });
    log.casualties('k-7dec-0h', { count: 7, scope: 'incident', time: { date: '2024-12-07', hour: 0 } });
    return log.fold();
  }

  it('given incident claims around 6 Dec, when 6 Dec is asked, then daily sums the two ending in it and the one ending at its start is left out', () => {
    const figure = killed(given(), '2024-12-06');

    expect(figure.daily).toEqual(n(15, 13, 20));
    expect(figure.dailyClaims).toEqual(['k-morning', 'k-range']);
  });

  it('given the same claims, when each day is asked, then incidentTotal is the running sum of daily', () => {
    const { views, ledger } = given();
    const [series] = casualtySeries(views, ledger, NOW, { side: 'civilians', category: 'killed' });

    expect(series?.days.map((d) => [d.day, d.daily.best, d.incidentTotal])).toEqual([
      ['2024-12-04', 0, n(0)],
      ['2024-12-05', 20, n(20)],
      ['2024-12-06', 15, n(35, 33, 40)],
      ['2024-12-07', 7, n(42, 40, 47)],
      ['2024-12-08', 0, n(42, 40, 47)],
    ]);
  });

  it('given no claim by the end of 4 Dec, when 4 Dec is asked, then every figure is zero or null', () => {
    expect(killed(given(), '2024-12-04')).toEqual({
      side: 'civilians',
      category: 'killed',
      day: '2024-12-04',
      daily: n(0),
      incidentTotal: n(0),
      bySource: {},
      range: null,
      preferred: null,
      dailyClaims: [],
    });
  });

  it('given an incident count corrected, when asked now and known before, then the new and the old count show', () => {
    const log = new TestLog();
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' } });
    const correction = log.correct('k1', { count: 25 });
    const folded = log.fold();

    expect(killed(folded, '2024-12-06').daily).toEqual(n(25));
    expect(killed(folded, '2024-12-06', correction - 1).daily).toEqual(n(20));
  });

  it('given an incident claim whose time is corrected to the next day, when both days are asked, then it moves to the next day', () => {
    const log = new TestLog();
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' } });
    log.correct('k1', { time: { date: '2024-12-07' } });
    const folded = log.fold();

    expect(killed(folded, '2024-12-06').daily).toEqual(n(0));
    expect(killed(folded, '2024-12-07').daily).toEqual(n(20));
  });

  it('given a retracted incident claim, when asked, then it is not counted', () => {
    const log = new TestLog();
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' } });
    log.casualties('k2', { count: 4, scope: 'incident', time: { date: '2024-12-06' } });
    log.retract('k1');

    expect(killed(log.fold(), '2024-12-06').daily).toEqual(n(4));
  });
});

describe('casualties: a corroboration group counts once', () => {
  function given(extra: (log: TestLog) => void = () => {}) {
    const log = new TestLog();
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' }, sources: ['sohr-1'] });
    log.casualties('k2', {
      count: { best: 25, low: 22, high: 30 },
      scope: 'incident',
      corroborates: 'k1',
      time: { date: '2024-12-06' },
      sources: ['reuters-1'],
    });
    extra(log);
    return log.fold();
  }

  it('given two reports of one incident and no ranks or grades, when asked, then low is the min, high the max and best the later-recorded (top) member’s', () => {
    const figure = killed(given(), '2024-12-06');

    expect(figure.daily).toEqual(n(25, 20, 30));
    expect(figure.dailyClaims).toEqual(['k2']);
    expect(figure.incidentTotal).toEqual(n(25, 20, 30));
  });

  it('given the first report’s publisher graded above the second’s, when asked, then best is the first report’s', () => {
    const folded = given((log) => {
      log.assess('sohr', 'A');
      log.assess('reuters', 'C');
    });

    expect(killed(folded, '2024-12-06').daily).toEqual(n(20, 20, 30));
    expect(killed(folded, '2024-12-06').dailyClaims).toEqual(['k1']);
  });

  it('given the first report ranked preferred, when asked, then best is the first report’s', () => {
    expect(
      killed(
        given((log) => log.rank('k1', 'preferred')),
        '2024-12-06',
      ).daily,
    ).toEqual(n(20, 20, 30));
  });

  it('given a third report corroborating the second, when asked, then all three are one group', () => {
    const folded = given((log) =>
      log.casualties('k3', {
        count: 18,
        scope: 'incident',
        corroborates: 'k2',
        time: { date: '2024-12-06' },
        sources: ['blog-1'],
      }),
    );

    expect(killed(folded, '2024-12-06').daily).toEqual(n(18, 18, 30));
  });

  it('given reports corroborating each other in a chain and in a fan, in no order, when asked, then they are one group, counted once', () => {
    const folded = given((log) => {
      // k5 → k4 → k3 → k2 → k1, and k6 and k7 onto k4: every path ends at k1
      for (const [id, count, target] of [
        ['k4', 40, 'k3'],
        ['k3', 15, 'k2'],
        ['k5', 27, 'k4'],
        ['k6', 21, 'k4'],
        ['k7', 19, 'k5'],
      ] as const)
        log.casualties(id, { count, scope: 'incident', corroborates: target, time: { date: '2024-12-06' }, sources: ['blog-1'] });
      // an incident of its own
      log.casualties('other', { count: 3, scope: 'incident', time: { date: '2024-12-06' }, sources: ['sohr-2'] });
    });
    const figure = killed(folded, '2024-12-06');

    // the chain's top is its last-recorded member (k7: no ranks, grades or times apart); low 15, high 40
    expect(figure.dailyClaims.sort()).toEqual(['k7', 'other']);
    expect(figure.daily).toEqual(n(19 + 3, 15 + 3, 40 + 3));
  });

  it('given 200,000 reports of one incident, when asked, then they count once (a group past what a spread of arguments holds)', () => {
    const folded = given((log) => {
      for (let i = 0; i < 200_000; i++)
        log.casualties(`r${i}`, { count: 20 + (i % 7), scope: 'incident', corroborates: 'k1', time: { date: '2024-12-06' } });
    });

    expect(killed(folded, '2024-12-06').daily).toEqual(n(20 + (199_999 % 7), 20, 30));
  });

  it('given the corroborated report retracted, when asked, then the other counts alone', () => {
    expect(
      killed(
        given((log) => log.retract('k1')),
        '2024-12-06',
      ).daily,
    ).toEqual(n(25, 22, 30));
  });

  it('given an open-ended member, when asked, then the group is open-ended with no high', () => {
    const log = new TestLog();
    log.casualties('k1', { count: { best: 283, low: 283, openEnded: true }, scope: 'incident', time: { date: '2024-12-06' } });
    log.casualties('k2', {
      count: 250,
      scope: 'incident',
      corroborates: 'k1',
      time: { date: '2024-12-06' },
      sources: ['reuters-1'],
    });

    expect(killed(log.fold(), '2024-12-06').daily).toEqual(n(250, 250, null, true));
  });
});

describe('casualties: open-ended members make sums open-ended', () => {
  it('given "283+" on 5 Dec and 12 on 6 Dec, when 6 Dec is asked, then daily is closed and incidentTotal open-ended', () => {
    const log = new TestLog();
    log.casualties('k1', { count: { best: 283, low: 283, openEnded: true }, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('k2', { count: 12, scope: 'incident', time: { date: '2024-12-06' } });
    const folded = log.fold();

    expect(killed(folded, '2024-12-05').daily).toEqual(n(283, 283, null, true));
    expect(killed(folded, '2024-12-06').daily).toEqual(n(12));
    expect(killed(folded, '2024-12-06').incidentTotal).toEqual(n(295, 295, null, true));
  });
});

describe('casualties: bySource is each publisher’s latest cumulative figure by the end of the day', () => {
  function given(extra: (log: TestLog) => void = () => {}) {
    const log = new TestLog();
    log.casualties('s-sohr-500', { count: 500, scope: 'cumulative', time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.casualties('s-sohr-571', { count: 571, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['sohr-2'] });
    log.casualties('s-sohr-480', {
      count: 480,
      scope: 'cumulative',
      time: { date: '2024-12-06', part: 'morning' },
      sources: ['sohr-1'],
    });
    log.casualties('s-reuters-450', {
      count: 450,
      scope: 'cumulative',
      time: { date: '2024-12-06', part: 'morning' },
      sources: ['reuters-1'],
    });
    log.casualties('s-sohr-600', { count: 600, scope: 'cumulative', time: { date: '2024-12-07' }, sources: ['sohr-1'] });
    log.casualties('s-mod-100', {
      count: 100,
      scope: 'cumulative',
      time: { date: '2024-12-06' },
      sources: ['reuters-1'],
      attributedTo: 'syria-defense-ministry',
    });
    extra(log);
    return log.fold();
  }

  it('given several cumulative claims, when 6 Dec is asked, then each publisher shows its latest `to` by the day’s end, keyed by attributedTo else the source’s publisher', () => {
    expect(killed(given(), '2024-12-06').bySource).toEqual({
      reuters: { ...n(450), claimId: 's-reuters-450' },
      sohr: { ...n(571), claimId: 's-sohr-571' },
      'syria-defense-ministry': { ...n(100), claimId: 's-mod-100' },
    });
  });

  it('given the latest sohr figure retracted, when 6 Dec is asked, then sohr falls back to its next latest', () => {
    expect(
      killed(
        given((log) => log.retract('s-sohr-571')),
        '2024-12-06',
      ).bySource.sohr,
    ).toEqual({ ...n(480), claimId: 's-sohr-480' });
  });

  it('given cumulative figures only, when 6 Dec is asked, then incident sums stay zero and range spans the bySource bests', () => {
    const figure = killed(given(), '2024-12-06');

    expect(figure.daily).toEqual(n(0));
    expect(figure.range).toEqual({ low: 100, high: 571 });
  });
});

describe('casualties: range is the min and max best among bySource and a non-zero incidentTotal', () => {
  it('given incidents totalling 35 and cumulative figures 450 and 571, when asked, then the range is 35..571', () => {
    const log = new TestLog();
    log.casualties('k1', { count: 35, scope: 'incident', time: { date: '2024-12-06' } });
    log.casualties('s1', { count: 571, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['sohr-1'] });
    log.casualties('s2', { count: 450, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['reuters-1'] });

    expect(killed(log.fold(), '2024-12-06').range).toEqual({ low: 35, high: 571 });
  });

  it('given only incident claims, when asked, then the range is the incidentTotal alone', () => {
    const log = new TestLog();
    log.casualties('k1', { count: { best: 35, low: 30, high: 40 }, scope: 'incident', time: { date: '2024-12-05' } });

    expect(killed(log.fold(), '2024-12-06').range).toEqual({ low: 35, high: 35 });
  });
});

describe('casualties: preferred is the highest rank, then grade, then later `to`, then later position', () => {
  const sohr571 = { count: 571, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['sohr-1'] } as const;
  const reuters450 = {
    count: 450,
    scope: 'cumulative',
    time: { date: '2024-12-06', part: 'morning' },
    sources: ['reuters-1'],
  } as const;

  it('given no ranks or grades, when asked, then the later `to` is preferred', () => {
    const log = new TestLog();
    log.casualties('s-sohr', sohr571);
    log.casualties('s-reuters', reuters450);

    expect(killed(log.fold(), '2024-12-06').preferred).toEqual({
      count: n(571),
      publisher: 'sohr',
      claimId: 's-sohr',
      basis: 'cumulative',
    });
  });

  it('given reuters graded A and sohr B, when asked, then reuters is preferred despite its earlier `to`', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.assess('sohr', 'B');
    log.casualties('s-sohr', sohr571);
    log.casualties('s-reuters', reuters450);

    expect(killed(log.fold(), '2024-12-06').preferred?.claimId).toBe('s-reuters');
  });

  it('given sohr graded A and the ungraded reuters claim ranked preferred, when asked, then the preferred claim wins', () => {
    const log = new TestLog();
    log.assess('sohr', 'A');
    log.casualties('s-sohr', sohr571);
    log.casualties('s-reuters', reuters450);
    log.rank('s-reuters', 'preferred');

    expect(killed(log.fold(), '2024-12-06').preferred?.claimId).toBe('s-reuters');
  });

  it('given the same rank, grade and `to`, when asked, then the later-recorded claim is preferred', () => {
    const log = new TestLog();
    log.casualties('s-reuters', { ...reuters450, time: { date: '2024-12-06' } });
    log.casualties('s-sohr', sohr571);
    log.casualties('s-mod', { ...reuters450, count: 300, time: { date: '2024-12-06' }, sources: ['sana-1'] });

    expect(killed(log.fold(), '2024-12-06').preferred?.claimId).toBe('s-mod');
  });

  it('given a regrade recorded later, when asked as known before and after it, then the preferred figure follows the grade known then', () => {
    const log = new TestLog();
    log.casualties('s-sohr', sohr571);
    log.casualties('s-reuters', reuters450);
    const regrade = log.assess('reuters', 'A');
    const folded = log.fold();

    expect(killed(folded, '2024-12-06', regrade - 1).preferred?.claimId).toBe('s-sohr');
    expect(killed(folded, '2024-12-06').preferred?.claimId).toBe('s-reuters');
  });

  it('given incident members from an ungraded and an A publisher against a B cumulative figure, when asked, then incidentTotal is preferred (it competes with its best-graded member)', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.assess('sohr', 'B');
    log.casualties('k-blog', { count: 20, scope: 'incident', time: { date: '2024-12-05' }, sources: ['blog-1'] });
    log.casualties('k-reuters', {
      count: 15,
      scope: 'incident',
      time: { date: '2024-12-05', part: 'morning' },
      sources: ['reuters-1'],
    });
    log.casualties('s-sohr', sohr571);

    expect(killed(log.fold(), '2024-12-06').preferred).toEqual({
      count: n(35),
      publisher: null,
      claimId: null,
      basis: 'incidentTotal',
    });
  });

  it('given a corroboration group whose top-ranked member is ungraded and another member A, against a B figure of the same rank, when asked, then incidentTotal is preferred', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.assess('sohr', 'B');
    log.casualties('k-blog', { count: 20, scope: 'incident', time: { date: '2024-12-05' }, sources: ['blog-1'] });
    log.casualties('k-reuters', {
      count: 18,
      scope: 'incident',
      corroborates: 'k-blog',
      time: { date: '2024-12-05' },
      sources: ['reuters-1'],
    });
    log.casualties('s-sohr', sohr571);
    log.rank('k-blog', 'preferred');
    log.rank('s-sohr', 'preferred');

    expect(killed(log.fold(), '2024-12-06').preferred).toEqual({
      count: n(20, 18, 20),
      publisher: null,
      claimId: null,
      basis: 'incidentTotal',
    });
  });

  it('given incident members from an ungraded publisher only against an F cumulative figure, when asked, then the cumulative figure is preferred', () => {
    const log = new TestLog();
    log.assess('sohr', 'F');
    log.casualties('k-blog', { count: 20, scope: 'incident', time: { date: '2024-12-06' }, sources: ['blog-1'] });
    log.casualties('s-sohr', { ...sohr571, time: { date: '2024-12-05' } });

    expect(killed(log.fold(), '2024-12-06').preferred).toEqual({
      count: n(571),
      publisher: 'sohr',
      claimId: 's-sohr',
      basis: 'cumulative',
    });
  });
});

describe('casualties: figures are per side and category', () => {
  it('given a claim whose side is corrected, when each side is asked, then it counts only for the new side', () => {
    const log = new TestLog();
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' } });
    log.casualties('k2', { side: 'saa', count: 3, scope: 'incident', time: { date: '2024-12-06' } });
    log.correct('k1', { side: 'saa' });
    const { views, ledger } = log.fold();

    expect(casualtiesOn(views, ledger, '2024-12-06', NOW).map((f) => [f.side, f.category, f.daily.best])).toEqual([
      ['civilians', 'killed', 0],
      ['saa', 'killed', 23],
    ]);
  });
});

describe('casualties: filtered by operation', () => {
  it('given incidents in two operations, when filtered by one, then only its claims are summed', () => {
    const log = new TestLog();
    log.casualties('k-hama', { count: 20, scope: 'incident', time: { date: '2024-12-06' }, operation: 'hama' });
    log.casualties('k-homs', { count: 7, scope: 'incident', time: { date: '2024-12-06' }, operation: 'homs' });
    const { views, ledger } = log.fold();

    expect(casualtiesOn(views, ledger, '2024-12-06', NOW, { operation: 'homs' })[0]?.daily).toEqual(n(7));
    expect(casualtiesOn(views, ledger, '2024-12-06', NOW)[0]?.daily).toEqual(n(27));
  });
});
