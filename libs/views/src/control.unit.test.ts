import { describe, expect, it } from 'vitest';
import type { PlaceRegistration, WrittenTime } from '@timeline/domain';
import { compareCandidates, controlCandidate, placeTimeline } from './control';
import { endOfDay } from './control.queries';
import { NOW } from './known-at';
import { type ControlFields, local, placeAt, TestLog } from '@timeline/testing';

const hts = { place: 'hama', status: 'controlled', controller: 'hts' } as const;
const saa = { place: 'hama', status: 'controlled', controller: 'saa' } as const;

describe('control: a claim takes effect at the end of its interval (domain.md, Time)', () => {
  it('given a day claim on 5 Dec, when the state is asked at local 6 Dec 00:00, then it is in effect', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({
      status: 'controlled',
      controller: 'hts',
      bloc: 'opposition',
    });
  });

  it('given a day claim on 5 Dec, when the state is asked at 23:00 local that day, then nothing is in effect yet and the change is under way', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    const folded = log.fold();

    for (const at of [local('2024-12-05', '23:00'), local('2024-12-06') - 1])
      expect(placeAt(folded, 'hama', at)).toMatchObject({ status: null, controller: null, pending: [{ claimId: 'hama-hts' }] });
  });

  it('given a day claim, when the day view of that day is taken, then it is the state at local D+1 00:00', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    const { ledger } = log.fold();

    expect(new Date(endOfDay(ledger, '2024-12-05')).toISOString()).toBe('2024-12-05T21:00:00.000Z');
  });

  it.each<[string, WrittenTime, number]>([
    ['part-of-day (morning)', { date: '2024-12-05', part: 'morning' }, local('2024-12-05', '12:00')],
    ['part-of-day (night)', { date: '2024-12-05', part: 'night' }, local('2024-12-06', '00:00')],
    ['hour 14', { date: '2024-12-05', hour: 14 }, local('2024-12-05', '15:00')],
    ['by 16:30', { date: '2024-12-05', by: '16:30' }, local('2024-12-05', '16:30')],
    ['multi-day 3–5 Dec', { from: '2024-12-03', to: '2024-12-05' }, local('2024-12-06', '00:00')],
    [
      'exact 10:00–13:30+03:00',
      { from: '2024-12-05T10:00:00+03:00', to: '2024-12-05T13:30:00+03:00' },
      local('2024-12-05', '13:30'),
    ],
  ])('given a claim written as %s, when the state is asked, then it decides exactly at its end', (_form, time, end) => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', end - 1)?.status).toBeNull();
    expect(placeAt(folded, 'hama', end)?.controller).toBe('hts');
  });
});

describe('control: the latest `to` decides, ties go to rank, grade, then position (rule 2)', () => {
  it('given a day claim and a morning claim recorded later, when the day ends, then the day claim decides', () => {
    const log = new TestLog();
    log.control('hama-hts-day', { ...hts, time: { date: '2024-12-05' } });
    log.control('hama-saa-morning', { ...saa, time: { date: '2024-12-05', part: 'morning' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))?.controller).toBe('saa');
    expect(placeAt(folded, 'hama', local('2024-12-06'))?.controller).toBe('hts');
  });

  it('given two claims with the same `to`, no ranks and no grades, when asked, then the later log position decides', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', basis: ['hama-hts'] });
  });

  it('given a tie where the earlier claim is ranked preferred, when asked, then the preferred claim decides', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['blog-1'] });
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    log.assess('reuters', 'A');
    log.rank('hama-saa', 'preferred');
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))?.controller).toBe('saa');
  });

  it('given a tie, when the earlier claim has the better-graded publisher, then it decides over the later position', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.assess('sohr', 'C');
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))?.controller).toBe('saa');
  });

  it('given a tie between an F-graded publisher and an ungraded one recorded later, when asked, then the graded one decides (ungraded last)', () => {
    const log = new TestLog();
    log.assess('sohr', 'F');
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['blog-1'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))?.controller).toBe('hts');
  });

  it('given a tie, when one claim cites a D and an A publisher and the other a B publisher, then the best grade among its sources (A) decides', () => {
    const log = new TestLog();
    log.assess('syria-defense-ministry', 'D');
    log.assess('reuters', 'A');
    log.assess('sohr', 'B');
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1', 'reuters-1'] });
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))?.controller).toBe('saa');
  });

  it('given a tie decided by grade, when a publisher is regraded later, then the winner changes only for knownAt from the regrade on', () => {
    const log = new TestLog();
    log.assess('sohr', 'C');
    log.assess('reuters', 'B');
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    const regrade = log.assess('sohr', 'A');
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'hama', end, regrade - 1)?.controller).toBe('saa');
    expect(placeAt(folded, 'hama', end, regrade)?.controller).toBe('hts');
    expect(placeAt(folded, 'hama', end)?.controller).toBe('hts');
  });

  it('given candidates, when compared, then a later `to` beats rank and grade', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.control('hama-early', { ...saa, time: { date: '2024-12-05', part: 'morning' }, sources: ['reuters-1'] });
    log.rank('hama-early', 'preferred');
    log.control('hama-late', { ...hts, time: { date: '2024-12-05', part: 'afternoon' }, sources: ['blog-1'] });
    const { ledger } = log.fold();
    const [early, late] = ['hama-early', 'hama-late'].map((id) => controlCandidate(ledger.claims.get(id)!, ledger, NOW)!);
    if (!early || !late) throw new Error('both claims are candidates');

    expect(Math.sign(compareCandidates(late, early))).toBe(1);
    expect(placeTimeline(ledger, 'hama', NOW).entries.map((e) => e.decider.claimId)).toEqual(['hama-early', 'hama-late']);
  });
});

