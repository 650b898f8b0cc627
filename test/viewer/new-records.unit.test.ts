import * as domain from '@timeline/domain';
import { describe, expect, it } from 'vitest';
import { conflictVerdict } from '../../apps/viewer/src/conflict-verdict';
import { placeProblems } from '../../apps/viewer/src/field-problems';
import { localInstant } from '../../apps/viewer/src/local-time';
import { claimInput, type ClaimFormValues } from '../../apps/viewer/src/new-claim-input';
import { placeIdOf } from '../../apps/viewer/src/place-choice';
import { placeMove, placeRegistration } from '../../apps/viewer/src/place-registration';
import { coordinateDecimals, pointAt } from '../../apps/viewer/src/point-on-map';
import { project, unproject } from '../../apps/viewer/src/projection';
import { knownPublishers } from '../../apps/viewer/src/publishers';
import { sourceRegistration, suggestedSourceId } from '../../apps/viewer/src/source-registration';

describe('a point picked on the map', () => {
  it('given any lon/lat around Syria, when projected and projected back, then it is the same point', () => {
    for (const [lon, lat] of [
      [36.75, 35.13],
      [35.2, 37.5],
      [42.6, 32.1],
      [38.2777, 34.5567],
    ] as const) {
      const [x, y] = project(lon, lat);
      const [lon2, lat2] = unproject(x, y);
      expect(lon2).toBeCloseTo(lon, 10);
      expect(lat2).toBeCloseTo(lat, 10);
    }
  });

  it('given a click, then the point is rounded to what a pixel at that zoom can tell', () => {
    expect(coordinateDecimals(0.015)).toBe(2);
    expect(coordinateDecimals(0.0009)).toBe(4);
    expect(coordinateDecimals(1e-9)).toBe(5);
    expect(coordinateDecimals(3)).toBe(2);
    const [x, y] = project(36.751234, 35.131234);
    // the whole map: about one map unit to a pixel
    expect(pointAt(x, y, 1)).toEqual({ lat: 35.13, lon: 36.75, decimals: 2 });
    // zoomed in sixteen times
    expect(pointAt(x, y, 1 / 16)).toEqual({ lat: 35.1312, lon: 36.7512, decimals: 4 });
  });
});

describe('a source as the form assembles it', () => {
  const known = knownPublishers(
    [{ publisher: 'sohr', name: 'Syrian Observatory for Human Rights', kind: 'monitor' }],
    [{ publisher: 'wikipedia', publisherName: 'Wikipedia', publisherKind: 'encyclopedia' }, { publisher: 'unnamed' }],
  );
  const values = {
    sourceId: 'sohr-2024-12-05-hama',
    title: ' Hama falls ',
    publisher: 'sohr',
    newPublisher: { publisher: '', name: '', kind: 'monitor' },
    url: '',
    date: '2024-12-05',
    time: '',
    language: 'ar',
    note: '',
  };

  it('given publishers listed and those of sources, then both are offered by name, those with no name or kind left out', () => {
    expect(known.map((p) => p.publisher)).toEqual(['sohr', 'wikipedia']);
  });

  it('given a known publisher, then its name and kind are filled in from what is known of it', () => {
    expect(sourceRegistration(values, known, 'Asia/Damascus')).toEqual({
      sourceId: 'sohr-2024-12-05-hama',
      publisher: 'sohr',
      publisherName: 'Syrian Observatory for Human Rights',
      publisherKind: 'monitor',
      title: 'Hama falls',
      publishedAt: '2024-12-05',
      language: 'ar',
    });
  });

  it('given a new publisher and a time of publication, then they go as written, the time with the zone offset of that day', () => {
    const body = sourceRegistration(
      {
        ...values,
        publisher: '',
        newPublisher: { publisher: 'enab-baladi', name: 'Enab Baladi', kind: 'news-agency' },
        time: '14:30',
        url: 'https://example.org/a',
      },
      known,
      'Asia/Damascus',
    );
    expect(body).toMatchObject({
      publisher: 'enab-baladi',
      publisherName: 'Enab Baladi',
      publisherKind: 'news-agency',
      url: 'https://example.org/a',
      publishedAt: '2024-12-05T14:30:00+03:00',
    });
    expect(domain.SourceRegistration.safeParse(body).success).toBe(true);
  });

  it('given Syria in winter 2017 and in December 2024, then local times carry the offsets of the day', () => {
    expect(localInstant('2017-01-20', '09:05', 'Asia/Damascus')).toBe('2017-01-20T09:05:00+02:00');
    expect(localInstant('2024-12-08', '00:00', 'Asia/Damascus')).toBe('2024-12-08T00:00:00+03:00');
  });

  it('given a publisher, a date and a title, then the id suggested is a slug of them', () => {
    expect(suggestedSourceId('sohr', '2024-12-05', 'Ḥamā: the “city” falls, says SOHR today')).toBe(
      'sohr-2024-12-05-hama-the-city-falls-says',
    );
  });
});

