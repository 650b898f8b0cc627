import { describe, expect, it } from 'vitest';
import { auditCasualties, auditControl, sourceImpact } from './audit.queries';
import { local, TestLog } from '@timeline/testing';

const hts = { place: 'hama', status: 'controlled', controller: 'hts' } as const;
const saa = { place: 'hama', status: 'controlled', controller: 'saa' } as const;
const htsState = (basis: string[], disputed = false) => ({
  status: 'controlled',
  controller: 'hts',
  bloc: 'opposition',
  disputed,
  basis,
});
const saaState = (basis: string[], disputed = false) => ({
  status: 'controlled',
  controller: 'saa',
  bloc: 'government',
  disputed,
  basis,
});
/** A source as an audit entry names it: the test log's sources carry no publication date. */
const undatedSource = (sourceId: string, publisher: string) => ({ sourceId, publisher, publishedAt: null, published: null });
const n = (best: number) => ({ best, low: best, high: best, openEnded: false });

describe('auditControl: the events that changed a place’s state at T, in log order', () => {
  function given() {
    const log = new TestLog();
    const p = {
      c1: log.control('c1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] }, 'alice'),
      c2: log.control('c2', { ...saa, time: { date: '2024-12-05', part: 'morning' }, sources: ['sana-1'] }, 'bob'),
      c3: log.control('c3', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] }, 'bob'),
      moved: log.correct('c3', { place: 'al-rastan' }, ['sohr-2'], 'carol'),
    };
    return { log, p, ...log.fold() };
  }

  it('given a claim, a claim that does not decide, a tie-winning claim and its move to another place, when audited, then only the three changes are listed with before/after, actor, sources and position', () => {
    const { views, ledger, p } = given();

    expect(auditControl(views, ledger, 'hama', local('2024-12-06')).changes).toEqual([
      {
        position: p.c1,
        recordedAt: '2024-12-10T09:09:00.000Z',
        reportedAt: null,
        event: 'ControlClaimed',
        claimId: 'c1',
        sources: [undatedSource('sohr-1', 'sohr')],
        actor: 'alice',
        reason: null,
        before: null,
        after: htsState(['c1']),
      },
      {
        position: p.c3,
        recordedAt: '2024-12-10T09:11:00.000Z',
        reportedAt: null,
        event: 'ControlClaimed',
        claimId: 'c3',
        sources: [undatedSource('reuters-1', 'reuters')],
        actor: 'bob',
        reason: null,
        before: htsState(['c1']),
        after: saaState(['c3']),
      },
      {
        position: p.moved,
        recordedAt: '2024-12-10T09:12:00.000Z',
        reportedAt: null,
        event: 'ClaimCorrected',
        claimId: 'c3',
        sources: [undatedSource('sohr-2', 'sohr')],
        actor: 'carol',
        reason: 'a later report',
        before: saaState(['c3']),
        after: htsState(['c1']),
      },
    ]);
  });

  it('given the same log, when the morning of 5 Dec is audited, then the morning claim is the only change', () => {
    const { views, ledger, p } = given();

    expect(
      auditControl(views, ledger, 'hama', local('2024-12-05', '12:00')).changes.map((e) => [e.position, e.claimId, e.after]),
    ).toEqual([[p.c2, 'c2', saaState(['c2'])]]);
  });

  it('given a deprecation, a re-ranking and a retraction of the deciding claim, when audited, then each appears with its event type', () => {
    const log = new TestLog();
    log.control('c1', { ...hts, time: { date: '2024-12-05' } });
    log.control('c2', { ...saa, time: { date: '2024-12-06' } });
    log.rank('c2', 'deprecated', 'erin');
    log.rank('c2', 'normal', 'erin');
    log.retract('c2', 'frank');
    const { views, ledger } = log.fold();

    expect(
      auditControl(views, ledger, 'hama', local('2024-12-07')).changes.map((e) => [
        e.event,
        e.claimId,
        e.actor,
        e.sources,
        e.after,
      ]),
    ).toEqual([
      ['ControlClaimed', 'c1', 'editor', [undatedSource('sohr-1', 'sohr')], htsState(['c1'])],
      ['ControlClaimed', 'c2', 'editor', [undatedSource('sohr-1', 'sohr')], saaState(['c2'])],
      ['ClaimRanked', 'c2', 'erin', [], htsState(['c1'])],
      ['ClaimRanked', 'c2', 'erin', [], saaState(['c2'])],
      ['ClaimRetracted', 'c2', 'frank', [], htsState(['c1'])],
    ]);
  });

  it('given a denial recorded later, when audited, then it appears as the change that made the place disputed', () => {
    const log = new TestLog();
    log.control('c1', { ...hts, time: { date: '2024-12-05' } });
    const denial = log.control('c-denial', {
      ...saa,
      time: { date: '2024-12-05', part: 'morning' },
      sources: ['sana-1'],
      denies: ['c1'],
    });
    const { views, ledger } = log.fold();

    expect(auditControl(views, ledger, 'hama', local('2024-12-06')).changes.map((e) => [e.position, e.claimId, e.after])).toEqual(
      [
        [denial - 1, 'c1', htsState(['c1'])],
        [denial, 'c-denial', htsState(['c1'], true)],
      ],
    );
  });

  describe('a grade change that flips a tie', () => {
    function graded() {
      const log = new TestLog();
      log.control('c1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
      log.control('c3', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
      log.assess('reuters', 'C', 'carol');
      log.assess('aleppo-blog', 'A', 'carol');
      const flip = log.assess('sohr', 'A', 'dave');
      return { flip, ...log.fold() };
    }

    it('given sohr regraded to A after reuters C, when audited, then the regrade is a PublisherAssessed entry and the grades that changed nothing are not', () => {
      const { views, ledger, flip } = graded();
      const audit = auditControl(views, ledger, 'hama', local('2024-12-06')).changes;

      expect(audit.map((e) => [e.position, e.event, e.claimId])).toEqual([
        [flip - 4, 'ControlClaimed', 'c1'],
        [flip - 3, 'ControlClaimed', 'c3'],
        [flip, 'PublisherAssessed', null],
      ]);
      expect(audit[2]).toMatchObject({ before: saaState(['c3']), after: htsState(['c1']) });
    });

    // domain.md, Audit: every entry names the actor; the assessment was recorded by 'dave'
    it('given the same regrade, when audited, then its entry names the editor who recorded the assessment', () => {
      const { views, ledger } = graded();
      const entry = auditControl(views, ledger, 'hama', local('2024-12-06')).changes.find((e) => e.event === 'PublisherAssessed');

      expect(entry?.actor).toBe('dave');
    });
  });
});

describe('auditCasualties: the events that changed preferred, range or daily for a day', () => {
  function given() {
    const log = new TestLog();
    const p = {
      s1: log.casualties('s1', { count: 500, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['sohr-1'] }, 'alice'),
      s2: log.casualties(
        's2',
        { count: 450, scope: 'cumulative', time: { date: '2024-12-06', part: 'morning' }, sources: ['reuters-1'] },
        'bob',
      ),
      grade: log.assess('reuters', 'A', 'carol'),
      recount: log.correct('s1', { count: 520 }, ['sohr-2'], 'alice'),
      k1: log.casualties('k1', { count: 10, scope: 'incident', time: { date: '2024-12-06' } }),
      k0: log.casualties('k0', { count: 5, scope: 'incident', time: { date: '2024-12-05' } }),
      retraction: log.retract('k1'),
    };
    return { p, ...log.fold() };
  }

  it('given two cumulative figures and a regrade, when preferred is audited, then the first figure and the regrade changed it', () => {
    const { views, ledger, p } = given();

    expect(
      auditCasualties(views, ledger, 'civilians', 'killed', '2024-12-06', 'preferred').changes.map((e) => [
        e.position,
        e.event,
        e.claimId,
        e.before,
        e.after,
      ]),
    ).toEqual([
      [p.s1, 'CasualtiesReported', 's1', null, { count: n(500), publisher: 'sohr', claimId: 's1', basis: 'cumulative' }],
      [
        p.grade,
        'PublisherAssessed',
        null,
        { count: n(500), publisher: 'sohr', claimId: 's1', basis: 'cumulative' },
        { count: n(450), publisher: 'reuters', claimId: 's2', basis: 'cumulative' },
      ],
    ]);
  });

  it('given the same log, when range is audited, then both figures, the recount, and the incidents moving incidentTotal changed it', () => {
    const { views, ledger, p } = given();

    expect(auditCasualties(views, ledger, 'civilians', 'killed', '2024-12-06', 'range').changes).toEqual([
      expect.objectContaining({ position: p.s1, actor: 'alice', before: null, after: { low: 500, high: 500 } }),
      expect.objectContaining({ position: p.s2, actor: 'bob', before: { low: 500, high: 500 }, after: { low: 450, high: 500 } }),
      expect.objectContaining({
        position: p.recount,
        event: 'ClaimCorrected',
        sources: [undatedSource('sohr-2', 'sohr')],
        before: { low: 450, high: 500 },
        after: { low: 450, high: 520 },
      }),
      expect.objectContaining({ position: p.k1, before: { low: 450, high: 520 }, after: { low: 10, high: 520 } }),
      expect.objectContaining({ position: p.k0, before: { low: 10, high: 520 }, after: { low: 15, high: 520 } }),
      expect.objectContaining({
        position: p.retraction,
        event: 'ClaimRetracted',
        before: { low: 15, high: 520 },
        after: { low: 5, high: 520 },
      }),
    ]);
  });

  it('given an incident on the day, one the day before and a retraction, when daily is audited, then only the day’s incident and its retraction changed it', () => {
    const { views, ledger, p } = given();

    expect(
      auditCasualties(views, ledger, 'civilians', 'killed', '2024-12-06', 'daily').changes.map((e) => [
        e.position,
        e.event,
        e.before,
        e.after,
      ]),
    ).toEqual([
      [p.k1, 'CasualtiesReported', n(0), n(10)],
      [p.retraction, 'ClaimRetracted', n(10), n(0)],
    ]);
  });
});

describe('sourceImpact: every figure a source’s claims moved', () => {
  it('given a source whose claim changed a place, when its impact is asked, then it lists that place with the change', () => {
    const log = new TestLog();
    log.control('c1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const c3 = log.control('c3', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    const { views, ledger } = log.fold();

    const impact = sourceImpact(views, ledger, 'reuters-1');

    expect(impact.map((i) => [i.claimId, i.figure, i.changes.map((e) => e.position)])).toEqual([
      ['c3', { kind: 'control', place: 'hama', at: '2024-12-05T21:00:00.000Z' }, [c3]],
    ]);
  });

  it('given a source whose cumulative figure became the preferred one, when its impact is asked, then it lists the day’s preferred and range', () => {
    const log = new TestLog();
    const s1 = log.casualties('s1', { count: 500, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['reuters-1'] });
    const { views, ledger } = log.fold();

    expect(sourceImpact(views, ledger, 'reuters-1').map((i) => [i.figure, i.changes.map((e) => e.position)])).toEqual([
      [{ kind: 'casualties', side: 'civilians', category: 'killed', day: '2024-12-06', figure: 'preferred' }, [s1]],
      [{ kind: 'casualties', side: 'civilians', category: 'killed', day: '2024-12-06', figure: 'range' }, [s1]],
    ]);
  });

  // domain.md, Audit: a source's impact is every figure its claims moved — here c3 first moved
  // Hama (hts → saa), and only later was corrected to Al-Rastan
  it('given a source whose claim changed Hama and was later corrected to Al-Rastan, when its impact is asked, then the Hama change is still listed', () => {
    const log = new TestLog();
    log.control('c1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const c3 = log.control('c3', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    log.correct('c3', { place: 'al-rastan' }, ['sohr-2']);
    const { views, ledger } = log.fold();

    const hama = sourceImpact(views, ledger, 'reuters-1').find((i) => i.figure.kind === 'control' && i.figure.place === 'hama');

    expect(hama?.changes.map((e) => [e.position, e.claimId])).toEqual([[c3, 'c3']]);
  });
});
