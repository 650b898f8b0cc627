import { describe, expect, it } from 'vitest';
import { isCalendarDate, parseInstant } from './calendar';

describe('isCalendarDate', () => {
  it.each(['2024-12-06', '2024-02-29', '2017-01-13', '2000-02-29'])(
    'given %s, when checked, then it is a calendar date',
    (date) => {
      expect(isCalendarDate(date)).toBe(true);
    },
  );

  it.each([
    '2024-02-30',
    '2023-02-29',
    '1900-02-29',
    '2024-13-01',
    '2024-00-10',
    '2024-12-32',
    '2024-12-6',
    '06/12/2024',
    '2024-12-06T00:00Z',
    '',
  ])('given %s, when checked, then it is not a calendar date', (date) => {
    expect(isCalendarDate(date)).toBe(false);
  });
});

describe('parseInstant', () => {
  it('given an instant with a +03:00 offset, when parsed, then it is the UTC epoch of that moment', () => {
    expect(parseInstant('2024-12-06T05:30:00+03:00')).toBe(Date.UTC(2024, 11, 6, 2, 30));
  });

  it('given an instant in Z without seconds, when parsed, then it is that moment', () => {
    expect(parseInstant('2024-12-06T02:30Z')).toBe(Date.UTC(2024, 11, 6, 2, 30));
  });

  it('given fractional seconds, when parsed, then the milliseconds are kept', () => {
    expect(parseInstant('2024-12-06T02:30:00.250Z')).toBe(Date.UTC(2024, 11, 6, 2, 30, 0, 250));
  });

  it.each([
    '2024-12-06T05:30:00',
    '2024-12-06',
    '2024-02-30T05:30:00Z',
    '2024-12-06 05:30:00Z',
    '2024-12-06T05:30:00+0300',
    'yesterday',
  ])('given %s, when parsed, then it is not an instant', (value) => {
    expect(parseInstant(value)).toBeUndefined();
  });
});
