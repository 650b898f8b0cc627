import { describe, expect, it } from 'vitest';
import { local, TestLog } from '@timeline/testing';
import { auditCasualties } from './audit.queries';
import { casualtiesOn } from './casualty.queries';
import { controlAt } from './control.queries';
import { NOW } from './known-at';

const hama = { place: 'hama', status: 'controlled' } as const;
const iso = (ms: number) => new Date(ms).toISOString();

/** The preferred civilian toll of a day, as known now from a ledger (maybe a reported view). */
function toll(log: TestLog, day: string, reportedBy?: number) {
  const { views, ledger } = log.fold();
  const seen = reportedBy === undefined ? ledger : ledger.asReportedBy(reportedBy);
  const figure = casualtiesOn(views, seen, day, NOW, {})[0];
  return { best: figure?.preferred?.count.best ?? null, unreported: seen.unreported.size };
}

describe('reportedAt: when a claim version was publicly reported', () => {
  it('given a claim citing two dated sources, when folded, then its reportedAt is the earlier end of their publications', () => {
    const log = new TestLog();
    log.source('late', '2024-12-07');
    log.source('early', '2024-12-05');
    log.control('c1', { ...hama, controller: 'hts', time: { date: '2024-12-05' }, sources: ['late', 'early'] });
    const { ledger } = log.fold();

    const version = ledger.recordOf('c1').versions[0];
    expect(version && ledger.reportedAtOf(version, NOW)).toBe(local('2024-12-06'));
  });

  it('given a claim citing an undated source beside one published by an access date, when folded, then the dated one gives reportedAt', () => {
    const log = new TestLog();
    log.source('retrieved', { to: '2024-12-08' });
    log.control('c1', { ...hama, controller: 'hts', time: { date: '2024-12-05' }, sources: ['sohr-1', 'retrieved'] });
    const { ledger } = log.fold();

    const version = ledger.recordOf('c1').versions[0];
    expect(version && ledger.reportedAtOf(version, NOW)).toBe(local('2024-12-09'));
  });

  it('given a claim citing a report published before its valid time began, when folded, then that report does not date it', () => {
    const log = new TestLog();
    log.source('before-it', '2024-11-30');
    log.source('after-it', '2024-12-06');
    log.control('c1', { ...hama, controller: 'hts', time: { date: '2024-12-05' }, sources: ['before-it', 'after-it'] });
    log.control('c2', {
      place: 'homs',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      sources: ['before-it'],
    });
    const { ledger } = log.fold();

    const reportedAt = (claimId: string) => {
      const version = ledger.recordOf(claimId).versions[0];
      return version && ledger.reportedAtOf(version, NOW);
    };
    expect(reportedAt('c1')).toBe(local('2024-12-07'));
    expect(reportedAt('c2')).toBeNull();
  });

  it('given a claim whose only source is undated, when the map is asked as reported by any instant, then the claim is set aside and counted', () => {
    const log = new TestLog();
    log.source('dated', '2024-12-05');
    log.control('c-dated', { ...hama, controller: 'hts', time: { date: '2024-12-05' }, sources: ['dated'] });
    log.control('c-undated', {
      place: 'homs',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      sources: ['sohr-1'],
    });
    const { views, ledger } = log.fold();

    const reported = ledger.asReportedBy(local('2024-12-10'));
    const view = controlAt(views, reported, local('2024-12-10'), NOW);

    expect(view.places.map((p) => p.place)).toEqual(['hama']);
    expect(reported.unreported.size).toBe(1);
    expect(
      controlAt(views, ledger, local('2024-12-10'), NOW)
        .places.map((p) => p.place)
        .sort(),
    ).toEqual(['hama', 'homs']);
  });

  it('given a claim reported on 5 December, when the map is asked as reported before and after the report, then it appears only after', () => {
    const log = new TestLog();
    log.source('sohr-5', '2024-12-05');
    log.control('c1', { ...hama, controller: 'hts', time: { date: '2024-12-04' }, sources: ['sohr-5'] });
    const { views, ledger } = log.fold();

    const before = controlAt(views, ledger.asReportedBy(local('2024-12-05', '12:00')), local('2024-12-05', '12:00'), NOW);
    const after = controlAt(views, ledger.asReportedBy(local('2024-12-06')), local('2024-12-06'), NOW);

    expect(before.places).toEqual([]);
    expect(after.places.map((p) => [p.place, p.controller, p.since])).toEqual([['hama', 'hts', iso(local('2024-12-05'))]]);
  });

  it('given a toll corrected by a later report, when asked as reported between the two reports, then the first figure stands', () => {
    const log = new TestLog();
    log.source('sohr-5', '2024-12-05');
    log.source('sohr-8', '2024-12-08');
    log.casualties('toll', { count: 50, scope: 'cumulative', time: { date: '2024-12-05' }, sources: ['sohr-5'] });
    log.correct('toll', { count: 80 }, ['sohr-8']);

    expect(toll(log, '2024-12-05', local('2024-12-07'))).toEqual({ best: 50, unreported: 0 });
    expect(toll(log, '2024-12-05', local('2024-12-09'))).toEqual({ best: 80, unreported: 0 });
    expect(toll(log, '2024-12-05')).toEqual({ best: 80, unreported: 0 });
  });

  it('given an undated correction and then a dated one, when asked as reported, then only the dated correction applies, over the first report', () => {
    const log = new TestLog();
    log.source('sohr-5', '2024-12-05');
    log.source('sohr-8', '2024-12-08');
    log.casualties('toll', { count: 50, scope: 'cumulative', time: { date: '2024-12-05' }, sources: ['sohr-5'], place: 'hama' });
    log.correct('toll', { count: 70 }, ['sohr-1']);
    log.correct('toll', { place: 'homs' }, ['sohr-8']);
    const { views, ledger } = log.fold();

    const reported = ledger.asReportedBy(local('2024-12-09'));
    const record = reported.recordOf('toll');
    const version = reported.versionAt(record, NOW);

    expect(version?.claim).toMatchObject({ count: 50, place: 'homs' });
    expect(reported.unreported.size).toBe(1);
    expect(casualtiesOn(views, reported, '2024-12-05', NOW, {})[0]?.preferred?.count.best).toBe(50);
  });

  it('given an editorial rank with no source, when asked as reported before any report of it could exist, then the rank applies', () => {
    const log = new TestLog();
    log.source('sohr-5', '2024-12-05');
    log.source('reuters-5', '2024-12-05', 'reuters');
    log.control('c-hts', { ...hama, controller: 'hts', time: { date: '2024-12-05' }, sources: ['sohr-5'] });
    log.control('c-saa', { ...hama, controller: 'saa', time: { date: '2024-12-05' }, sources: ['reuters-5'] });
    log.rank('c-hts', 'preferred');
    const { views, ledger } = log.fold();

    const view = controlAt(views, ledger.asReportedBy(local('2024-12-06')), local('2024-12-06'), NOW);

    expect(view.places[0]?.controller).toBe('hts');
  });

  it('given a source whose publication date is corrected later, when asked as reported, then views follow the correction and knownAt before it keeps the old date', () => {
    const log = new TestLog();
    log.source('misdated', '2024-12-05');
    log.control('c1', { ...hama, controller: 'hts', time: { date: '2024-12-04' }, sources: ['misdated'] });
    const beforeCorrection = log.position;
    log.correctSourcePublished('misdated', '2024-12-09');
    const { views, ledger } = log.fold();

    const asOf = (knownAt: number) =>
      controlAt(views, ledger.asReportedBy(local('2024-12-07')), local('2024-12-07'), knownAt).places.length;

    expect(asOf(NOW)).toBe(0);
    expect(asOf(beforeCorrection)).toBe(1);
    const version = ledger.recordOf('c1').versions[0];
    expect(version && ledger.reportedAtOf(version, NOW)).toBe(local('2024-12-10'));
  });

  it('given a toll revised by several reports, when audited in report order, then the changes are in the order of their reports with their publication', () => {
    const log = new TestLog();
    log.source('sohr-8', '2024-12-08');
    log.source('sohr-6', '2024-12-06');
    log.source('sohr-7', '2024-12-07');
    // recorded out of report order, as a campaign loaded file by file is
    log.casualties('toll', { count: 90, scope: 'cumulative', time: { date: '2024-12-05' }, sources: ['sohr-8'] });
    log.casualties('toll-early', { count: 20, scope: 'cumulative', time: { date: '2024-12-03' }, sources: ['sohr-6'] });
    log.casualties('toll-mid', { count: 40, scope: 'cumulative', time: { date: '2024-12-04' }, sources: ['sohr-7'] });
    log.casualties('toll-undated', { count: 999, scope: 'cumulative', time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const { views, ledger } = log.fold();

    const audit = auditCasualties(views, ledger, 'civilians', 'killed', '2024-12-05', 'preferred', NOW, 'reported');

    expect(audit.changes.map((c) => [c.reportedAt, c.claimId, (c.after as { count: { best: number } }).count.best])).toEqual([
      [iso(local('2024-12-07')), 'toll-early', 20],
      [iso(local('2024-12-08')), 'toll-mid', 40],
      [iso(local('2024-12-09')), 'toll', 90],
    ]);
    expect(audit.changes[0]?.sources).toEqual([
      {
        sourceId: 'sohr-6',
        publisher: 'sohr',
        publishedAt: '2024-12-06',
        published: { from: iso(local('2024-12-06')), to: iso(local('2024-12-07')), precision: 'day' },
      },
    ]);
    expect(audit.unreported).toBe(1);
  });
});
