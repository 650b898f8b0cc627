import { describe, expect, it } from 'vitest';
import {
  figuresLearnedLater,
  latestSources,
  placesLearnedLater,
  revealedHow,
  revelation,
} from '../../apps/viewer/src/learned-later';
import { linkTo, readLink } from '../../apps/viewer/src/link';
import { delayInWords, newsOfThePast } from '../../apps/viewer/src/report-delay';
import { CampaignClock } from '../../apps/viewer/src/time';
import type { CasualtyDay, ClaimRecord, ControlPlace, ControlView, SourceRef } from '../../apps/viewer/src/types';

const clock = new CampaignClock('Asia/Damascus');
const HOUR = 3_600_000;
// 18:00 local on 5 December 2024 (UTC+3)
const AT = '2024-12-05T15:00:00.000Z';
// a source published during 5 December, local: public by the end of that day
const DAY_5 = { from: '2024-12-04T21:00:00.000Z', to: '2024-12-05T21:00:00.000Z', precision: 'day' };

const state = (place: string, over: Partial<ControlPlace> = {}): ControlPlace => ({
  place,
  name: place[0]!.toUpperCase() + place.slice(1),
  status: 'controlled',
  controller: 'saa',
  bloc: 'government',
  disputed: false,
  lastReportedAt: null,
  since: null,
  basis: [`${place}-held`],
  ...over,
});
const view = (...places: ControlPlace[]): ControlView => ({ at: AT, places });
const source = (sourceId: string, published: SourceRef['published']): SourceRef => ({
  sourceId,
  publisher: sourceId.split('-')[0]!,
  published,
});
/** A claim as the service reads it back, with the `reportedAt` the service gave it. */
const claim = (
  claimId: string,
  sources: SourceRef[],
  reportedAt: string | null,
  history: ClaimRecord['history'] = [],
): ClaimRecord => ({
  claimId,
  quote: '',
  retracted: false,
  reportedAt,
  sourceDetails: sources,
  history: history.length ? history : [{ revision: 0, position: 1, event: 'ControlClaimed', reportedAt, sources }],
});

describe('what the world learned later about places', () => {
  const hamaTaken = state('hama', {
    controller: 'hts',
    bloc: 'opposition',
    since: AT,
    basis: ['hama-full-control'],
  });

  it('given Hama taken as known now and still the government’s as reported by then, then Hama is listed with both states', () => {
    const now = view(hamaTaken, state('homs'));
    const reported = view(state('hama', { inferred: true }), state('homs'));
    expect(placesLearnedLater(now, reported)).toEqual([
      { place: 'hama', name: 'Hama', now: hamaTaken, then: state('hama', { inferred: true }) },
    ]);
  });

  it('given a place known now of which nothing had been reported, then it is listed with nothing then; a place reported alike is not', () => {
    const listed = placesLearnedLater(view(state('homs'), state('aleppo')), view(state('aleppo', { basis: ['other'] })));
    expect(listed.map((p) => [p.place, p.then])).toEqual([['homs', undefined]]);
  });

  it('given the same holder for another bloc, or a dispute only one view has, then the place differs', () => {
    expect(placesLearnedLater(view(state('homs')), view(state('homs', { bloc: 'other' })))).toHaveLength(1);
    expect(placesLearnedLater(view(state('homs')), view(state('homs', { disputed: true })))).toHaveLength(1);
  });

  it('lists places by name', () => {
    const listed = placesLearnedLater(view(state('idlib'), state('aleppo'), state('hama')), view());
    expect(listed.map((p) => p.name)).toEqual(['Aleppo', 'Hama', 'Idlib']);
  });
});

describe('what the world learned later about casualties', () => {
  const figure = (side: string, best: number | null, openEnded = false) => ({
    side,
    category: 'killed',
    daily: { best: 0, low: 0, high: 0, openEnded: false },
    preferred: best === null ? null : { count: { best, low: best, high: null, openEnded }, publisher: null, claimId: null },
  });
  const day = (...figures: ReturnType<typeof figure>[]): CasualtyDay => ({ day: '2024-12-05', figures });

  it('given figures raised, first known or unchanged since, then the changed ones are listed by side with their counts in words', () => {
    const now = day(figure('saa', 64, true), figure('civilians', 114, true), figure('sna', 7), figure('russia', 1));
    const reported = day(figure('saa', 56, true), figure('civilians', 97, true), figure('sna', 7), figure('russia', null));
    expect(figuresLearnedLater(now, reported)).toEqual([
      { side: 'civilians', category: 'killed', now: '114+', then: '97+' },
      { side: 'russia', category: 'killed', now: '1', then: null },
      { side: 'saa', category: 'killed', now: '64+', then: '56+' },
    ]);
  });
});

