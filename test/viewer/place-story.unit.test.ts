import { describe, expect, it } from 'vitest';
import { ageInDays, freshness, parseFadeAfter } from '../../apps/viewer/src/age';
import { underWayAfter, underWayAt } from '../../apps/viewer/src/changes-under-way';
import { placeLook, stateInWords, type Names } from '../../apps/viewer/src/place-story';
import { CampaignClock } from '../../apps/viewer/src/time';
import type { FrameClaim, PendingChange, Place, PlaceState } from '../../apps/viewer/src/types';

// 8 December 2024, local (UTC+3): the day window [00:00, 24:00)
const DAY_8 = { from: '2024-12-07T21:00:00.000Z', to: '2024-12-08T21:00:00.000Z', precision: 'day' };
const clock = new CampaignClock('Asia/Damascus');
const names: Names = {
  faction: (id) => ({ hts: "Hay'at Tahrir al-Sham", saa: 'Syrian Arab Army' })[id] ?? id,
  bloc: (id) =>
    id === 'opposition'
      ? { id, name: 'Syrian opposition', color: '#4caf50' }
      : id === 'government'
        ? { id, name: 'Syrian government', color: '#e53935' }
        : undefined,
  claim: (id) => (id === 'homs-taken' ? "Hay'at Tahrir al-Sham controls Homs" : undefined),
};
const homs: Place = {
  placeId: 'homs',
  name: 'Homs',
  aliases: [],
  kind: 'city',
  governorate: 'Homs',
  lat: 34.73,
  lon: 36.72,
  precision: 'approximate',
};
const taking = (claimId: string, time = DAY_8): PendingChange => ({
  place: 'homs',
  claimId,
  status: 'controlled',
  controller: 'hts',
  bloc: 'opposition',
  ...time,
});
const held = (over: Partial<PlaceState> = {}): PlaceState => ({
  place: 'homs',
  status: 'controlled',
  controller: 'saa',
  bloc: 'government',
  disputed: false,
  lastReportedAt: '2024-11-29T21:00:00.000Z',
  ...over,
});
const claimEnding = (claimId: string): FrameClaim => ({
  claimId,
  type: 'control',
  time: DAY_8,
  summary: '',
  quote: '',
  place: 'homs',
  reportedAt: null,
  sources: [],
});
const frame = (
  until: string,
  { claims = [] as FrameClaim[], pending = [] as PendingChange[], control = [] as PlaceState[] } = {},
) => ({
  until,
  claims,
  pending,
  control,
});

describe('changes under way', () => {
  it('given a snapshot, when a frame opens a window, then the change joins the set until its claim takes effect', () => {
    const atStart = underWayAt([]);
    const opened = underWayAfter(atStart, frame('2024-12-07T22:00:00.000Z', { pending: [taking('homs-taken')] }));
    expect(opened.get('homs')?.map((c) => c.claimId)).toEqual(['homs-taken']);
    const later = underWayAfter(opened, frame('2024-12-08T09:00:00.000Z'));
    expect(later.get('homs')).toHaveLength(1);
    const settled = underWayAfter(later, frame('2024-12-08T21:00:00.000Z', { claims: [claimEnding('homs-taken')] }));
    expect(settled.has('homs')).toBe(false);
  });

  it('given a change under way, when a frame reaches the end of its window without its claim, then it ends', () => {
    const before = underWayAt([taking('homs-taken')]);
    expect(underWayAfter(before, frame('2024-12-08T20:00:00.000Z')).has('homs')).toBe(true);
    expect(underWayAfter(before, frame('2024-12-08T21:00:00.000Z')).has('homs')).toBe(false);
  });

  it('given a change under way, when another claim brings the place to the same state first, then it is no longer under way', () => {
    const before = underWayAt([taking('homs-taken')]);
    const reached = underWayAfter(
      before,
      frame('2024-12-08T03:00:00.000Z', { control: [held({ controller: 'hts', bloc: 'opposition' })] }),
    );
    expect(reached.has('homs')).toBe(false);
    const other = underWayAfter(before, frame('2024-12-08T03:00:00.000Z', { control: [held({ status: 'contested' })] }));
    expect(other.has('homs')).toBe(true);
  });

  it('given a place with several changes under way, then the one ending first leads and a repeat is not added twice', () => {
    const early = taking('homs-early', { from: DAY_8.from, to: '2024-12-08T03:00:00.000Z', precision: 'part-of-day' });
    const set = underWayAfter(underWayAt([taking('homs-taken'), early]), frame('2024-12-08T01:00:00.000Z', { pending: [early] }));
    expect(set.get('homs')?.map((c) => c.claimId)).toEqual(['homs-early', 'homs-taken']);
  });
});

