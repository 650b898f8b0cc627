import { describe, expect, it } from 'vitest';
import { controlAt } from './control.queries';
import { placesPassing } from './control-filter';
import { NOW } from './known-at';
import { local, TestLog } from '@timeline/testing';

/** hama (35.13 N, 36.75 E) and al-rastan (34.93 N, 36.73 E) have coordinates; tiyas has none. */
function dayMap() {
  const log = new TestLog();
  log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
  log.control('rastan-hts', { place: 'al-rastan', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
  log.control('tiyas-vacated', { place: 'tiyas', status: 'vacated', vacatedBy: 'saa', time: { date: '2024-12-05' } });
  const { views, ledger } = log.fold();
  return { ledger, view: controlAt(views, ledger, local('2024-12-06'), NOW) };
}

const ids = (states: { place: string }[]) => states.map((s) => s.place);

describe('placesPassing: the part of a control map a client asks for', () => {
  it('given a box around hama only, then only hama passes, and a place without coordinates never does', () => {
    const { ledger, view } = dayMap();

    const inBox = placesPassing(ledger.catalog, view.places, { bbox: { west: 36, south: 35, east: 37, north: 36 } }, NOW);
    const everywhere = placesPassing(
      ledger.catalog,
      view.places,
      { bbox: { west: -180, south: -90, east: 180, north: 90 } },
      NOW,
    );

    expect(ids(inBox)).toEqual(['hama']);
    expect(ids(everywhere)).toEqual(['al-rastan', 'hama']);
  });

  it('given places named, then those places pass in the map’s order, with or without coordinates', () => {
    const { ledger, view } = dayMap();

    expect(ids(placesPassing(ledger.catalog, view.places, { places: ['tiyas', 'al-rastan'] }, NOW))).toEqual([
      'al-rastan',
      'tiyas',
    ]);
  });

  it('given a box and places, then a place must be named and in the box', () => {
    const { ledger, view } = dayMap();
    const filter = { places: ['hama', 'al-rastan', 'tiyas'], bbox: { west: 36, south: 34, east: 37, north: 35 } };

    expect(ids(placesPassing(ledger.catalog, view.places, filter, NOW))).toEqual(['al-rastan']);
  });
});