describe('a place as the form assembles it', () => {
  const place = {
    placeId: 'test-village',
    name: 'Test village',
    aliases: 'Tast, Test',
    kind: 'village',
    governorate: 'Hama',
    parent: '',
    lat: '35.13',
    lon: '36.75',
    precision: 'approximate',
    coordinatesFrom: 'picked on the map',
  };

  it('given coordinates picked, then the registration carries them as numbers with their precision and origin', () => {
    const body = placeRegistration(place);
    expect(body).toEqual({
      placeId: 'test-village',
      name: 'Test village',
      aliases: ['Tast', 'Test'],
      kind: 'village',
      governorate: 'Hama',
      lat: 35.13,
      lon: 36.75,
      precision: 'approximate',
      coordinatesFrom: 'picked on the map',
    });
    expect(domain.PlaceRegistration.safeParse(body).success).toBe(true);
  });

  it('given a place typed by its id, a name or an alias, then it is that place; an ambiguous name is none', () => {
    const places = [
      {
        placeId: 'al-rastan',
        name: 'Al-Rastan',
        aliases: ['Rastan'],
        kind: 'town',
        governorate: 'Homs',
        lat: 34.92,
        lon: 36.73,
        precision: 'approximate' as const,
      },
      {
        placeId: 'tiyas',
        name: 'Tiyas Military Airbase',
        aliases: ['T4'],
        kind: 'base',
        governorate: 'Homs',
        lat: null,
        lon: null,
        precision: 'unknown' as const,
      },
      {
        placeId: 'tiyas-village',
        name: 'Tiyas',
        aliases: ['T4'],
        kind: 'village',
        governorate: 'Homs',
        lat: null,
        lon: null,
        precision: 'unknown' as const,
      },
    ];
    expect(placeIdOf(places, 'al-rastan')).toBe('al-rastan');
    expect(placeIdOf(places, ' rastan ')).toBe('al-rastan');
    expect(placeIdOf(places, 'al rastan')).toBe('al-rastan');
    expect(placeIdOf(places, 'T4')).toBeUndefined();
    expect(placeIdOf(places, 'Palmyra')).toBeUndefined();
  });

  it('given a place no source locates, then it has no coordinates', () => {
    expect(placeRegistration({ ...place, precision: 'unknown' })).toMatchObject({ lat: null, lon: null, precision: 'unknown' });
  });

  it('given a move, then the correction carries the coordinates and the reason', () => {
    const body = placeMove(place, ' the gazetteer had the wrong village ');
    expect(body).toEqual({
      lat: 35.13,
      lon: 36.75,
      precision: 'approximate',
      coordinatesFrom: 'picked on the map',
      reason: 'the gazetteer had the wrong village',
    });
    expect(domain.PlaceCorrection.safeParse(body).success).toBe(true);
  });
});

