import { describe, expect, it } from 'vitest';
import type { CampaignChanges } from '@timeline/domain';
import { CAMPAIGN_ID, TestLog } from '@timeline/testing';
import { ACLED_COLUMNS, acledLines } from './acled.table';
import { parseCsv } from './csv';
import { ucdpLines } from './ucdp.table';

/** The test campaign told its country and what kind of actor each faction is, as campaign.json does. */
function syriaLog(): TestLog {
  const log = new TestLog();
  log.append(
    {
      type: 'CampaignAmended',
      data: {
        campaignId: CAMPAIGN_ID,
        changes: {
          country: { name: 'Syria', iso: 760, iso3: 'SYR', region: 'Middle East' },
          actorTypes: { hts: 'rebel-group', saa: 'state-forces' },
        } satisfies CampaignChanges,
        reason: 'exports',
      },
    },
    'admin',
  );
  return log;
}

const acled = (log: TestLog, history = false) => parseCsv([...acledLines(log.fold().ledger, undefined, history)].join(''));
const ucdp = (log: TestLog) => parseCsv([...ucdpLines(log.fold().ledger)].join('')).rows;

const CIVILIANS = 'civilian toll: whether they were the target is not in the claim';

describe("acledLines: the claims as ACLED's table", () => {
  it("given claims, when exported, then ACLED's columns come first in ACLED's order, then the claim's own", () => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });

    const { header } = acled(log);

    expect(header.slice(0, ACLED_COLUMNS.length)).toEqual([...ACLED_COLUMNS]);
    expect(header.slice(0, 8)).toEqual([
      'event_id_cnty',
      'event_date',
      'year',
      'time_precision',
      'disorder_type',
      'event_type',
      'sub_event_type',
      'actor1',
    ]);
    expect(header.at(ACLED_COLUMNS.length)).toBe('claim_id');
  });

  it('given a claim corrected and another retracted, when exported, then one row per live claim as it stands and none for the retracted', () => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.correct('c1', { controller: 'saa' });
    log.casualties('k1', { count: 12, scope: 'incident', time: { date: '2024-12-05' } });
    log.retract('k1');

    const { rows } = acled(log);

    expect(rows.map((r) => [r.claim_id, r.revision, r.claim_status, r.controller])).toEqual([['c1', '1', 'current', 'saa']]);
  });

  it('given history, when exported, then one row per revision with its status, so a sum over current rows leaves the retracted out', () => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.correct('c1', { controller: 'saa' });
    log.casualties('k1', { count: 12, scope: 'incident', time: { date: '2024-12-05' } });
    log.retract('k1');

    const { rows } = acled(log, true);

    expect(rows.map((r) => [r.claim_id, r.revision, r.claim_status, r.fatalities])).toEqual([
      ['c1', '0', 'superseded', '0'],
      ['c1', '1', 'current', '0'],
      ['k1', '0', 'superseded', '12'],
      ['k1', '1', 'retracted', '12'],
    ]);
  });

  it.each([
    [
      { status: 'controlled', controller: 'hts', takenFrom: 'saa' },
      'Battles',
      'Non-state actor overtakes territory',
      'Political violence',
    ],
    [
      { status: 'controlled', controller: 'saa', takenFrom: 'hts' },
      'Battles',
      'Government regains territory',
      'Political violence',
    ],
    [
      { status: 'vacated', vacatedBy: 'saa' },
      'Strategic developments',
      'Non-violent transfer of territory',
      'Strategic developments',
    ],
    [{ status: 'contested', contestedBy: 'hts', controller: 'saa' }, 'Battles', 'Armed clash', 'Political violence'],
  ] as const)('given a control claim %o, when exported, then it is %s / %s', (fields, eventType, subType, disorder) => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', time: { date: '2024-12-05' }, ...fields });

    const [row] = acled(log).rows;

    expect(row).toMatchObject({ event_type: eventType, sub_event_type: subType, disorder_type: disorder });
  });

  it('given HTS taking Hama from the army, when exported, then the actors, their types and interaction, the place and the country are ACLED’s', () => {
    const log = syriaLog();
    log.control('c1', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      takenFrom: 'saa',
      time: { date: '2024-12-05' },
      sources: ['sohr-1', 'reuters-1'],
    });

    const [row] = acled(log).rows;

    expect(row).toMatchObject({
      event_id_cnty: 'SYR1',
      event_date: '2024-12-05',
      year: '2024',
      time_precision: '1',
      actor1: 'Hayʼat Tahrir al-Sham',
      inter1: '2',
      actor2: 'Syrian Arab Army',
      inter2: '1',
      interaction: '12',
      iso: '760',
      region: 'Middle East',
      country: 'Syria',
      admin1: 'Hama',
      location: 'Hama',
      latitude: '35.1318',
      longitude: '36.7578',
      geo_precision: '1',
      source: 'Syrian Observatory for Human Rights; Reuters',
      source_scale: 'National-International',
      fatalities: '0',
      timestamp: String(Math.floor(Date.parse(log.recordedAt(log.events.length)) / 1000)),
      valid_from: '2024-12-04T21:00:00.000Z',
      valid_to: '2024-12-05T21:00:00.000Z',
      valid_precision: 'day',
      written_time: '{"date":"2024-12-05"}',
      source_ids: 'sohr-1 reuters-1',
    });
  });

  it('given the army leaving a place, when exported, then the army is actor 2 of the transfer: actor 1 is who gains the ground', () => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'vacated', vacatedBy: 'saa', time: { date: '2024-12-05' } });

    const [row] = acled(log).rows;

    expect(row).toMatchObject({ actor1: '', actor2: 'Syrian Arab Army', inter2: '1', interaction: '10' });
  });

  it('given a claim that says who holds a place without saying whom it was taken from, when exported, then it is no takeover and its tag says why', () => {
    const log = syriaLog();
    log.control('c1', { place: 'tiyas', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });

    const [row] = acled(log).rows;

    expect(row).toMatchObject({
      sub_event_type: 'Other',
      tags: 'control stated: no change of hands in the claim; coordinates unknown',
      latitude: '',
      geo_precision: '1',
    });
  });

  it.each([
    [{ date: '2024-12-05', part: 'evening' }, '2024-12-05', '1'],
    [{ from: '2024-12-04', to: '2024-12-06' }, '2024-12-05', '2'],
    [{ from: '2024-11-01', to: '2024-11-30' }, '2024-11-15', '3'],
  ] as const)('given a claim dated %o, when exported, then event_date is %s with time_precision %s', (time, date, precision) => {
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time });

    const [row] = acled(log).rows;

    expect([row?.event_date, row?.time_precision]).toEqual([date, precision]);
  });

  it('given death tolls, when exported, then fatalities follow ACLED’s conservative rule and the claim’s range stays in its own columns', () => {
    const log = syriaLog();
    log.casualties('range', { count: { best: 20, low: 15, high: 30 }, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('open', { count: { best: 283, openEnded: true }, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('total', { count: 900, scope: 'cumulative', time: { date: '2024-12-05' } });
    log.casualties('wounded', { category: 'wounded', count: 40, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('same', { count: 15, scope: 'incident', corroborates: 'range', time: { date: '2024-12-05' } });
    log.casualties('doubted', { count: 99, scope: 'incident', time: { date: '2024-12-05' } });
    log.rank('doubted', 'deprecated');

    const rows = acled(log).rows;

    expect(rows.map((r) => [r.claim_id, r.fatalities, r.count_low, r.count_best, r.count_high, r.tags])).toEqual([
      ['range', '15', '15', '20', '30', CIVILIANS],
      ['open', '283', '283', '283', '', `${CIVILIANS}; open-ended count`],
      ['total', '0', '900', '900', '900', `${CIVILIANS}; cumulative killed figure`],
      ['wounded', '0', '40', '40', '40', `${CIVILIANS}; wounded=40`],
      ['same', '0', '15', '15', '15', `${CIVILIANS}; corroborates range`],
      ['doubted', '0', '99', '99', '99', `${CIVILIANS}; rank=deprecated`],
    ]);
    expect(rows[0]).toMatchObject({
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      civilian_targeting: '',
      actor2: 'Civilians (Syria)',
      inter2: '7',
      interaction: '70',
      location: 'Syria',
      geo_precision: '3',
    });
  });

  it('given a quote with commas, quotes, a newline and a leading formula sign, when exported, then it reads back unchanged', () => {
    const quote = '=He said, "Hama has fallen"\nto the opposition.';
    const log = syriaLog();
    log.control('c1', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' }, quote });

    const text = [...acledLines(log.fold().ledger)].join('');

    expect(text).toContain(`"'=He said, ""Hama has fallen""\nto the opposition."`);
    expect(parseCsv(text).rows[0]?.notes).toBe(quote);
  });
});

describe("ucdpLines: the deaths as UCDP GED's table", () => {
  it('given death tolls and other figures, when exported, then one row per incident toll, each in the death column of its side', () => {
    const log = syriaLog();
    log.casualties('civ', {
      count: { best: 20, low: 15, high: 30 },
      scope: 'incident',
      time: { date: '2024-12-05' },
      place: 'hama',
    });
    log.casualties('army', {
      side: 'saa',
      count: { best: 7, openEnded: true },
      scope: 'incident',
      time: { from: '2024-12-04', to: '2024-12-06' },
    });
    log.casualties('rebels', { side: 'hts', count: 3, scope: 'incident', time: { date: '2024-12-05' } });
    log.casualties('total', { count: 900, scope: 'cumulative', time: { date: '2024-12-05' } });
    log.casualties('wounded', { category: 'wounded', count: 40, scope: 'incident', time: { date: '2024-12-05' } });

    const rows = ucdp(log);

    expect(
      rows.map((r) => [r.relid, r.type_of_violence, r.deaths_a, r.deaths_b, r.deaths_civilians, r.best, r.low, r.high]),
    ).toEqual([
      ['civ', '3', '0', '0', '20', '20', '15', '30'],
      ['army', '1', '7', '0', '0', '7', '7', '7'],
      ['rebels', '', '0', '3', '0', '3', '3', '3'],
    ]);
    expect(rows[0]).toMatchObject({
      side_b: 'Civilians',
      date_start: '2024-12-05',
      date_end: '2024-12-05',
      date_prec: '1',
      where_prec: '1',
      adm_1: 'Hama',
      geom_wkt: 'POINT (36.7578 35.1318)',
      country: 'Syria',
      number_of_sources: '1',
    });
    expect(rows[1]).toMatchObject({
      side_a: 'Syrian Arab Army',
      date_start: '2024-12-04',
      date_end: '2024-12-06',
      date_prec: '2',
      where_prec: '6',
    });
  });
});