describe('control: denials make a place disputed (rule 3)', () => {
  it('given a claim and a later-recorded claim with the same `to` that denies it, when asked, then the denial decides, the place is disputed and the report is the alternative', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa-denial', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'], denies: ['hama-hts'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({
      controller: 'saa',
      disputed: true,
      alternatives: [{ status: 'controlled', controller: 'hts', claims: ['hama-hts'] }],
    });
  });

  it('given a deciding claim that an earlier-ending claim denies, when asked, then it is disputed because it is denied', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa-denial', {
      ...saa,
      time: { date: '2024-12-05', part: 'morning' },
      sources: ['sana-1'],
      denies: ['hama-hts'],
    });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({
      controller: 'hts',
      basis: ['hama-hts'],
      disputed: true,
      alternatives: [{ status: 'controlled', controller: 'saa', claims: ['hama-saa-denial'] }],
    });
  });

  it('given a denial whose `to` is after T, when asked at T, then the place is not disputed; from its `to` on it is', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa-denial', { ...saa, time: { date: '2024-12-06' }, sources: ['sana-1'], denies: ['hama-hts'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', disputed: false, alternatives: [] });
    expect(placeAt(folded, 'hama', local('2024-12-07'))).toMatchObject({ controller: 'saa', disputed: true });
  });

  it.each([
    ['retracted', (log: TestLog) => log.retract('hama-saa-denial')],
    ['deprecated', (log: TestLog) => log.rank('hama-saa-denial', 'deprecated')],
  ])('given a denial that is %s, when asked, then the place is not disputed', (_how, drop) => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa-denial', {
      ...saa,
      time: { date: '2024-12-05', part: 'morning' },
      sources: ['sana-1'],
      denies: ['hama-hts'],
    });
    drop(log);
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', disputed: false, alternatives: [] });
  });

  it('given two overlapping claims from different publishers that disagree without a denial, when asked, then the place is not disputed', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { from: '2024-12-04', to: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'saa', disputed: false, alternatives: [] });
  });
});

describe('control: only live claims count (How views decide)', () => {
  it('given a later claim that is deprecated, when asked, then the earlier claim decides', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-06' } });
    log.rank('hama-saa', 'deprecated');
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-07'))?.controller).toBe('hts');
  });

  it('given a later claim retracted afterwards, when asked now and known before the retraction, then now the earlier claim decides and before it the retracted one did', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-06' } });
    const retraction = log.retract('hama-saa');
    const folded = log.fold();
    const end = local('2024-12-07');

    expect(placeAt(folded, 'hama', end)?.controller).toBe('hts');
    expect(placeAt(folded, 'hama', end, retraction - 1)?.controller).toBe('saa');
  });

  it('given the only claim on a place is retracted, when asked, then the place is not in the view', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    log.retract('hama-hts');
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toBeUndefined();
  });

  it('given a claim recorded after knownAt, when asked at that knownAt, then it is not known', () => {
    const log = new TestLog();
    const first = log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-06' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-07'), first)?.controller).toBe('hts');
  });
});

