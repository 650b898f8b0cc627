import { describe, expect, it } from 'vitest';
import { floorToLocalHour } from './local-hour';

describe('floorToLocalHour', () => {
  it('floors an instant to the start of its local hour', () => {
    expect(new Date(floorToLocalHour(Date.parse('2024-12-05T10:42:00Z'), 'Asia/Damascus')).toISOString()).toBe(
      '2024-12-05T10:00:00.000Z',
    );
    expect(new Date(floorToLocalHour(Date.parse('2017-01-15T10:42:00Z'), 'Asia/Kolkata')).toISOString()).toBe(
      '2017-01-15T10:30:00.000Z',
    );
  });
});
