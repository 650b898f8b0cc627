import { describe, expect, it } from 'vitest';
import { controlAt, endOfDay } from './control.queries';
import { controlGeoJson } from './export.queries';
import { NOW } from './known-at';
import { TestLog } from '@timeline/testing';

describe('controlGeoJson: the day’s control map as points', () => {
  it('given Hama with coordinates and Tiyas with unknown ones, when exported, then Hama is a [lon, lat] point and Tiyas, with no point, is listed as unlocated', () => {
    const log = new TestLog();
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('tiyas-saa', { place: 'tiyas', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();

    const geo = controlGeoJson(ledger, controlAt(views, ledger, endOfDay(ledger, '2024-12-05'), NOW));

    expect(geo).toEqual({
      type: 'FeatureCollection',
      properties: {
        unlocated: [
          {
            place: 'tiyas',
            name: 'Tiyas',
            status: 'controlled',
            controller: 'saa',
            bloc: 'government',
            since: '2024-12-05T21:00:00.000Z',
          },
        ],
      },
      features: [
        {
          type: 'Feature',
          id: 'hama',
          geometry: { type: 'Point', coordinates: [36.7578, 35.1318] },
          properties: {
            place: 'hama',
            name: 'Hama',
            status: 'controlled',
            controller: 'hts',
            bloc: 'opposition',
            disputed: false,
            since: '2024-12-05T21:00:00.000Z',
            lastReportedAt: '2024-12-05T21:00:00.000Z',
            inferred: false,
            basis: ['hama-hts'],
            pending: [],
            precision: 'exact',
            color: '#2e7d32',
          },
        },
      ],
    });
  });

  it('given a place whose coordinates are corrected, when exported, then the point follows the correction', () => {
    const log = new TestLog();
    log.control('rastan-hts', { place: 'al-rastan', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.append({
      type: 'PlaceCorrected',
      data: {
        campaignId: 'syria-2024',
        placeId: 'al-rastan',
        changes: { lat: 34.93, lon: 36.73, precision: 'exact' },
        reason: 'survey',
      },
    });
    const { views, ledger } = log.fold();

    const [feature] = controlGeoJson(ledger, controlAt(views, ledger, endOfDay(ledger, '2024-12-05'), NOW)).features;

    expect(feature?.geometry).toEqual({ type: 'Point', coordinates: [36.73, 34.93] });
    expect(feature?.properties.precision).toBe('exact');
  });
});