describe('control: corrections (the latest correction recorded by knownAt)', () => {
  it('given a claim corrected to another place, when asked, then it moves; known before, it was at the first place', () => {
    const log = new TestLog();
    log.control('c1', { ...hts, time: { date: '2024-12-05' } });
    const correction = log.correct('c1', { place: 'al-rastan' });
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'hama', end)).toBeUndefined();
    expect(placeAt(folded, 'al-rastan', end)).toMatchObject({ name: 'Al-Rastan', controller: 'hts', basis: ['c1'] });
    expect(placeAt(folded, 'hama', end, correction - 1)?.controller).toBe('hts');
    expect(placeAt(folded, 'al-rastan', end, correction - 1)).toBeUndefined();
  });

  it('given a claim whose status and besieger are corrected, when asked, then the new status shows; known before, the old one', () => {
    const log = new TestLog();
    log.control('c1', { ...saa, time: { date: '2024-12-05' } });
    const correction = log.correct('c1', { status: 'besieged', besiegedBy: 'hts' });
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'hama', end)).toMatchObject({
      status: 'besieged',
      controller: 'saa',
      besiegedBy: 'hts',
      bloc: 'government',
    });
    expect(placeAt(folded, 'hama', end, correction - 1)).toEqual(
      expect.objectContaining({ status: 'controlled', controller: 'saa' }),
    );
    expect(placeAt(folded, 'hama', end, correction - 1)).not.toHaveProperty('besiegedBy');
  });

  it('given a claim whose controller is corrected, when asked, then the new controller and bloc show', () => {
    const log = new TestLog();
    log.control('c1', { ...saa, time: { date: '2024-12-05' } });
    log.correct('c1', { controller: 'hts' });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', bloc: 'opposition' });
  });

  it('given the later claim has its time corrected to before the other, when asked, then the other now decides; known before, the first did', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-06' } });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' } });
    const correction = log.correct('hama-hts', { time: { date: '2024-12-04' } });
    const folded = log.fold();
    const end = local('2024-12-07');

    expect(placeAt(folded, 'hama', end)?.controller).toBe('saa');
    expect(placeAt(folded, 'hama', end, correction - 1)?.controller).toBe('hts');
  });
});

describe('control: denials added or dropped by correction', () => {
  it('given a denial corrected to deny nothing, when asked now and known before, then the place is disputed only before', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05', part: 'morning' }, sources: ['sana-1'], denies: ['hama-hts'] });
    const correction = log.correct('hama-saa', { denies: null });
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'hama', end)?.disputed).toBe(false);
    expect(placeAt(folded, 'hama', end, correction - 1)?.disputed).toBe(true);
  });

  it('given a claim corrected to deny the deciding claim, when asked, then the place is disputed', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05', part: 'morning' }, sources: ['sana-1'] });
    log.correct('hama-saa', { denies: ['hama-hts'] });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({
      controller: 'hts',
      disputed: true,
      alternatives: [{ status: 'controlled', controller: 'saa', claims: ['hama-saa'] }],
    });
  });
});

describe('control: catalog corrections and knownAt (domain.md, knownAt: the events recorded up to it)', () => {
  // the tie is decided by grade; a later SourceCorrected moves blog-1 to an A publisher
  it('given a source whose publisher is corrected after a tie was decided, when asked as known before the correction, then the publisher it had then decides', () => {
    const log = new TestLog();
    log.assess('reuters', 'A');
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' }, sources: ['blog-1'] });
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    const correction = log.append({
      type: 'SourceCorrected',
      data: {
        campaignId: 'syria-2024',
        sourceId: 'blog-1',
        changes: { publisher: 'reuters', publisherName: 'Reuters' },
        reason: 'misattributed',
      },
    });
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'hama', end)?.controller).toBe('hts');
    expect(placeAt(folded, 'hama', end, correction - 1)?.controller).toBe('saa');
  });

  it('given a place renamed after a claim, when asked as known before the rename, then the old name shows', () => {
    const log = new TestLog();
    log.control('tiyas-saa', { place: 'tiyas', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    const rename = log.append({
      type: 'PlaceCorrected',
      data: {
        campaignId: 'syria-2024',
        placeId: 'tiyas',
        changes: { name: 'T4 airbase' },
        reason: 'common name',
      },
    });
    const folded = log.fold();
    const end = local('2024-12-06');

    expect(placeAt(folded, 'tiyas', end)?.name).toBe('T4 airbase');
    expect(placeAt(folded, 'tiyas', end, rename - 1)?.name).toBe('Tiyas');
  });
});