describe('a claim as the form assembles it', () => {
  const blank: ClaimFormValues = {
    type: 'control',
    operation: '',
    time: { precision: 'day', date: '2024-12-05', part: 'morning', hour: '', by: '', toDate: '' },
    sources: ['sohr-2024-12-05-hama'],
    quote: ' Hama fell. ',
    note: '',
    place: 'hama',
    status: 'controlled',
    controller: 'hts',
    contestedBy: 'sna',
    besiegedBy: '',
    vacatedBy: 'saa',
    takenFrom: 'saa',
    side: 'civilians',
    category: 'killed',
    best: '',
    low: '',
    high: '',
    openEnded: false,
    scope: 'incident',
    faction: 'hts',
    settlements: '',
    areaKm2: '',
    kind: 'airstrike',
    actors: [],
  };

  it('given a control claim, then only the factions its status names are sent', () => {
    const body = claimInput(blank);
    expect(body).toEqual({
      type: 'control',
      time: { date: '2024-12-05' },
      sources: ['sohr-2024-12-05-hama'],
      quote: 'Hama fell.',
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      takenFrom: 'saa',
    });
    expect(domain.ClaimInput.safeParse(body).success).toBe(true);
    expect(claimInput({ ...blank, status: 'contested', controller: '' })).toMatchObject({
      status: 'contested',
      contestedBy: 'sna',
    });
    expect(claimInput({ ...blank, status: 'contested', controller: '' })).not.toHaveProperty('controller');
  });

  it('given each precision, then the written time is the form the service takes', () => {
    const time = (t: Partial<ClaimFormValues['time']>) => claimInput({ ...blank, time: { ...blank.time, ...t } }).time;
    expect(time({ precision: 'part-of-day' })).toEqual({ date: '2024-12-05', part: 'morning' });
    expect(time({ precision: 'hour', hour: '14' })).toEqual({ date: '2024-12-05', hour: 14 });
    expect(time({ precision: 'by', by: '18:30' })).toEqual({ date: '2024-12-05', by: '18:30' });
    expect(time({ precision: 'multi-day', toDate: '2024-12-07' })).toEqual({ from: '2024-12-05', to: '2024-12-07' });
  });

  it('given a casualty count with "at least", then it is a count object; a single number stays a number', () => {
    const casualties = { ...blank, type: 'casualties' as const, place: '' };
    expect(claimInput({ ...casualties, best: '1,283' })).toMatchObject({ count: 1283, side: 'civilians', scope: 'incident' });
    const body = claimInput({ ...casualties, best: '283', low: '283', openEnded: true });
    expect(body.count).toEqual({ best: 283, low: 283, openEnded: true });
    expect(body).not.toHaveProperty('place');
    expect(domain.ClaimInput.safeParse(body).success).toBe(true);
  });

  it('given a number that does not read as one, then it goes as typed, for the service to name beside its field', () => {
    expect(claimInput({ ...blank, type: 'territory', settlements: 'a dozen' })).toMatchObject({ settlements: 'a dozen' });
  });

  it('given an incident with actors, then they are sent with its kind', () => {
    const body = claimInput({ ...blank, type: 'incident', actors: ['hts', 'saa'], operation: 'hama' });
    expect(body).toEqual({
      type: 'incident',
      operation: 'hama',
      time: { date: '2024-12-05' },
      sources: ['sohr-2024-12-05-hama'],
      quote: 'Hama fell.',
      kind: 'airstrike',
      place: 'hama',
      actors: ['hts', 'saa'],
    });
    expect(domain.ClaimInput.safeParse(body).success).toBe(true);
  });
});

describe("the service's messages beside the fields", () => {
  it('given problems at and below the fields, then each goes to its nearest field and the rest to the form', () => {
    const { byField, rest } = placeProblems(
      ['time', 'sources', 'count.best', 'quote'],
      [
        { path: 'time.date', message: 'must be a calendar date' },
        { path: 'sources.1', message: 'unknown source' },
        { path: 'count', message: 'expected number' },
        { path: 'claimId', message: 'is taken' },
        { path: '', message: 'the claim is not valid' },
      ],
    );
    expect(Object.fromEntries(byField)).toEqual({
      time: ['must be a calendar date'],
      sources: ['unknown source'],
      'count.best': ['expected number'],
    });
    expect(rest.map((p) => p.path)).toEqual(['claimId', '']);
  });
});

describe('a conflict ranked', () => {
  it('given exactly one claim preferred, then it is resolved; none or both, it is not', () => {
    expect(
      conflictVerdict([
        { claimId: 'a', rank: 'preferred' },
        { claimId: 'b', rank: 'normal' },
      ]),
    ).toEqual({
      resolved: true,
      preferred: 'a',
    });
    expect(
      conflictVerdict([
        { claimId: 'a', rank: 'normal' },
        { claimId: 'b', rank: 'normal' },
      ]).resolved,
    ).toBe(false);
    expect(
      conflictVerdict([
        { claimId: 'a', rank: 'preferred' },
        { claimId: 'b', rank: 'preferred' },
      ]).resolved,
    ).toBe(false);
  });
});
