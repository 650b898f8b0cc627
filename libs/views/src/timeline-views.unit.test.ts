import { describe, expect, it } from 'vitest';
import { casualtiesOn } from './casualty.queries';
import { controlAt, controlDays, endOfDay } from './control.queries';
import { NOW } from './known-at';
import { CAMPAIGN_ID, TestLog, type Folded } from '@timeline/testing';
import { TimelineViews, type ViewChange } from './timeline-views';

const DAYS = ['2024-12-04', '2024-12-05', '2024-12-06', '2024-12-07', '2024-12-08'];

/** A log with control, denials, grades, ranks, corrections, retractions and casualty claims. */
function richLog(): TestLog {
  const log = new TestLog();
  log.assess('sohr', 'B');
  log.control('hama-saa', {
    place: 'hama',
    status: 'controlled',
    controller: 'saa',
    time: { date: '2024-12-04' },
    sources: ['sana-1'],
  });
  log.control('hama-hts', {
    place: 'hama',
    status: 'controlled',
    controller: 'hts',
    time: { date: '2024-12-06' },
    sources: ['sohr-1'],
  });
  log.control('hama-denial', {
    place: 'hama',
    status: 'controlled',
    controller: 'saa',
    time: { date: '2024-12-06', part: 'morning' },
    sources: ['sana-1'],
    denies: ['hama-hts'],
  });
  log.control('rastan-saa', {
    place: 'al-rastan',
    status: 'besieged',
    controller: 'saa',
    besiegedBy: 'hts',
    time: { date: '2024-12-05' },
    sources: ['reuters-1'],
  });
  log.control('rastan-hts', {
    place: 'al-rastan',
    status: 'controlled',
    controller: 'hts',
    time: { date: '2024-12-07', by: '10:00' },
    sources: ['reuters-1'],
  });
  log.control('tiyas-vacated', {
    place: 'tiyas',
    status: 'vacated',
    vacatedBy: 'saa',
    time: { from: '2024-12-06', to: '2024-12-07' },
  });
  log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' }, sources: ['sohr-1'] });
  log.casualties('k2', {
    count: { best: 25, low: 22, high: 30 },
    scope: 'incident',
    corroborates: 'k1',
    time: { date: '2024-12-06' },
    sources: ['reuters-1'],
  });
  log.casualties('s1', { count: 571, scope: 'cumulative', time: { date: '2024-12-06' }, sources: ['sohr-2'] });
  log.casualties('w1', {
    category: 'wounded',
    count: { best: 40, low: 40, openEnded: true },
    scope: 'incident',
    time: { date: '2024-12-05' },
  });
  log.assess('reuters', 'A');
  log.rank('rastan-saa', 'preferred');
  log.correct('hama-hts', { time: { date: '2024-12-07' } });
  log.retract('w1');
  return log;
}

function answers({ views, ledger }: Folded) {
  return {
    control: DAYS.map((day) => controlAt(views, ledger, endOfDay(ledger, day), NOW)),
    casualties: DAYS.map((day) => casualtiesOn(views, ledger, day, NOW)),
    days: controlDays(views, ledger, NOW),
  };
}

describe('TimelineViews: a deterministic fold of the log', () => {
  it('given the same events folded twice into two views, when asked, then controlAt, casualtiesOn and controlDays are deep-equal', () => {
    const log = richLog();

    expect(answers(log.fold())).toEqual(answers(log.fold()));
  });

  it('given views queried after every event (so their caches are warm), when compared with a rebuild from position 0, then the answers are the same', () => {
    const log = richLog();
    const live = new TimelineViews();
    for (const event of log.events) {
      live.apply(event);
      const ledger = live.ledger(CAMPAIGN_ID);
      if (ledger) answers({ views: live, ledger });
    }

    expect(answers({ views: live, ledger: live.ledger(CAMPAIGN_ID)! })).toEqual(answers(log.fold()));
  });

  it('given a claim and its correction each applied twice, when asked, then each counts once', () => {
    const log = new TestLog();
    const recorded = log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-06' } });
    const corrected = log.correct('k1', { count: 22 });
    const { views, ledger } = log.fold();
    views.apply(log.event(recorded));
    views.apply(log.event(corrected));

    expect(casualtiesOn(views, ledger, '2024-12-06', NOW)[0]?.daily.best).toBe(22);
    expect(ledger.claims.get('k1')!.versions.map((v) => v.position)).toEqual([recorded, corrected]);
  });
});

