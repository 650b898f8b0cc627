import { describe, expect, it } from 'vitest';
import { gradeValue, PublisherGrades } from './publisher-grades';
import { NOW } from './known-at';
import { firstVersion, latestVersion } from './claim-history';
import { TestLog } from '@timeline/testing';
import { claimRow } from './claims-list.queries';

describe('CampaignLedger: claims with versions over transaction time', () => {
  function given() {
    const log = new TestLog();
    const p = {
      recorded: log.control(
        'c1',
        { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } },
        'alice',
      ),
      corrected: log.correct('c1', { controller: 'saa' }, ['sana-1'], 'bob'),
      deprecated: log.rank('c1', 'deprecated'),
      restored: log.rank('c1', 'normal'),
      retracted: log.retract('c1'),
    };
    const { ledger } = log.fold();
    return { p, ledger, log, record: ledger.claims.get('c1')! };
  }

  it('given a claim, a correction, two ranks and a retraction, when folded, then it has one version per event with the event’s actor and sources', () => {
    const { record, p } = given();

    expect(record.firstPosition).toBe(p.recorded);
    expect(
      record.versions.map((v) => [
        v.position,
        v.event,
        v.actor,
        v.eventSources,
        v.claim.type === 'control' && v.claim.controller,
        v.rank,
        v.retracted,
      ]),
    ).toEqual([
      [p.recorded, 'ControlClaimed', 'alice', ['sohr-1'], 'hts', 'normal', false],
      [p.corrected, 'ClaimCorrected', 'bob', ['sana-1'], 'saa', 'normal', false],
      [p.deprecated, 'ClaimRanked', 'editor', [], 'saa', 'deprecated', false],
      [p.restored, 'ClaimRanked', 'editor', [], 'saa', 'normal', false],
      [p.retracted, 'ClaimRetracted', 'editor', [], 'saa', 'normal', true],
    ]);
  });

  it('given the same claim, when its versions’ recording times are asked, then each is its event’s, from the log, and the claim list dates the claim by its first and last', () => {
    const { record, p, ledger, log } = given();

    expect(record.versions.map((v) => new Date(ledger.recordedAt(v)).toISOString())).toEqual(
      [p.recorded, p.corrected, p.deprecated, p.restored, p.retracted].map((position) => log.recordedAt(position)),
    );
    expect(claimRow(ledger, record)).toMatchObject({
      recordedAt: log.recordedAt(p.recorded),
      updatedAt: log.recordedAt(p.retracted),
    });
    expect(() => ledger.recordedAt({ ...record.versions[0]!, position: log.position + 1 })).toThrow(
      `no event at position ${log.position + 1} has been folded`,
    );
  });

  it('given the same claim, when asked at each knownAt, then versionAt is the latest version recorded by then and liveAt skips deprecated and retracted', () => {
    const { ledger, record, p } = given();
    const live = (knownAt: number) => ledger.liveAt(record, knownAt)?.position;

    expect(ledger.versionAt(record, p.recorded - 1)).toBeUndefined();
    expect(ledger.versionAt(record, p.corrected)?.position).toBe(p.corrected);
    expect(ledger.versionAt(record, NOW)?.position).toBe(p.retracted);
    expect([p.recorded - 1, p.recorded, p.corrected, p.deprecated, p.restored, p.retracted].map(live)).toEqual([
      undefined,
      p.recorded,
      p.corrected,
      undefined,
      p.restored,
      undefined,
    ]);
  });

  it('given a claim recorded twice under the same id, when folded, then the second record is ignored', () => {
    const log = new TestLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    const { ledger } = log.fold();

    expect(ledger.claims.get('c1')!.versions).toHaveLength(1);
  });

  it('given a claim attributed to a belligerent, when its publisher is asked, then it is the attributed one; else the first source’s publisher', () => {
    const log = new TestLog();
    log.casualties('k1', {
      count: 3,
      scope: 'incident',
      time: { date: '2024-12-05' },
      sources: ['reuters-1'],
      attributedTo: 'syria-defense-ministry',
    });
    log.casualties('k2', { count: 3, scope: 'incident', time: { date: '2024-12-05' }, sources: ['sohr-1', 'reuters-1'] });
    const { ledger } = log.fold();
    const latest = (id: string) => firstVersion(ledger.claims.get(id)!);

    expect(ledger.publisherOf(latest('k1'))).toBe('syria-defense-ministry');
    expect(ledger.publisherOf(latest('k2'))).toBe('sohr');
  });

  it('given claims that repeat a valid time and sources, when folded, then they share one copy of each, and a claim of its own time has its own', () => {
    const log = new TestLog();
    const time = { date: '2024-12-05' };
    log.control('a', { place: 'hama', status: 'controlled', controller: 'hts', time, sources: ['sohr-1', 'sana-1'] });
    log.control('b', { place: 'homs', status: 'controlled', controller: 'hts', time, sources: ['sohr-1', 'sana-1'] });
    log.control('c', {
      place: 'homs',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-06' },
      sources: ['sohr-1'],
    });
    log.correct('c', { controller: 'hts' }, ['sohr-1', 'sana-1'], 'bob');
    const { ledger } = log.fold();
    const [a, b, c] = ['a', 'b', 'c'].map((id) => firstVersion(ledger.recordOf(id)));
    const corrected = latestVersion(ledger.recordOf('c'));
    if (!a || !b || !c) throw new Error('the three claims are folded');

    expect(b.claim.time).toBe(a.claim.time);
    expect(b.claim.sources).toBe(a.claim.sources);
    expect(b.valid).toBe(a.valid);
    expect(corrected.eventSources).toBe(a.claim.sources);
    expect(c.claim.time).not.toBe(a.claim.time);
    expect(c.claim.time).toEqual({ from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' });
    expect(c.valid).toEqual({ from: Date.parse('2024-12-05T21:00:00.000Z'), to: Date.parse('2024-12-06T21:00:00.000Z') });
    expect(corrected.valid).toBe(c.valid);
    expect(c.claim.sources).toEqual(['sohr-1']);
  });

  it('given factions of two blocs, when a bloc is asked, then it is the faction’s, or null for none or an unknown faction', () => {
    const { ledger } = new TestLog().fold();

    expect([ledger.bloc('hts'), ledger.bloc('saa'), ledger.bloc(null), ledger.bloc('isis')]).toEqual([
      'opposition',
      'government',
      null,
      null,
    ]);
  });
});

describe('PublisherGrades: grades over transaction time', () => {
  it('given sohr graded C at 10 and A at 20, when asked at 9, 10, 19, 20 and now, then the grade known then answers', () => {
    const grades = new PublisherGrades();
    grades.assess('sohr', 'C', 10, 'dave', 'monitoring record reviewed');
    grades.assess('sohr', 'A', 20, 'erin', 'corroborated by field reports');

    expect([9, 10, 19, 20, NOW].map((k) => grades.at('sohr', k))).toEqual([undefined, 'C', 'C', 'A', 'A']);
    expect(grades.assessmentsOf('sohr')).toEqual([
      { position: 10, grade: 'C', actor: 'dave', reason: 'monitoring record reviewed' },
      { position: 20, grade: 'A', actor: 'erin', reason: 'corroborated by field reports' },
    ]);
  });

  it('given the grades A to F and none, when valued, then A is highest and ungraded is below F', () => {
    expect([
      gradeValue('A'),
      gradeValue('B'),
      gradeValue('C'),
      gradeValue('D'),
      gradeValue('E'),
      gradeValue('F'),
      gradeValue(undefined),
    ]).toEqual([6, 5, 4, 3, 2, 1, 0]);
  });

  it('given a claim citing a D and an A publisher, when its grade is scored before and after the A grade, then it is the best known then', () => {
    const log = new TestLog();
    log.assess('syria-defense-ministry', 'D');
    const claim = log.control('c1', {
      place: 'hama',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-05' },
      sources: ['sana-1', 'reuters-1'],
    });
    log.assess('reuters', 'A');
    const { ledger } = log.fold();
    const version = firstVersion(ledger.claims.get('c1')!);

    expect(ledger.gradeScore(version, claim)).toBe(gradeValue('D'));
    expect(ledger.gradeScore(version, NOW)).toBe(gradeValue('A'));
  });

  it('given a grade scored now, when the publisher is regraded or the source corrected to another publisher, then the next score follows', () => {
    const log = new TestLog();
    log.control('c1', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      sources: ['blog-1'],
    });
    log.control('c2', {
      place: 'homs',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      sources: ['blog-1'],
    });
    const { views, ledger } = log.fold();
    const [c1, c2] = ['c1', 'c2'].map((id) => firstVersion(ledger.claims.get(id)!));
    const fold = (position: number) => views.apply(log.event(position));

    // two claims citing the same list of sources: one grade for both
    expect([ledger.gradeScore(c1!, NOW), ledger.gradeScore(c2!, NOW)]).toEqual([0, 0]);
    fold(log.assess('aleppo-blog', 'E'));
    expect([ledger.gradeScore(c1!, NOW), ledger.gradeScore(c2!, NOW)]).toEqual([gradeValue('E'), gradeValue('E')]);
    fold(log.assess('aleppo-blog', 'B'));
    expect(ledger.gradeScore(c2!, NOW)).toBe(gradeValue('B'));
    fold(
      log.append({
        type: 'SourceCorrected',
        data: {
          campaignId: 'syria-2024',
          sourceId: 'blog-1',
          changes: { publisher: 'syria-defense-ministry' },
          reason: 'misattributed',
        },
      }),
    );
    expect(ledger.gradeScore(c1!, NOW)).toBe(0);
    fold(log.assess('syria-defense-ministry', 'D'));
    expect(ledger.gradeScore(c1!, NOW)).toBe(gradeValue('D'));
  });
});
