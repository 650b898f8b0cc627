import { describe, expect, it } from 'vitest';
import { controlAt, endOfDay } from './control.queries';
import { claimsCsv, controlGeoJson } from './export.queries';
import { NOW } from './known-at';
import { TestLog } from '@timeline/testing';

/** RFC 4180 rows: quoted cells may hold commas, doubled quotes and newlines. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}

function records(csv: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(csv);
  return rows.map((row) => Object.fromEntries(header.map((column, i) => [column, row[i] ?? ''])));
}

describe('claimsCsv: one row per claim revision', () => {
  it('given a control claim and its correction and a casualty claim, when exported, then the header and three rows come out in log order', () => {
    const log = new TestLog();
    log.control(
      'c1',
      {
        place: 'hama',
        status: 'controlled',
        controller: 'hts',
        time: { date: '2024-12-05' },
        sources: ['sohr-1', 'reuters-1'],
        operation: 'hama',
      },
      'alice',
    );
    log.correct('c1', { controller: 'saa' }, ['sana-1'], 'bob');
    log.casualties('k1', {
      count: { best: 283, low: 283, openEnded: true },
      scope: 'incident',
      time: { from: '2024-12-04', to: '2024-12-05' },
    });
    const { ledger } = log.fold();

    const csv = claimsCsv(ledger);
    const rows = records(csv);

    expect(csv.split('\n')[0]).toBe(
      'claim_id,revision,event,recorded_at,actor,type,operation,time_from,time_to,time_precision,time_precision_code,place,place_name,governorate,' +
        'latitude,longitude,geo_precision,status,controller,contested_by,besieged_by,vacated_by,bloc,side,category,count_low,count_best,count_high,' +
        'open_ended,scope,settlements,area_km2,incident_kind,actors,sources,publishers,attributed_to,rank,retracted,reported_at,quote',
    );
    expect(csv.endsWith('\n')).toBe(true);
    expect(rows.map((r) => [r.claim_id, r.revision, r.event, r.actor, r.controller, r.bloc])).toEqual([
      ['c1', '0', 'ControlClaimed', 'alice', 'hts', 'opposition'],
      ['c1', '1', 'ClaimCorrected', 'bob', 'saa', 'government'],
      ['k1', '0', 'CasualtiesReported', 'editor', '', ''],
    ]);
    expect(rows[0]).toMatchObject({
      recorded_at: '2024-12-10T09:09:00.000Z',
      type: 'control',
      operation: 'hama',
      time_from: '2024-12-04T21:00:00.000Z',
      time_to: '2024-12-05T21:00:00.000Z',
      time_precision: 'day',
      time_precision_code: '1',
      place: 'hama',
      place_name: 'Hama',
      governorate: 'Hama',
      latitude: '35.1318',
      longitude: '36.7578',
      geo_precision: 'exact',
      status: 'controlled',
      sources: 'sohr-1;reuters-1',
      publishers: 'sohr;reuters',
      rank: 'normal',
      retracted: 'false',
    });
    expect(rows[2]).toMatchObject({
      time_precision: 'multi-day',
      time_precision_code: '2',
      side: 'civilians',
      category: 'killed',
      count_low: '283',
      count_best: '283',
      count_high: '',
      open_ended: 'true',
      scope: 'incident',
    });
  });

  it('given a quote with commas, quotes and a newline, when exported, then the cell is quoted with doubled quotes and reads back unchanged', () => {
    const quote = 'He said, "Hama has fallen"\nto the opposition.';
    const log = new TestLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' }, quote });
    const { ledger } = log.fold();

    const csv = claimsCsv(ledger);

    expect(csv).toContain('"He said, ""Hama has fallen""\nto the opposition."');
    expect(records(csv)[0]?.quote).toBe(quote);
  });

  it('given a quote with only a line break, when exported, then the cell is quoted so the row stays one record', () => {
    const log = new TestLog();
    log.control('c1', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      quote: 'Hama\nfell',
    });
    const { ledger } = log.fold();

    expect(claimsCsv(ledger).trimEnd().split('\n').slice(-2)).toEqual([expect.stringMatching(/,"Hama$/), 'fell"']);
  });

  it.each([
    ['=HYPERLINK("http://x")', '"\'=HYPERLINK(""http://x"")"'],
    ['=1+2', "'=1+2"],
    ['+1 dead', "'+1 dead"],
    ['@SUM(A1)', "'@SUM(A1)"],
  ])(
    'given a quote starting with a formula sign (%s), when exported, then the cell is neutralised with a leading apostrophe',
    (quote, cell) => {
      const log = new TestLog();
      log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' }, quote });
      const { ledger } = log.fold();

      expect(claimsCsv(ledger).trimEnd().split(',').at(-1)).toBe(cell);
    },
  );
});

describe('controlGeoJson: the day’s control map as points', () => {
  it('given Hama with coordinates and Tiyas with unknown ones, when exported, then Hama is a [lon, lat] point and Tiyas has null geometry', () => {
    const log = new TestLog();
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('tiyas-saa', { place: 'tiyas', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();

    const geo = controlGeoJson(ledger, controlAt(views, ledger, endOfDay(ledger, '2024-12-05'), NOW));

    expect(geo).toEqual({
      type: 'FeatureCollection',
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
        {
          type: 'Feature',
          id: 'tiyas',
          geometry: null,
          properties: {
            place: 'tiyas',
            name: 'Tiyas',
            status: 'controlled',
            controller: 'saa',
            bloc: 'government',
            disputed: false,
            since: '2024-12-05T21:00:00.000Z',
            lastReportedAt: '2024-12-05T21:00:00.000Z',
            inferred: false,
            basis: ['tiyas-saa'],
            pending: [],
            precision: 'unknown',
            color: '#c62828',
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
