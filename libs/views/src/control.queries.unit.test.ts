import { describe, expect, it } from 'vitest';
import { controlAt, controlDays, endOfDay, placeHistory } from './control.queries';
import { NOW } from './known-at';
import { local, TestLog } from '@timeline/testing';

describe('controlAt: every place at an instant, with the counts per bloc and status', () => {
  it('given a controlled, a besieged and a vacated place, when the day view is taken, then places are sorted by id and counted', () => {
    const log = new TestLog();
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('rastan-besieged', {
      place: 'al-rastan',
      status: 'besieged',
      controller: 'saa',
      besiegedBy: 'hts',
      time: { date: '2024-12-05' },
    });
    log.control('tiyas-vacated', { place: 'tiyas', status: 'vacated', vacatedBy: 'saa', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();

    const view = controlAt(views, ledger, endOfDay(ledger, '2024-12-05'), NOW);

    expect(view.at).toBe('2024-12-05T21:00:00.000Z');
    expect(view.places.map((p) => [p.place, p.status, p.controller, p.bloc])).toEqual([
      ['al-rastan', 'besieged', 'saa', 'government'],
      ['hama', 'controlled', 'hts', 'opposition'],
      ['tiyas', 'vacated', null, null],
    ]);
    expect(view.places[2]?.vacatedBy).toBe('saa');
    expect(view.summary).toEqual({
      byBloc: { government: 1, opposition: 1 },
      byStatus: { besieged: 1, controlled: 1, vacated: 1 },
    });
  });

  it('given a contested place with no holder, when the view is taken, then it counts per status but for no bloc', () => {
    const log = new TestLog();
    log.control('hama-contested', {
      place: 'hama',
      status: 'contested',
      controller: null,
      contestedBy: 'hts',
      time: { date: '2024-12-05' },
    });
    const { views, ledger } = log.fold();

    const view = controlAt(views, ledger, local('2024-12-06'), NOW);

    expect(view.places[0]).toMatchObject({ status: 'contested', controller: null, contestedBy: 'hts', bloc: null });
    expect(view.summary).toEqual({ byBloc: {}, byStatus: { contested: 1 } });
  });

  it('given claims in two operations, when filtered by operation, then only that operation’s claims decide', () => {
    const log = new TestLog();
    log.control('hama-hts', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      operation: 'hama',
    });
    log.control('rastan-hts', {
      place: 'al-rastan',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-05' },
      operation: 'homs',
    });
    const { views, ledger } = log.fold();

    expect(controlAt(views, ledger, local('2024-12-06'), NOW, 'homs').places.map((p) => p.place)).toEqual(['al-rastan']);
  });
});

describe('endOfDay: local D+1 00:00 with the zone’s historical offset', () => {
  it('given December 2024 (UTC+3) and January 2017 (UTC+2), when the end of day is asked, then it is 21:00Z and 22:00Z', () => {
    const { ledger } = new TestLog().fold();

    expect(new Date(endOfDay(ledger, '2024-12-06')).toISOString()).toBe('2024-12-06T21:00:00.000Z');
    expect(new Date(endOfDay(ledger, '2017-01-13')).toISOString()).toBe('2017-01-13T22:00:00.000Z');
  });
});

describe('controlDays: places per bloc at each day’s end, gained and lost that day', () => {
  it('given Hama taken on 5 Dec and Al-Rastan held then vacated, when the days are listed, then each bloc’s gains and losses fall on their day and a first mention is no gain', () => {
    const log = new TestLog();
    log.control('hama-saa', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-03' } });
    log.control('rastan-saa', { place: 'al-rastan', status: 'controlled', controller: 'saa', time: { date: '2024-12-04' } });
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    log.control('rastan-vacated', { place: 'al-rastan', status: 'vacated', vacatedBy: 'saa', time: { date: '2024-12-06' } });
    const { views, ledger } = log.fold();

    expect(controlDays(views, ledger, NOW)).toEqual([
      { day: '2024-12-04', byBloc: { government: 2 }, gained: {}, lost: {} },
      { day: '2024-12-05', byBloc: { government: 1, opposition: 1 }, gained: { opposition: 1 }, lost: { government: 1 } },
      { day: '2024-12-06', byBloc: { opposition: 1 }, gained: {}, lost: { government: 1 } },
      { day: '2024-12-07', byBloc: { opposition: 1 }, gained: {}, lost: {} },
      { day: '2024-12-08', byBloc: { opposition: 1 }, gained: {}, lost: {} },
    ]);
  });

  it('given one capture in the last hour of 5 Dec and one in the first hour of 6 Dec, when the days are listed, then each counts on its own day', () => {
    const log = new TestLog();
    log.control('hama-saa', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-04' } });
    log.control('rastan-saa', { place: 'al-rastan', status: 'controlled', controller: 'saa', time: { date: '2024-12-04' } });
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05', hour: 23 } });
    log.control('rastan-hts', {
      place: 'al-rastan',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-06', hour: 0 },
    });
    const { views, ledger } = log.fold();

    const days = controlDays(views, ledger, NOW);

    expect(days[1]).toEqual({
      day: '2024-12-05',
      byBloc: { government: 1, opposition: 1 },
      gained: { opposition: 1 },
      lost: { government: 1 },
    });
    expect(days[2]).toEqual({ day: '2024-12-06', byBloc: { opposition: 2 }, gained: { opposition: 1 }, lost: { government: 1 } });
  });

  it('given a capture known only later, when the days are listed as known before it, then the day shows no change', () => {
    const log = new TestLog();
    const first = log.control('hama-saa', {
      place: 'hama',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-04' },
    });
    log.control('hama-hts', { place: 'hama', status: 'controlled', controller: 'hts', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();

    expect(controlDays(views, ledger, first)[1]).toEqual({ day: '2024-12-05', byBloc: { government: 1 }, gained: {}, lost: {} });
  });
});

describe('placeHistory: only the changes of state', () => {
  it('given two claims saying the same then a change, when the history is asked, then it lists the two changes with their claims and sources', () => {
    const log = new TestLog();
    log.control('c-saa', {
      place: 'hama',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-04' },
      sources: ['sana-1'],
      quote: 'The army holds Hama.',
    });
    log.control('c-saa-again', {
      place: 'hama',
      status: 'controlled',
      controller: 'saa',
      time: { date: '2024-12-05' },
      sources: ['sana-1'],
    });
    log.control('c-hts', {
      place: 'hama',
      status: 'controlled',
      controller: 'hts',
      time: { date: '2024-12-06' },
      sources: ['sohr-1', 'reuters-1'],
      quote: 'Hama fell.',
    });
    const { views, ledger } = log.fold();

    expect(placeHistory(views, ledger, 'hama', NOW)).toEqual([
      {
        at: '2024-12-04T21:00:00.000Z',
        status: 'controlled',
        controller: 'saa',
        contestedBy: null,
        besiegedBy: null,
        vacatedBy: null,
        bloc: 'government',
        claims: [
          {
            claimId: 'c-saa',
            time: { from: '2024-12-03T21:00:00.000Z', to: '2024-12-04T21:00:00.000Z', precision: 'day' },
            // the test log's sources carry no publication date
            reportedAt: null,
            quote: 'The army holds Hama.',
            sources: [{ sourceId: 'sana-1', publisher: 'syria-defense-ministry' }],
          },
        ],
      },
      {
        at: '2024-12-06T21:00:00.000Z',
        status: 'controlled',
        controller: 'hts',
        contestedBy: null,
        besiegedBy: null,
        vacatedBy: null,
        bloc: 'opposition',
        claims: [
          {
            claimId: 'c-hts',
            time: { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' },
            reportedAt: null,
            quote: 'Hama fell.',
            sources: [
              { sourceId: 'sohr-1', publisher: 'sohr' },
              { sourceId: 'reuters-1', publisher: 'reuters' },
            ],
          },
        ],
      },
    ]);
  });

  it('given a besieged place then taken, when the history is asked, then the besieger is named on the first change', () => {
    const log = new TestLog();
    log.control('c1', { place: 'hama', status: 'besieged', controller: 'saa', besiegedBy: 'hts', time: { date: '2024-12-04' } });
    log.control('c2', { place: 'hama', status: 'controlled', controller: 'saa', time: { date: '2024-12-05' } });
    const { views, ledger } = log.fold();

    expect(placeHistory(views, ledger, 'hama', NOW).map((c) => [c.at, c.status, c.besiegedBy])).toEqual([
      ['2024-12-04T21:00:00.000Z', 'besieged', 'hts'],
      ['2024-12-05T21:00:00.000Z', 'controlled', null],
    ]);
  });
});
