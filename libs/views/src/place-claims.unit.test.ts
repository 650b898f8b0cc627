import { describe, expect, it } from 'vitest';
import type { PlaceRegistration } from '@timeline/domain';
import { type ControlFields, TestLog } from '@timeline/testing';
import { entryAt, entryAtInstant, PlaceClaims, placeTimeline, timelineOf, type TimelineEntry } from './control';

const GOVERNORATE: PlaceRegistration = {
  placeId: 'hama-governorate',
  name: 'Hama Governorate',
  aliases: [],
  kind: 'governorate',
  governorate: 'Hama',
  lat: null,
  lon: null,
  precision: 'unknown',
};
const FACTIONS = ['hts', 'saa', 'sna', 'sdf'];
const PUBLISHERS = ['sohr', 'reuters', 'aleppo-blog', 'syria-defense-ministry'];
const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
const DAYS = ['2024-12-03', '2024-12-04', '2024-12-05', '2024-12-06'];
const PARTS = [undefined, 'morning', 'evening'] as const;
const STATUSES = ['controlled', 'contested', 'besieged', 'vacated'] as const;

/** A seeded generator (mulberry32), so a failure names a history that can be replayed. */
function prng(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  return { next, pick };
}

/**
 * A history of one place and a governorate covering it, mixing what can move a claim's weight:
 * its own corrections, retractions and ranks, denials, area claims, sources registered again
 * under another publisher, publishers regraded and the area registered again.
 */
function history(seed: number): TestLog {
  const random = prng(seed);
  const log = new TestLog();
  log.place(GOVERNORATE);
  const sources = ['sohr-1', 'reuters-1', 'sana-1', 'blog-1'];
  const claims: string[] = [];
  for (let i = 0; i < 60; i++) {
    const roll = random.next();
    const existing = claims.length ? random.pick(claims) : undefined;
    if (roll < 0.4 || !existing) {
      const status = random.pick(STATUSES);
      const area = random.next() < 0.25;
      const fields: ControlFields = {
        place: area ? GOVERNORATE.placeId : 'hama',
        status,
        controller: status === 'vacated' ? null : random.pick(FACTIONS),
        ...(status === 'vacated' ? { vacatedBy: random.pick(FACTIONS) } : {}),
        ...(status === 'contested' ? { contestedBy: random.pick(FACTIONS) } : {}),
        ...(random.next() < 0.3 ? { takenFrom: random.pick(FACTIONS) } : {}),
        ...(area ? { coversPlaces: random.next() < 0.8 } : {}),
        ...(existing && random.next() < 0.2 ? { denies: [existing] } : {}),
        ...(random.next() < 0.15 ? { attributedTo: random.pick(PUBLISHERS) } : {}),
        time: { date: random.pick(DAYS), ...(random.pick(PARTS) ? { part: random.pick(PARTS) } : {}) },
        sources: [random.pick(sources)],
      };
      const claimId = `c${i}`;
      log.control(claimId, fields);
      claims.push(claimId);
    } else if (roll < 0.55) log.correct(existing, { controller: random.pick(FACTIONS) }, [random.pick(sources)]);
    else if (roll < 0.62) log.correct(existing, { time: { date: random.pick(DAYS) } }, [random.pick(sources)]);
    else if (roll < 0.66) log.correct(existing, { place: random.next() < 0.5 ? 'hama' : 'al-rastan' });
    else if (roll < 0.7) log.retract(existing);
    else if (roll < 0.76) log.rank(existing, random.pick(['preferred', 'deprecated', 'normal'] as const));
    else if (roll < 0.86) log.assess(random.pick(PUBLISHERS), random.pick(GRADES));
    else if (roll < 0.94) {
      const sourceId = `extra-${i}`;
      log.source(sourceId, null, random.pick(PUBLISHERS));
      sources.push(sourceId);
    } else if (roll < 0.97)
      log.source(random.pick(sources.filter((s) => s.startsWith('extra-')).concat('blog-1')), null, random.pick(PUBLISHERS));
    else log.place({ ...GOVERNORATE, governorate: random.next() < 0.5 ? 'Hama' : 'Homs' });
  }
  return log;
}

const withoutRunStart = ({ runStart: _, ...entry }: TimelineEntry) => entry;

describe('PlaceClaims: a place’s claims weighed at one position after another', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])(
    'given generated history %i, when weighed at every position in turn, then each position’s timeline is the one computed afresh',
    (seed) => {
      const log = history(seed);
      const { views, ledger } = log.fold();
      const claims = new PlaceClaims(ledger, 'hama', views.grades);
      for (let knownAt = 0; knownAt <= log.position; knownAt++)
        expect(timelineOf(claims.candidatesAt(ledger, knownAt)), `at position ${knownAt}`).toEqual(
          placeTimeline(ledger, 'hama', knownAt),
        );
    },
  );

  it.each([11, 12, 13, 14])(
    'given generated history %i, when weighed at positions skipping some, then each is as computed afresh, and earlier positions too',
    (seed) => {
      const log = history(seed);
      const { views, ledger } = log.fold();
      const random = prng(seed);
      const claims = new PlaceClaims(ledger, 'hama', views.grades);
      const positions = [...Array(log.position + 1).keys()].filter(() => random.next() < 0.3);
      for (const knownAt of [...positions, Math.floor(log.position / 2)])
        expect(timelineOf(claims.candidatesAt(ledger, knownAt)), `at position ${knownAt}`).toEqual(
          placeTimeline(ledger, 'hama', knownAt),
        );
    },
  );
});

describe('entryAtInstant: the entry in effect at an instant, without the rest of the timeline', () => {
  it.each([21, 22, 23, 24, 25, 26])(
    'given generated history %i, when asked at instants across the days and known at every position, then it is the timeline’s entry',
    (seed) => {
      const log = history(seed);
      const { ledger } = log.fold();
      const instants = [
        -Infinity,
        ...DAYS.flatMap((day) => [0, 6, 12, 18, 24].map((h) => Date.parse(`${day}T00:00:00Z`) + h * 3_600_000 - 1)),
      ];
      for (let knownAt = 0; knownAt <= log.position; knownAt += 3) {
        const timeline = placeTimeline(ledger, 'hama', knownAt);
        for (const at of instants) {
          const expected = entryAt(timeline, at);
          const actual = entryAtInstant(placeTimeline(ledger, 'hama', knownAt).windows, at);
          expect(actual, `known at ${knownAt}, at ${at}`).toEqual(expected && withoutRunStart(expected));
        }
      }
    },
  );
});