describe('control: since and basis (rule 4)', () => {
  function given() {
    const log = new TestLog();
    log.control('c-saa', { ...saa, time: { date: '2024-12-04' }, sources: ['sana-1'] });
    log.control('c-saa-late', { ...saa, time: { date: '2024-12-05' }, sources: ['sana-1'] });
    log.control('c-hts-1', { ...hts, time: { date: '2024-12-05' }, sources: ['sohr-1'] });
    log.control('c-hts-2', { ...hts, time: { date: '2024-12-05' }, sources: ['reuters-1'] });
    log.control('c-hts-3', { ...hts, time: { date: '2024-12-06' }, sources: ['sohr-2'] });
    return log.fold();
  }

  it('given three claims share the deciding `to`, when asked, then the basis is the ones saying the same state, in log order', () => {
    expect(placeAt(given(), 'hama', local('2024-12-06'))).toMatchObject({
      controller: 'hts',
      since: '2024-12-05T21:00:00.000Z',
      basis: ['c-hts-1', 'c-hts-2'],
    });
  });

  it('given a later claim saying the same, when asked after it, then `since` is the start of the run and basis is the later claim', () => {
    expect(placeAt(given(), 'hama', local('2024-12-07'))).toMatchObject({
      controller: 'hts',
      since: '2024-12-05T21:00:00.000Z',
      basis: ['c-hts-3'],
    });
  });

  it('given the first state, when asked, then it holds since its own `to`', () => {
    expect(placeAt(given(), 'hama', local('2024-12-05'))).toMatchObject({
      controller: 'saa',
      since: '2024-12-04T21:00:00.000Z',
      basis: ['c-saa'],
    });
  });
});

describe('control: changes under way (domain.md, "Changes under way")', () => {
  it('given a capture dated to 5 Dec, when asked at the opening of its window, within it and at its end, then it is pending from the opening until it takes effect', () => {
    const log = new TestLog();
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-05') - 1)).toBeUndefined();
    expect(placeAt(folded, 'hama', local('2024-12-05'))?.pending).toEqual([
      {
        claimId: 'hama-hts',
        status: 'controlled',
        controller: 'hts',
        bloc: 'opposition',
        from: '2024-12-04T21:00:00.000Z',
        to: '2024-12-05T21:00:00.000Z',
        precision: 'day',
      },
    ]);
    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))).toMatchObject({
      status: null,
      pending: [{ claimId: 'hama-hts' }],
    });
    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ status: 'controlled', controller: 'hts', pending: [] });
  });

  it('given saa holding Hama and a capture by hts dated to 5 Dec, when asked at noon that day, then saa still holds it with the capture under way', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-03' } });
    log.control('hama-hts', { ...hts, time: { date: '2024-12-05' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))).toMatchObject({
      status: 'controlled',
      controller: 'saa',
      pending: [{ claimId: 'hama-hts', controller: 'hts', bloc: 'opposition' }],
    });
  });

  it('given a claim in its window that says what is already in effect, when asked, then it is no change under way', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-03' } });
    log.control('hama-saa-again', { ...saa, time: { date: '2024-12-05' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))?.pending).toEqual([]);
  });
});

describe('control: before the first report, inferred from takenFrom (domain.md, "Before the first report")', () => {
  const capture = { ...hts, takenFrom: 'saa', time: { date: '2024-12-05' } } as const;

  it('given a capture from saa on 5 Dec, when asked before and during its day, then saa is inferred to hold Hama until the capture takes effect', () => {
    const log = new TestLog();
    log.control('hama-hts', capture);
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-01'))).toMatchObject({
      status: 'controlled',
      controller: 'saa',
      bloc: 'government',
      inferred: true,
      basis: ['hama-hts'],
      since: null,
      lastReportedAt: null,
      pending: [],
    });
    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))).toMatchObject({
      controller: 'saa',
      inferred: true,
      pending: [{ claimId: 'hama-hts', controller: 'hts' }],
    });
    const after = placeAt(folded, 'hama', local('2024-12-06'));
    expect(after).toMatchObject({ controller: 'hts', basis: ['hama-hts'], since: '2024-12-05T21:00:00.000Z' });
    expect(after?.inferred).toBeUndefined();
  });

  it('given a direct claim of a contest on 3 Dec before the capture from saa, when asked after 3 Dec, then the direct claim decides, never the inference', () => {
    const log = new TestLog();
    log.control('hama-contested', {
      place: 'hama',
      status: 'contested',
      controller: null,
      contestedBy: 'hts',
      time: { date: '2024-12-03' },
    });
    log.control('hama-hts', capture);
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-04', '12:00'))).toMatchObject({
      status: 'contested',
      basis: ['hama-contested'],
    });
    expect(placeAt(folded, 'hama', local('2024-12-04', '12:00'))?.inferred).toBeUndefined();
    expect(placeAt(folded, 'hama', local('2024-12-02'))).toMatchObject({ controller: 'saa', inferred: true });
  });

  it('given two later claims that imply different holders, when asked before both, then the earliest implies the holder', () => {
    const log = new TestLog();
    log.control('hama-saa-back', { ...saa, takenFrom: 'hts', time: { date: '2024-12-07' } });
    log.control('hama-hts', capture);
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-01'))).toMatchObject({
      controller: 'saa',
      basis: ['hama-hts'],
      inferred: true,
    });
  });

  it('given a first claim that says what the inference says, when asked after it, then the state holds since before the first report', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-03' } });
    log.control('hama-hts', capture);
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-04'))).toMatchObject({
      controller: 'saa',
      since: null,
      lastReportedAt: '2024-12-03T21:00:00.000Z',
    });
  });
});