describe('the age of a state', () => {
  it('given a state reported 9 days ago, when markers fade after 7 days, then it keeps part of its ink; after 14 days the floor', () => {
    const age = ageInDays('2024-11-29T21:00:00.000Z', '2024-12-08T21:00:00.000Z');
    expect(age).toBe(9);
    expect(freshness(age, 7)).toBeCloseTo(0.8);
    expect(freshness(7, 7)).toBe(1);
    expect(freshness(30, 7)).toBe(0.3);
    expect(ageInDays(null, '2024-12-08T21:00:00.000Z')).toBeUndefined();
    expect(freshness(undefined, 7)).toBe(1);
  });

  it('takes a whole number of days from 1 to 365 for the fade, and nothing else', () => {
    expect(parseFadeAfter('10')).toBe(10);
    expect([parseFadeAfter('0'), parseFadeAfter('2.5'), parseFadeAfter('x'), parseFadeAfter(null)]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('what a marker says', () => {
  const ctx = { clock, names, now: '2024-12-08T09:00:00.000Z', fadeAfterDays: 7 };

  it('given a holder and a capture under way, then it rings in the new bloc and names the window in local time', () => {
    const look = placeLook(homs, held(), [taking('homs-taken')], ctx);
    expect(look).toMatchObject({ bloc: 'government', pendingBloc: 'opposition', inferredFrom: '', ageDays: '8' });
    expect(look.freshness).toBeLessThan(1);
    expect(look.title.split('\n')).toEqual([
      'Homs — controlled by Syrian Arab Army (Syrian government)',
      'last reported 29 Nov · 8 days old',
      "under way: taken by Hay'at Tahrir al-Sham (Syrian opposition) between 8 Dec 00:00 and 9 Dec 00:00 (day)",
      'city, Homs; approximate coordinates',
    ]);
  });

  it('given a state inferred from a later claim, then it is faint, ageless and says whom it was taken from', () => {
    const look = placeLook(homs, held({ lastReportedAt: null, inferredFrom: 'homs-taken' }), [], ctx);
    expect(look).toMatchObject({ inferredFrom: 'homs-taken', ageDays: '', freshness: 1 });
    expect(look.title).toContain(
      "inferred from Hay'at Tahrir al-Sham controls Homs: held by Syrian Arab Army before the first report",
    );
  });

  it('given no state yet but a change under way, then the "no claim yet" marker carries the ring', () => {
    const look = placeLook(homs, undefined, [taking('homs-taken')], ctx);
    expect(look).toMatchObject({ status: 'none', bloc: '', pendingBloc: 'opposition' });
    expect(look.title).toMatch(/^Homs — no claim yet\nunder way: taken by/);
  });

  it('labels a window for the feed by its local day, or its hours within a day', () => {
    expect(clock.windowLabel(DAY_8)).toBe('8 Dec, day');
    expect(clock.windowLabel({ from: DAY_8.from, to: '2024-12-08T03:00:00.000Z', precision: 'part-of-day' })).toBe(
      '8 Dec, 00:00–06:00',
    );
    expect(clock.dayEnding('2024-11-29T21:00:00.000Z')).toBe('29 Nov');
  });
});

describe('a state in words', () => {
  const names = {
    faction: (id: string) => ({ saa: 'Syrian Arab Army', hts: 'Hayʼat Tahrir al-Sham' })[id] ?? id,
    bloc: (id: string | null) => (id === 'government' ? { id, name: 'Government', color: '#c62828' } : undefined),
    claim: () => undefined,
  };

  it('given a place contested while saa holds it, then saa is the holder and the attacker is named apart', () => {
    expect(stateInWords({ status: 'contested', controller: 'saa', contestedBy: 'hts', bloc: 'government' }, names)).toBe(
      'contested: held by Syrian Arab Army (Government), attacked by Hayʼat Tahrir al-Sham',
    );
  });

  it('given a contest with no holder, a siege and a withdrawal, then each says who does what', () => {
    expect(stateInWords({ status: 'contested', controller: null, contestedBy: 'hts', bloc: null }, names)).toBe(
      'contested: attacked by Hayʼat Tahrir al-Sham',
    );
    expect(stateInWords({ status: 'besieged', controller: 'saa', besiegedBy: 'hts', bloc: null }, names)).toBe(
      'besieged: held by Syrian Arab Army, besieged by Hayʼat Tahrir al-Sham',
    );
    expect(stateInWords({ status: 'vacated', controller: null, vacatedBy: 'saa', bloc: null }, names)).toBe(
      'vacated by Syrian Arab Army',
    );
  });
});

describe('a state in words, for a faction that is its own bloc', () => {
  it('given Islamic State holds a place Syrian Arab Army attacks, then its bloc is not named twice', () => {
    const names = {
      faction: (id: string) => ({ saa: 'Syrian Arab Army', isis: 'Islamic State' })[id] ?? id,
      bloc: (id: string | null) => (id === 'isis' ? { id, name: 'Islamic State', color: '#424242' } : undefined),
      claim: () => undefined,
    };
    expect(stateInWords({ status: 'contested', controller: 'isis', contestedBy: 'saa', bloc: 'isis' }, names)).toBe(
      'contested: held by Islamic State, attacked by Syrian Arab Army',
    );
  });
});
