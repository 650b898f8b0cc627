import { describe, expect, it } from 'vitest';
import { NOW } from './known-at';
import { territoryOn } from './territory.queries';
import { TestLog } from '@timeline/testing';

const empty = { daily: { settlements: 0, areaKm2: 0, claims: [] }, cumulative: {} };

describe('territoryOn: places gained and lost per faction that day (from control)', () => {
  function given() {
    const log = new TestLog();
    log.control('hama-saa', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-04' } });
    log.control('rastan-saa', { place: 'al-rastan', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    log.control('hama-hts', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-06', part: 'afternoon' },
    });
    log.control('rastan-vacated', { place: 'al-rastan', status: 'vacated', vacatedBy: 'saa', time: { date: '2024-12-06' } });
    return log.fold();
  }

  it('given Hama taken by hts and Al-Rastan vacated by saa on 6 Dec, when 6 Dec is asked, then hts gained Hama and saa lost both', () => {
    const { views, ledger } = given();

    expect(territoryOn(views, ledger, '2024-12-06', NOW)).toEqual([
      { faction: 'hts', bloc: 'opposition', gained: ['hama'], lost: [], reported: empty },
      { faction: 'saa', bloc: 'government', gained: [], lost: ['al-rastan', 'hama'], reported: empty },
    ]);
  });

  it('given Al-Rastan first reported held by saa at the end of 5 Dec, when 5 Dec is asked, then that first mention is no gain', () => {
    const { views, ledger } = given();

    expect(territoryOn(views, ledger, '2024-12-05', NOW)).toEqual([]);
  });

  it('given Al-Rastan taken by saa from hts at the end of 5 Dec, when 5 Dec and 6 Dec are asked, then the gain and the loss are on 5 Dec only', () => {
    const log = new TestLog();
    log.control('rastan-saa', {
      place: 'al-rastan',
      status: 'controlled',
      controller: 'saa',
      takenFrom: 'hts',
      time: { date: '2024-12-05' },
    });
    const { views, ledger } = log.fold();

    expect(territoryOn(views, ledger, '2024-12-05', NOW)).toEqual([
      { faction: 'hts', bloc: 'opposition', gained: [], lost: ['al-rastan'], reported: empty },
      { faction: 'saa', bloc: 'government', gained: ['al-rastan'], lost: [], reported: empty },
    ]);
    expect(territoryOn(views, ledger, '2024-12-06', NOW)).toEqual([]);
  });

  it('given a day with no change, when asked, then no faction is listed', () => {
    const { views, ledger } = given();

    expect(territoryOn(views, ledger, '2024-12-07', NOW)).toEqual([]);
  });
});

describe('territoryOn: settlements and area reported', () => {
  function given() {
    const log = new TestLog();
    log.territory('t-inc-1', { faction: 'hts', settlements: 5, areaKm2: 120, scope: 'incident', time: { date: '2024-12-06' } });
    log.territory('t-inc-2', {
      faction: 'hts',
      settlements: 3,
      scope: 'incident',
      time: { date: '2024-12-06', part: 'morning' },
    });
    log.territory('t-inc-5dec', { faction: 'hts', settlements: 7, scope: 'incident', time: { date: '2024-12-05' } });
    log.territory('t-cum-sohr-40', {
      faction: 'hts',
      settlements: 40,
      areaKm2: 900,
      scope: 'cumulative',
      time: { date: '2024-12-05' },
      sources: ['sohr-1'],
    });
    log.territory('t-cum-sohr-52', {
      faction: 'hts',
      settlements: 52,
      scope: 'cumulative',
      time: { date: '2024-12-06' },
      sources: ['sohr-2'],
    });
    log.territory('t-cum-sohr-70', {
      faction: 'hts',
      settlements: 70,
      scope: 'cumulative',
      time: { date: '2024-12-07' },
      sources: ['sohr-1'],
    });
    log.territory('t-cum-reuters', {
      faction: 'hts',
      areaKm2: 1000,
      scope: 'cumulative',
      time: { date: '2024-12-06', part: 'morning' },
      sources: ['reuters-1'],
    });
    return log;
  }

  it('given incident and cumulative reports, when 6 Dec is asked, then incidents of the day are summed and each publisher’s latest total is shown', () => {
    const { views, ledger } = given().fold();

    expect(territoryOn(views, ledger, '2024-12-06', NOW)).toEqual([
      {
        faction: 'hts',
        bloc: 'opposition',
        gained: [],
        lost: [],
        reported: {
          daily: { settlements: 8, areaKm2: 120, claims: ['t-inc-1', 't-inc-2'] },
          cumulative: {
            sohr: { settlements: 52, areaKm2: null, claimId: 't-cum-sohr-52' },
            reuters: { settlements: null, areaKm2: 1000, claimId: 't-cum-reuters' },
          },
        },
      },
    ]);
  });

  it('given an incident report retracted later, when asked now and known before, then it is summed only before', () => {
    const log = given();
    const retraction = log.retract('t-inc-1');
    const { views, ledger } = log.fold();

    expect(territoryOn(views, ledger, '2024-12-06', NOW)[0]?.reported.daily).toEqual({
      settlements: 3,
      areaKm2: 0,
      claims: ['t-inc-2'],
    });
    expect(territoryOn(views, ledger, '2024-12-06', retraction - 1)[0]?.reported.daily).toEqual({
      settlements: 8,
      areaKm2: 120,
      claims: ['t-inc-1', 't-inc-2'],
    });
  });
});