describe('control: claims about an area cover its places (domain.md, "Before the first report")', () => {
  const governorate: PlaceRegistration = {
    placeId: 'hama-governorate',
    name: 'Hama Governorate',
    aliases: [],
    kind: 'governorate',
    governorate: 'Hama',
    lat: null,
    lon: null,
    precision: 'unknown',
  };
  const region = (fields: Partial<ControlFields> & Pick<ControlFields, 'time'>): ControlFields => ({
    place: 'hama-governorate',
    status: 'controlled',
    controller: 'hts',
    coversPlaces: true,
    ...fields,
  });

  it('given hts taking the whole Hama governorate on 5 Dec, when asked after, then Hama city is held by hts on the region claim and a place of Homs is not', () => {
    const log = new TestLog();
    log.place(governorate);
    log.control('gov-hts', region({ time: { date: '2024-12-05' } }));
    log.control('rastan-saa', { place: 'al-rastan', status: 'controlled', controller: 'saa', time: { date: '2024-12-03' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', basis: ['gov-hts'] });
    expect(placeAt(folded, 'hama', local('2024-12-05', '12:00'))?.pending).toEqual([
      expect.objectContaining({ claimId: 'gov-hts', area: 'hama-governorate' }),
    ]);
    expect(placeAt(folded, 'al-rastan', local('2024-12-06'))).toMatchObject({ controller: 'saa', basis: ['rastan-saa'] });
  });

  it('given a region claim and the place’s own claim with the same end, when asked, then the place’s own claim decides: the exception holds', () => {
    const log = new TestLog();
    log.place(governorate);
    log.control('hama-saa', { ...saa, time: { date: '2024-12-05' } });
    log.control('gov-hts', region({ time: { date: '2024-12-05' } }));
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'saa', basis: ['hama-saa'] });
  });

  it('given the place’s own claim ending before a region claim, when asked after both, then the later region claim decides', () => {
    const log = new TestLog();
    log.place(governorate);
    log.control('hama-saa', { ...saa, time: { date: '2024-12-03' } });
    log.control('gov-hts', region({ time: { date: '2024-12-05' } }));
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-04'))).toMatchObject({ controller: 'saa' });
    expect(placeAt(folded, 'hama', local('2024-12-06'))).toMatchObject({ controller: 'hts', basis: ['gov-hts'] });
  });

  it('given a region claim followed by the place’s own later claim, when asked after both, then the place’s own claim decides', () => {
    const log = new TestLog();
    log.place(governorate);
    log.control('gov-hts', region({ time: { date: '2024-12-05' } }));
    log.control('hama-saa', { ...saa, time: { date: '2024-12-07' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-08'))).toMatchObject({ controller: 'saa', basis: ['hama-saa'] });
  });

  it('given a region claim taken from saa, when asked before it, then its places are inferred held by saa', () => {
    const log = new TestLog();
    log.place(governorate);
    log.control('gov-hts', region({ takenFrom: 'saa', time: { date: '2024-12-05' } }));
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-01'))).toMatchObject({ controller: 'saa', inferred: true, basis: ['gov-hts'] });
  });
});

describe('control: how old the information is (lastReportedAt)', () => {
  it('given Hama held since 3 Dec and reported again on 5 Dec, when asked on 7 Dec, then it was last reported at the end of 5 Dec', () => {
    const log = new TestLog();
    log.control('hama-saa', { ...saa, time: { date: '2024-12-03' } });
    log.control('hama-saa-again', { ...saa, time: { date: '2024-12-05' } });
    const folded = log.fold();

    expect(placeAt(folded, 'hama', local('2024-12-07'))).toMatchObject({
      since: '2024-12-03T21:00:00.000Z',
      lastReportedAt: '2024-12-05T21:00:00.000Z',
    });
  });
});
