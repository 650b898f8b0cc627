import { describe, expect, it } from 'vitest';
import { claimWords, logEntry, type ListedClaim, type LogNames } from '../../apps/viewer/src/claim-list';
import { folded, logAt, matchesFilter, NO_FILTER, type LogEntry } from '../../apps/viewer/src/claim-log';
import { dayDigest, dayLabel, type ControlDay } from '../../apps/viewer/src/day-digest';
import { heldScales, lastHourOf, niceStep } from '../../apps/viewer/src/held-scale';
import { CampaignClock } from '../../apps/viewer/src/time';
import type { Campaign, ControlPlace, Place } from '../../apps/viewer/src/types';

const clock = new CampaignClock('Asia/Damascus');
const campaign: Campaign = {
  campaignId: 'syria-2024',
  title: 'Syria 2024',
  timeZone: 'Asia/Damascus',
  window: { from: '2024-11-27', to: '2024-12-31' },
  blocs: [
    { id: 'opposition', name: 'Opposition', color: '#2e7d32' },
    { id: 'government', name: 'Government', color: '#c62828' },
  ],
  factions: [
    { id: 'hts', name: "Hay'at Tahrir al-Sham", bloc: 'opposition' },
    { id: 'saa', name: 'Syrian Arab Army', bloc: 'government' },
    { id: 'ruaf', name: 'Russian Air Force', bloc: 'government' },
  ],
  operations: [{ id: 'dawn', title: 'Deterrence of Aggression' }],
};
const place = (placeId: string, name: string, aliases: string[] = []): Place => ({
  placeId,
  name,
  aliases,
  kind: 'city',
  governorate: name,
  lat: 35,
  lon: 36,
  precision: 'approximate',
});
const names: LogNames = {
  campaign,
  places: new Map([
    ['hama', place('hama', 'Hama', ['Ḥamāh'])],
    ['homs', place('homs', 'Homs')],
  ]),
  sources: new Map([
    ['sohr-1', { sourceId: 'sohr-1', publisher: 'sohr', title: 'Hama falls', url: 'https://example.org/1' }],
    ['sana-1', { sourceId: 'sana-1', publisher: 'sana', title: null, url: null }],
  ]),
};
// local days (UTC+3) as UTC intervals
const DAY_5 = { from: '2024-12-04T21:00:00.000Z', to: '2024-12-05T21:00:00.000Z', precision: 'day' };
const HOUR_5_17 = { from: '2024-12-05T14:00:00.000Z', to: '2024-12-05T15:00:00.000Z', precision: 'hour' };
const DAY_4 = { from: '2024-12-03T21:00:00.000Z', to: '2024-12-04T21:00:00.000Z', precision: 'day' };

const listed = (claim: Partial<ListedClaim> & Pick<ListedClaim, 'claimId' | 'type' | 'time'>): ListedClaim => ({
  quote: 'quoted',
  sources: ['sohr-1'],
  position: 1,
  ...claim,
});
const hamaTaken = logEntry(
  listed({
    claimId: 'hama-taken',
    type: 'control',
    time: HOUR_5_17,
    place: 'hama',
    status: 'controlled',
    controller: 'hts',
    takenFrom: 'saa',
    operation: 'dawn',
    position: 3,
  }),
  names,
);
const strike = logEntry(
  listed({
    claimId: 'strike',
    type: 'incident',
    kind: 'airstrike',
    time: DAY_4,
    place: 'hama',
    actors: ['ruaf'],
    sources: ['sana-1'],
    position: 1,
  }),
  names,
);
const killed = logEntry(
  listed({
    claimId: 'killed',
    type: 'casualties',
    time: DAY_4,
    side: 'civilians',
    category: 'killed',
    count: 12,
    scope: 'incident',
    position: 2,
  }),
  names,
);
const homsUnderWay = logEntry(
  listed({
    claimId: 'homs-day',
    type: 'control',
    time: DAY_5,
    place: 'homs',
    status: 'controlled',
    controller: 'hts',
    position: 4,
  }),
  names,
);
const entries: LogEntry[] = [strike, killed, hamaTaken, homsUnderWay];

describe('the running log', () => {
  it('given claims of 4 and 5 December, at 18:00 local on the 5th, lists the change under way first, then what took effect, newest first', () => {
    const lines = logAt(entries, '2024-12-05T15:00:00.000Z');
    expect(lines.map((l) => [l.entry.claimId, l.underWay])).toEqual([
      ['homs-day', true],
      ['hama-taken', false],
      ['killed', false],
      ['strike', false],
    ]);
  });

  it('leaves out what takes effect after the instant', () => {
    expect(logAt(entries, '2024-12-05T14:00:00.000Z').map((l) => l.entry.claimId)).toEqual(['homs-day', 'killed', 'strike']);
    expect(logAt(entries, '2024-12-04T21:00:00.000Z').map((l) => l.entry.claimId)).toEqual(['killed', 'strike']);
  });

  it('narrows by type, incident kind, faction, publisher, operation and place, accents and case aside', () => {
    const only = (filter: Partial<typeof NO_FILTER>) =>
      entries.filter((e) => matchesFilter(e, { ...NO_FILTER, ...filter })).map((e) => e.claimId);
    expect(only({})).toEqual(['strike', 'killed', 'hama-taken', 'homs-day']);
    expect(only({ type: 'control' })).toEqual(['hama-taken', 'homs-day']);
    expect(only({ type: 'incident:airstrike' })).toEqual(['strike']);
    expect(only({ type: 'incident:shelling' })).toEqual([]);
    expect(only({ faction: 'saa' })).toEqual(['hama-taken']);
    expect(only({ faction: 'ruaf' })).toEqual(['strike']);
    expect(only({ publisher: 'sana' })).toEqual(['strike']);
    expect(only({ operation: 'dawn' })).toEqual(['hama-taken']);
    expect(only({ place: 'HAMAH' })).toEqual(['strike', 'hama-taken']);
    expect(only({ place: ' hom' })).toEqual(['homs-day']);
    expect(folded('Ḥamāh')).toBe('hamah');
  });

  it('says each claim in words, with its names', () => {
    expect(hamaTaken.summary).toBe("Hay'at Tahrir al-Sham controls Hama");
    expect(strike.summary).toBe('airstrike at Hama (Russian Air Force)');
    expect(killed.summary).toBe('12 civilians killed');
    expect(strike.sources).toEqual([{ sourceId: 'sana-1', publisher: 'sana', title: null, url: null }]);
    expect(
      claimWords(
        listed({ claimId: 'v', type: 'control', time: DAY_5, place: 'homs', status: 'vacated', vacatedBy: 'saa' }),
        names,
      ),
    ).toBe('Syrian Arab Army withdrew from Homs');
  });
});

