import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import { normalizeTime, WrittenTime, type TimeResult, type ValidTime } from './claim-time';

const DAMASCUS = 'Asia/Damascus';

function timeOf(result: TimeResult): ValidTime {
  if (!result.ok) throw new Error(`expected a valid time, got ${JSON.stringify(result.errors)}`);
  return result.time;
}

function errorPaths(result: TimeResult): string[] {
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.time)}`);
  return result.errors.map((e) => e.path);
}

describe('normalizeTime: the written forms in Asia/Damascus, December 2024 (UTC+3)', () => {
  it('given a date, when normalised, then it covers local midnight to midnight with day precision', () => {
    expect(timeOf(normalizeTime({ date: '2024-12-06' }, DAMASCUS))).toEqual({
      from: '2024-12-05T21:00:00.000Z',
      to: '2024-12-06T21:00:00.000Z',
      precision: 'day',
    });
  });

  it.each([
    ['early-hours', '2024-12-05T21:00:00.000Z', '2024-12-06T03:00:00.000Z'],
    ['morning', '2024-12-06T03:00:00.000Z', '2024-12-06T09:00:00.000Z'],
    ['afternoon', '2024-12-06T09:00:00.000Z', '2024-12-06T15:00:00.000Z'],
    ['evening', '2024-12-06T15:00:00.000Z', '2024-12-06T18:00:00.000Z'],
    ['night', '2024-12-06T18:00:00.000Z', '2024-12-06T21:00:00.000Z'],
  ] as const)(
    'given a date and the part %s, when normalised, then it covers %s to %s with part-of-day precision',
    (part, from, to) => {
      expect(timeOf(normalizeTime({ date: '2024-12-06', part }, DAMASCUS))).toEqual({ from, to, precision: 'part-of-day' });
    },
  );

  it.each([
    [0, '2024-12-05T21:00:00.000Z', '2024-12-05T22:00:00.000Z'],
    [14, '2024-12-06T11:00:00.000Z', '2024-12-06T12:00:00.000Z'],
    [23, '2024-12-06T20:00:00.000Z', '2024-12-06T21:00:00.000Z'],
  ])('given a date and hour %i, when normalised, then it covers that local hour (%s to %s)', (hour, from, to) => {
    expect(timeOf(normalizeTime({ date: '2024-12-06', hour }, DAMASCUS))).toEqual({ from, to, precision: 'hour' });
  });

  it('given a date and by 19:00, when normalised, then it runs from local midnight to 19:00 local with by precision', () => {
    expect(timeOf(normalizeTime({ date: '2024-12-06', by: '19:00' }, DAMASCUS))).toEqual({
      from: '2024-12-05T21:00:00.000Z',
      to: '2024-12-06T16:00:00.000Z',
      precision: 'by',
    });
  });

  it('given a date and by 19:30, when normalised, then the minutes are kept', () => {
    expect(timeOf(normalizeTime({ date: '2024-12-06', by: '19:30' }, DAMASCUS)).to).toBe('2024-12-06T16:30:00.000Z');
  });

  it('given a date and by 24:00, when normalised, then it ends at the next local midnight', () => {
    expect(timeOf(normalizeTime({ date: '2024-12-06', by: '24:00' }, DAMASCUS))).toEqual({
      from: '2024-12-05T21:00:00.000Z',
      to: '2024-12-06T21:00:00.000Z',
      precision: 'by',
    });
  });

  it('given from and to dates, when normalised, then it runs from the first local midnight to the midnight after the last day', () => {
    expect(timeOf(normalizeTime({ from: '2024-11-27', to: '2024-12-08' }, DAMASCUS))).toEqual({
      from: '2024-11-26T21:00:00.000Z',
      to: '2024-12-08T21:00:00.000Z',
      precision: 'multi-day',
    });
  });

  it('given from and to the same date, when normalised, then it covers that one day with multi-day precision', () => {
    expect(timeOf(normalizeTime({ from: '2024-12-06', to: '2024-12-06' }, DAMASCUS))).toEqual({
      from: '2024-12-05T21:00:00.000Z',
      to: '2024-12-06T21:00:00.000Z',
      precision: 'multi-day',
    });
  });

  it('given from and to instants with offsets, when normalised, then the interval is exactly those instants in UTC', () => {
    expect(timeOf(normalizeTime({ from: '2024-12-06T05:30:00+03:00', to: '2024-12-06T07:15:00+03:00' }, DAMASCUS))).toEqual({
      from: '2024-12-06T02:30:00.000Z',
      to: '2024-12-06T04:15:00.000Z',
      precision: 'exact',
    });
  });

  it('given instants written with different offsets and Z, when normalised, then each is converted by its own offset', () => {
    expect(timeOf(normalizeTime({ from: '2024-12-06T02:30Z', to: '2024-12-06T10:00:00.5+05:30' }, DAMASCUS))).toEqual({
      from: '2024-12-06T02:30:00.000Z',
      to: '2024-12-06T04:30:00.500Z',
      precision: 'exact',
    });
  });

  it('given a day and the next day, when normalised, then the first ends exactly where the second starts (ends are exclusive)', () => {
    const sixth = timeOf(normalizeTime({ date: '2024-12-06' }, DAMASCUS));
    const seventh = timeOf(normalizeTime({ date: '2024-12-07' }, DAMASCUS));
    expect(sixth.to).toBe(seventh.from);
    expect(seventh.from).toBe('2024-12-06T21:00:00.000Z');
  });
});

describe('normalizeTime: historical offsets of Asia/Damascus', () => {
  it('given a January 2017 date, when normalised, then the day starts at 22:00 UTC the evening before (UTC+2)', () => {
    expect(timeOf(normalizeTime({ date: '2017-01-15' }, DAMASCUS))).toEqual({
      from: '2017-01-14T22:00:00.000Z',
      to: '2017-01-15T22:00:00.000Z',
      precision: 'day',
    });
  });

  it('given a January 2017 date and the morning, when normalised, then 06:00-12:00 local is 04:00-10:00 UTC', () => {
    expect(timeOf(normalizeTime({ date: '2017-01-15', part: 'morning' }, DAMASCUS))).toEqual({
      from: '2017-01-15T04:00:00.000Z',
      to: '2017-01-15T10:00:00.000Z',
      precision: 'part-of-day',
    });
  });

  it('given the Palmyra window in dates, when normalised, then both ends use the winter offset UTC+2', () => {
    expect(timeOf(normalizeTime({ from: '2017-01-13', to: '2017-03-02' }, DAMASCUS))).toEqual({
      from: '2017-01-12T22:00:00.000Z',
      to: '2017-03-02T22:00:00.000Z',
      precision: 'multi-day',
    });
  });

  it('given the day clocks sprang forward at midnight (2017-03-31), when normalised, then the day starts at the jump and lasts 23 hours', () => {
    expect(timeOf(normalizeTime({ date: '2017-03-31' }, DAMASCUS))).toEqual({
      from: '2017-03-30T22:00:00.000Z',
      to: '2017-03-31T21:00:00.000Z',
      precision: 'day',
    });
  });

  it('given the day clocks fell back (2017-10-26, 24:00 → 23:00), when normalised, then the day lasts 25 hours', () => {
    expect(timeOf(normalizeTime({ date: '2017-10-26' }, DAMASCUS))).toEqual({
      from: '2017-10-25T21:00:00.000Z',
      to: '2017-10-26T22:00:00.000Z',
      precision: 'day',
    });
  });

  it('given a campaign in UTC, when a date is normalised, then the day is midnight to midnight UTC', () => {
    expect(timeOf(normalizeTime({ date: '2024-12-06' }, 'UTC'))).toEqual({
      from: '2024-12-06T00:00:00.000Z',
      to: '2024-12-07T00:00:00.000Z',
      precision: 'day',
    });
  });
});

describe('normalizeTime: errors name the field', () => {
  it('given 2024-02-30, when normalised, then the error is at time.date', () => {
    expect(errorPaths(normalizeTime({ date: '2024-02-30' }, DAMASCUS))).toEqual(['time.date']);
  });

  it('given a date written 6 Dec 2024, when normalised, then the error is at time.date', () => {
    expect(errorPaths(normalizeTime({ date: '6 Dec 2024' }, DAMASCUS))).toEqual(['time.date']);
  });

  it('given a part and an hour, when normalised, then it is rejected at time.part', () => {
    expect(errorPaths(normalizeTime({ date: '2024-12-06', part: 'morning', hour: 7 }, DAMASCUS))).toEqual(['time.part']);
  });

  it('given an hour and a by, when normalised, then it is rejected at time.hour', () => {
    expect(errorPaths(normalizeTime({ date: '2024-12-06', hour: 7, by: '19:00' }, DAMASCUS))).toEqual(['time.hour']);
  });

  it('given by 00:00, when normalised, then it is rejected at time.by (an empty interval)', () => {
    expect(errorPaths(normalizeTime({ date: '2024-12-06', by: '00:00' }, DAMASCUS))).toEqual(['time.by']);
  });

  it('given by 24:30, when normalised, then it is rejected at time.by (past the end of the day)', () => {
    expect(errorPaths(normalizeTime({ date: '2024-12-06', by: '24:30' }, DAMASCUS))).toEqual(['time.by']);
  });

  it('given a to date before the from date, when normalised, then the error is at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-08', to: '2024-12-06' }, DAMASCUS))).toEqual(['time.to']);
  });

  it('given a to instant before the from instant, when normalised, then the error is at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06T10:00:00+03:00', to: '2024-12-06T09:00:00+03:00' }, DAMASCUS))).toEqual([
      'time.to',
    ]);
  });

  it('given from and to the same instant, when normalised, then the empty interval is rejected at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06T10:00:00+03:00', to: '2024-12-06T07:00:00Z' }, DAMASCUS))).toEqual([
      'time.to',
    ]);
  });

  it('given a from instant without an offset, when normalised, then the error is at time.from', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06T05:30:00', to: '2024-12-06T07:00:00+03:00' }, DAMASCUS))).toEqual([
      'time.from',
    ]);
  });

  it('given a to instant without an offset, when normalised, then the error is at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06T05:30:00+03:00', to: '2024-12-06T07:00:00' }, DAMASCUS))).toEqual([
      'time.to',
    ]);
  });

  it('given an instant on a day that does not exist, when normalised, then the error is at time.from', () => {
    expect(errorPaths(normalizeTime({ from: '2024-02-30T05:30:00Z', to: '2024-03-01T07:00:00Z' }, DAMASCUS))).toEqual([
      'time.from',
    ]);
  });

  it('given a from date and a to instant, when normalised, then the mix is rejected at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06', to: '2024-12-07T07:00:00+03:00' }, DAMASCUS))).toEqual(['time.to']);
  });

  it('given a date and a from together, when normalised, then it is rejected at time.from', () => {
    expect(errorPaths(normalizeTime({ date: '2024-12-06', from: '2024-12-06', to: '2024-12-07' }, DAMASCUS))).toEqual([
      'time.from',
    ]);
  });

  it.each([
    [{ part: 'night' as const }, 'time.part'],
    [{ hour: 5 }, 'time.hour'],
    [{ by: '19:00' }, 'time.by'],
  ])('given %o without a date, when normalised, then it is rejected at %s', (written, path) => {
    expect(errorPaths(normalizeTime(written, DAMASCUS))).toEqual([path]);
  });

  it('given a from without a to, when normalised, then the error is at time.to', () => {
    expect(errorPaths(normalizeTime({ from: '2024-12-06' }, DAMASCUS))).toEqual(['time.to']);
  });

  it('given no time fields at all, when normalised, then the error is at time', () => {
    expect(errorPaths(normalizeTime({}, DAMASCUS))).toEqual(['time']);
  });

  it('given a batch path, when a date is invalid, then the error is under that path', () => {
    expect(errorPaths(normalizeTime({ date: '2024-02-30' }, DAMASCUS, 'claims.3.time'))).toEqual(['claims.3.time.date']);
  });
});

describe('WrittenTime schema', () => {
  it('given an unknown key in time, when parsed, then it is rejected naming the key', () => {
    const result = parseWith(WrittenTime, { date: '2024-12-06', when: 'dawn' }, 'time');
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['time.when']);
  });

  it('given hour 24, when parsed, then it is rejected at time.hour', () => {
    const result = parseWith(WrittenTime, { date: '2024-12-06', hour: 24 }, 'time');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['time.hour']);
  });

  it('given by 7pm, when parsed, then it is rejected at time.by', () => {
    const result = parseWith(WrittenTime, { date: '2024-12-06', by: '7pm' }, 'time');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['time.by']);
  });

  it('given an unknown part of day, when parsed, then it is rejected at time.part', () => {
    const result = parseWith(WrittenTime, { date: '2024-12-06', part: 'dawn' }, 'time');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['time.part']);
  });

  it('given a date and a part, when parsed, then the written time is kept as is', () => {
    expect(parseWith(WrittenTime, { date: '2024-12-06', part: 'night' })).toEqual({
      ok: true,
      value: { date: '2024-12-06', part: 'night' },
    });
  });
});