describe('TimelineViews: the "now" cache is dropped only where an event changes something', () => {
  function warm() {
    const log = new TestLog();
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('rastan-saa', { place: 'al-rastan', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    log.control('tiyas-saa', {
      place: 'tiyas',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-05' },
      sources: ['reuters-1'],
    });
    log.casualties('k1', { count: 20, scope: 'incident', time: { date: '2024-12-05' } });
    const folded = log.fold();
    const at = endOfDay(folded.ledger, '2024-12-05');
    const before = controlAt(folded.views, folded.ledger, at, NOW);
    const apply = (position: number) => folded.views.apply(log.event(position));
    return { log, ...folded, at, before, apply };
  }
  const byPlace = (view: ReturnType<typeof controlAt>) => Object.fromEntries(view.places.map((p) => [p.place, p]));

  it('given a queried view, when a correction to Hama is applied, then Hama’s answer changes and the other places’ are unchanged', () => {
    const { log, views, ledger, at, before, apply } = warm();
    apply(log.correct('hama-hts', { controller: 'saa' }));

    const after = byPlace(controlAt(views, ledger, at, NOW));

    expect(after.hama).toMatchObject({ controller: 'saa', bloc: 'government' });
    expect(after['al-rastan']).toEqual(byPlace(before)['al-rastan']);
    expect(after.tiyas).toEqual(byPlace(before).tiyas);
    expect(controlAt(views, ledger, at, NOW).summary).toEqual({ byBloc: { government: 3 }, byStatus: { controlled: 3 } });
  });

  it('given a queried view, when a claim is moved from Hama to Al-Rastan, then both places are refreshed', () => {
    const { log, views, ledger, at, apply } = warm();
    controlAt(views, ledger, at + 24 * 3600_000, NOW);
    apply(log.correct('hama-hts', { place: 'al-rastan', time: { date: '2024-12-06' } }));

    const after = byPlace(controlAt(views, ledger, at + 24 * 3600_000, NOW));

    expect(after.hama).toBeUndefined();
    expect(after['al-rastan']).toMatchObject({ controller: 'hts', basis: ['hama-hts'] });
  });

  it('given a queried view, when a new claim for Tiyas is recorded, then Tiyas changes', () => {
    const { log, views, ledger, at, apply } = warm();
    apply(log.control('tiyas-hts', { place: 'tiyas', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } }));

    expect(byPlace(controlAt(views, ledger, at, NOW)).tiyas).toMatchObject({ controller: 'hts' });
  });

  it('given a queried view, when a regrade flips a tie, then the place changes', () => {
    const { log, views, ledger, at, apply } = warm();
    apply(
      log.control('tiyas-hts', {
        place: 'tiyas',
        status: 'controlled',
        controller: 'hts',
        time: { date: '2024-12-05' },
        sources: ['sohr-1'],
      }),
    );
    expect(byPlace(controlAt(views, ledger, at, NOW)).tiyas?.controller).toBe('hts');
    apply(log.assess('reuters', 'A'));

    expect(byPlace(controlAt(views, ledger, at, NOW)).tiyas?.controller).toBe('saa');
  });

  it('given queried casualty figures, when a count correction is applied, then the figure changes', () => {
    const { log, views, ledger, apply } = warm();
    expect(casualtiesOn(views, ledger, '2024-12-05', NOW)[0]?.daily.best).toBe(20);
    apply(log.correct('k1', { count: 24 }));

    expect(casualtiesOn(views, ledger, '2024-12-05', NOW)[0]?.daily.best).toBe(24);
  });

  it('given a listener, when a claim is moved from Hama to Al-Rastan, then it hears both places', () => {
    const { log, views, apply } = warm();
    const changes: ViewChange[] = [];
    views.onChange((change) => changes.push(change));
    apply(log.correct('hama-hts', { place: 'al-rastan' }));

    expect(changes).toEqual([{ campaignId: CAMPAIGN_ID, places: ['hama', 'al-rastan'], casualtyKeys: [] }]);
  });
});

describe('TimelineViews.knownAtPosition: an instant as the last position recorded by then', () => {
  // positions 1..9 are the catalog, recorded 09:00..09:08Z; the claims follow, a minute apart
  function given() {
    const log = new TestLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('c2', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-06' } });
    return log;
  }

  it.each([
    ['before the first event', '2024-12-10T08:59:59.999Z', 0],
    ['exactly when position 10 was recorded', '2024-12-10T09:09:00.000Z', 10],
    ['between positions 10 and 11, with an offset', '2024-12-10T12:09:30+03:00', 10],
    ['after the last event', '2024-12-11T00:00:00Z', 11],
  ])('given an instant %s (%s), when mapped, then it is position %i', (_when, instant, position) => {
    const { views } = given().fold();

    expect(views.knownAtPosition(instant)).toBe(position);
  });

  it('given no knownAt or a position, when mapped, then it is NOW or the position itself', () => {
    const { views } = given().fold();

    expect(views.knownAtPosition(undefined)).toBe(NOW);
    expect(views.knownAtPosition(10)).toBe(10);
  });

  it('given log positions with gaps (other streams in between), when an instant is mapped, then it is the real position, not an index', () => {
    const views = new TimelineViews();
    for (const event of given().events) views.apply({ ...event, position: event.position * 100 });

    expect(views.knownAtPosition('2024-12-10T09:09:30Z')).toBe(1000);
  });

  it('given an instant between two claims, when the view is asked at it, then only the first claim is known', () => {
    const folded = given().fold();
    const knownAt = folded.views.knownAtPosition('2024-12-10T09:09:30Z');

    expect(controlAt(folded.views, folded.ledger, endOfDay(folded.ledger, '2024-12-07'), knownAt).places[0]?.controller).toBe(
      'hts',
    );
  });
});

describe('TimelineViews: cached answers follow the catalog', () => {
  it('given a cached map, when a place is renamed and moved, then the next answer names and places it anew', () => {
    const log = new TestLog();
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();
    const map = () =>
      views.memo(ledger, 'control|2024-12-05', NOW, () => {
        const place = controlAt(views, ledger, endOfDay(ledger, '2024-12-05'), NOW).places[0];
        return { name: place?.name, lat: ledger.places.get('hama')?.lat };
      });
    expect(map()).toEqual({ name: 'Hama', lat: 35.1318 });

    const position = log.append({
      type: 'PlaceCorrected',
      data: { campaignId: CAMPAIGN_ID, placeId: 'hama', changes: { name: 'Hamah', lat: 35.14 }, reason: 'gazetteer spelling' },
    });
    views.apply(log.event(position));

    expect(map()).toEqual({ name: 'Hamah', lat: 35.14 });
  });
});