const state = (p: string, name: string, controller: string | null, bloc: string | null, basis: string[] = []): ControlPlace =>
  ({ place: p, name, status: 'controlled', controller, bloc, basis, since: null }) as ControlPlace;
const day5: ControlDay = {
  day: '2024-12-05',
  byBloc: { opposition: 10, government: 30 },
  gained: { opposition: 1 },
  lost: { government: 1 },
};

describe('the day digest', () => {
  it('given Hama changing hands on 5 December, names it with the claim of the day, the blocs’ gains and losses and the day’s figures', () => {
    const digest = dayDigest({
      day: day5,
      before: [state('hama', 'Hama', 'saa', 'government'), state('homs', 'Homs', 'saa', 'government')],
      after: [state('hama', 'Hama', 'hts', 'opposition', ['hama-taken']), state('homs', 'Homs', 'saa', 'government')],
      casualties: [
        { side: 'civilians', category: 'killed', daily: { best: 12, low: 12, high: 12, openEnded: false }, preferred: null },
        { side: 'saa', category: 'killed', daily: { best: 0, low: 0, high: 0, openEnded: false }, preferred: null },
        {
          side: 'hts',
          category: 'killed',
          daily: { best: 3, low: 3, high: 3, openEnded: false },
          preferred: { count: { best: 40, low: 40, high: null, openEnded: true }, publisher: 'sohr', claimId: 'k' },
        },
      ],
      entries,
      dayOf: (t) => clock.dayOf(t),
    });
    expect(digest.blocs).toEqual([
      { bloc: 'government', held: 30, gained: 0, lost: 1 },
      { bloc: 'opposition', held: 10, gained: 1, lost: 0 },
    ]);
    expect(digest.captures.map((c) => [c.name, c.from, c.to, c.claims.map((e) => e.claimId)])).toEqual([
      ['Hama', 'saa', 'hts', ['hama-taken']],
    ]);
    expect(digest.casualties).toEqual([
      { side: 'hts', category: 'killed', best: 40, openEnded: true, publisher: 'sohr' },
      { side: 'civilians', category: 'killed', best: 12, openEnded: false, publisher: null },
    ]);
  });

  it('counts no capture for a first report, nor for a change resting on no claim of the day', () => {
    const digest = dayDigest({
      day: day5,
      before: [state('homs', 'Homs', 'saa', 'government')],
      after: [state('hama', 'Hama', 'hts', 'opposition', ['hama-taken']), state('homs', 'Homs', 'hts', 'opposition', ['strike'])],
      casualties: [],
      entries,
      dayOf: (t) => clock.dayOf(t),
    });
    expect(digest.captures).toEqual([]);
  });

  it('names a day short and long', () => {
    expect(dayLabel('2024-12-05')).toBe('5 Dec');
    expect(dayLabel('2024-12-05', true)).toBe('Thu, 5 Dec 2024');
  });
});

describe('the chart of places held', () => {
  const plot = { width: 360, height: 200, pad: { left: 40, right: 8, top: 10, bottom: 26 } };

  it('puts a column per day across the plot, and labels only as many days as fit', () => {
    const s = heldScales(34, 90, plot);
    expect(s.column).toBeCloseTo(312 / 34);
    expect(s.x(0)).toBeCloseTo(40 + 312 / 68);
    expect(s.x(33) + s.column / 2).toBeCloseTo(352);
    const gap = (s.dayTicks[1] ?? 0) - (s.dayTicks[0] ?? 0);
    expect(gap * s.column).toBeGreaterThanOrEqual(44);
    expect(s.dayTicks[0]).toBe(0);
  });

  it('counts places in round steps from 0 to at least the highest', () => {
    const s = heldScales(10, 90, plot);
    expect(s.ticks).toEqual([0, 50, 100]);
    expect(s.y(0)).toBe(174);
    expect(s.y(100)).toBe(10);
    expect(heldScales(10, 0, plot).ticks).toEqual([0, 1]);
    expect([0.3, 1, 3, 7, 23, 180].map(niceStep)).toEqual([0.5, 1, 5, 10, 50, 200]);
  });

  it('takes a day to the start of its last hour in the replay’s window', () => {
    const window = { from: '2024-11-26T21:00:00.000Z', to: '2024-12-31T21:00:00.000Z' };
    expect(new Date(lastHourOf('2024-12-05', window, (t) => clock.dayOf(t))!).toISOString()).toBe('2024-12-05T20:00:00.000Z');
    expect(lastHourOf('2025-01-05', window, (t) => clock.dayOf(t))).toBeUndefined();
  });
});
