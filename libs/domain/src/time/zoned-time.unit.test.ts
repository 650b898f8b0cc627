import { describe, expect, it } from 'vitest';
import { addDays, dayBounds, isValidTimeZone, localDateOf, localToUtc, offsetAt, wallClockAt } from './zoned-time';

const DAMASCUS = 'Asia/Damascus';

describe('offsetAt', () => {
  it('given an instant in January 2017, when the Damascus offset is asked, then it is UTC+2', () => {
    expect(offsetAt(Date.UTC(2017, 0, 15, 12), DAMASCUS)).toBe(7_200_000);
  });

  it('given an instant in December 2024, when the Damascus offset is asked, then it is UTC+3', () => {
    expect(offsetAt(Date.UTC(2024, 11, 6, 12), DAMASCUS)).toBe(10_800_000);
  });

  it('given an instant with milliseconds, when the offset is asked, then the milliseconds do not leak into it', () => {
    expect(offsetAt(Date.UTC(2024, 11, 6, 12, 0, 0, 999), DAMASCUS)).toBe(10_800_000);
  });
});

describe('localToUtc', () => {
  it('given local midnight of 6 December 2024 in Damascus, when converted, then it is 21:00 UTC the day before', () => {
    expect(new Date(localToUtc('2024-12-06', 0, DAMASCUS)).toISOString()).toBe('2024-12-05T21:00:00.000Z');
  });

  it('given local midnight of 15 January 2017 in Damascus, when converted, then it is 22:00 UTC the day before', () => {
    expect(new Date(localToUtc('2017-01-15', 0, DAMASCUS)).toISOString()).toBe('2017-01-14T22:00:00.000Z');
  });

  it('given 24:00 as minutes of the day, when converted, then it rolls into the next local midnight', () => {
    expect(localToUtc('2024-12-31', 24 * 60, DAMASCUS)).toBe(localToUtc('2025-01-01', 0, DAMASCUS));
    expect(new Date(localToUtc('2024-12-31', 24 * 60, DAMASCUS)).toISOString()).toBe('2024-12-31T21:00:00.000Z');
  });

  it('given a local midnight skipped by spring-forward (2017-03-31), when converted, then the later offset wins', () => {
    expect(new Date(localToUtc('2017-03-31', 0, DAMASCUS)).toISOString()).toBe('2017-03-30T22:00:00.000Z');
  });
});

describe('wallClockAt and localDateOf', () => {
  it('given 21:30 UTC on 5 December 2024, when read on a Damascus clock, then it is 00:30 on 6 December', () => {
    expect(wallClockAt(Date.UTC(2024, 11, 5, 21, 30), DAMASCUS)).toEqual({
      year: 2024,
      month: 12,
      day: 6,
      hour: 0,
      minute: 30,
      second: 0,
    });
  });

  it('given the last millisecond before local midnight, when its local date is asked, then it is still the earlier day', () => {
    expect(localDateOf(Date.UTC(2024, 11, 5, 20, 59, 59, 999), DAMASCUS)).toBe('2024-12-05');
    expect(localDateOf(Date.UTC(2024, 11, 5, 21, 0, 0, 0), DAMASCUS)).toBe('2024-12-06');
  });
});

describe('dayBounds', () => {
  it('given 6 December 2024 in Damascus, when its bounds are asked, then they are 21:00 UTC to 21:00 UTC', () => {
    expect(dayBounds('2024-12-06', DAMASCUS)).toEqual({
      start: Date.UTC(2024, 11, 5, 21),
      end: Date.UTC(2024, 11, 6, 21),
    });
  });
});

describe('addDays', () => {
  it.each([
    ['2024-12-31', 1, '2025-01-01'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2024-12-06', 0, '2024-12-06'],
  ])('given %s plus %i days, when added, then it is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
  });
});

describe('isValidTimeZone', () => {
  it.each(['Asia/Damascus', 'UTC', 'Europe/Moscow'])('given %s, when checked, then it is a time zone', (zone) => {
    expect(isValidTimeZone(zone)).toBe(true);
  });

  it.each(['Mars/Olympus_Mons', 'Damascus', ''])('given %j, when checked, then it is not a time zone', (zone) => {
    expect(isValidTimeZone(zone)).toBe(false);
  });
});