describe('the report that made a state known', () => {
  it('given two claims behind a state, then the source published first names it, public by the end of its publication', () => {
    const cnn = source('cnn-hama', DAY_5);
    const sohr = source('sohr-hama', { from: null, to: '2024-12-06T21:00:00.000Z', precision: 'by' });
    const found = revelation([
      claim('hama-entered', [sohr], sohr.published?.to ?? null),
      claim('hama-full-control', [cnn, source('undated', null)], DAY_5.to),
    ]);
    expect(found).toEqual({ claimId: 'hama-full-control', source: cnn, reportedAt: DAY_5.to });
  });

  it('given claims whose sources are all undated, then no report made the state known', () => {
    expect(revelation([claim('a', [source('x', null)], null), claim('b', [], null)])).toBeUndefined();
  });

  it('given a corrected claim, then the sources its correction cited date it, not those of its first version', () => {
    const first = source('sohr-first', DAY_5);
    const correction = source('sana-correction', { from: null, to: '2024-12-07T21:00:00.000Z', precision: 'by' });
    const corrected = claim('rastan', [first], '2024-12-07T21:00:00.000Z', [
      { revision: 0, position: 1, event: 'ControlClaimed', reportedAt: DAY_5.to, sources: [first] },
      { revision: 1, position: 9, event: 'ClaimCorrected', reportedAt: '2024-12-07T21:00:00.000Z', sources: [correction] },
      { revision: 2, position: 12, event: 'ClaimRanked', reportedAt: null, sources: [] },
    ]);
    expect(latestSources(corrected)).toEqual([correction]);
    expect(revelation([corrected])).toEqual({ claimId: 'rastan', source: correction, reportedAt: '2024-12-07T21:00:00.000Z' });
  });
});

describe('how a report stands to the state known now', () => {
  it('given a holder inferred before the first report, then the report is the one it is inferred from; a reported state was made known by it', () => {
    // Salamiyah: SOHR's report that HTS entered it says whom it was taken from, not that the army held it
    expect(revealedHow(state('salamiyah', { inferred: true, basis: ['salamiyah-entered'] }))).toBe(
      'Inferred from the report of ',
    );
    expect(revealedHow(state('hama', { controller: 'hts', bloc: 'opposition', since: AT }))).toBe('Made known by ');
  });
});

describe('how late the news came', () => {
  it('words a delay in hours up to two days, then in days', () => {
    expect(delayInWords(20 * 60_000)).toBe('under an hour');
    expect(delayInWords(HOUR)).toBe('1 h');
    expect(delayInWords(6 * HOUR)).toBe('6 h');
    expect(delayInWords(47 * HOUR)).toBe('47 h');
    expect(delayInWords(48 * HOUR)).toBe('2 days');
    expect(delayInWords(10.4 * 24 * HOUR)).toBe('10 days');
  });

  it('given a claim that took effect at 18:00 on 5 December and was public by midnight, then it is news of 5 Dec reported 6 h later', () => {
    const claim = { time: { from: DAY_5.from, to: AT, precision: 'by' }, reportedAt: DAY_5.to };
    expect(newsOfThePast(claim, clock)).toBe('news of 5 Dec, reported 6 h later');
    expect(newsOfThePast({ ...claim, reportedAt: null }, clock)).toBe('news of 5 Dec');
  });
});

describe('the shared link', () => {
  const at = (search: string) => new URL(`https://timeline.example/${search}`) as unknown as Location;

  it('keeps a replay as reported as view=reported, and reads nothing else as that view', () => {
    const url = linkTo({ campaign: 'syria-2024', at: AT, view: 'reported' }, at(''));
    expect(url).toBe('https://timeline.example/?campaign=syria-2024&at=2024-12-05T15%3A00%3A00.000Z&view=reported');
    expect(readLink(at(new URL(url).search)).view).toBe('reported');
    expect(readLink(at('?campaign=syria-2024&view=known')).view).toBeUndefined();
    expect(readLink(at('?campaign=syria-2024')).view).toBeUndefined();
  });
});
