import { describe, expect, it } from 'vitest';
import { daysOfChange, firstHourOfChange, type ControlDay } from '../../apps/viewer/src/first-change';
import { CampaignClock } from '../../apps/viewer/src/time';

const clock = new CampaignClock('Asia/Damascus');
const day = (d: string, byBloc: Record<string, number>, gained = {}, lost = {}): ControlDay => ({ day: d, byBloc, gained, lost });
const claim = (claimId: string, from: string, to: string) => ({ claimId, time: { from, to } });

describe('where a campaign opens: its first change', () => {
  it('given days on which nothing is held yet, then the first change is the first day a place is held', () => {
    const days = [day('2024-11-27', {}), day('2024-11-28', {}), day('2024-11-29', { opposition: 1 })];
    expect(daysOfChange(days)[0]).toBe('2024-11-29');
  });

  it('given the same counts on two days, then a holder gained or lost still makes a change', () => {
    const days = [
      day('2024-11-27', { government: 2 }),
      day('2024-11-28', { government: 1, opposition: 1 }, { opposition: 1 }, { government: 1 }),
      day('2024-11-29', { government: 1, opposition: 1 }),
      day('2024-11-30', { government: 1, opposition: 1 }, { government: 1 }, { opposition: 1 }),
    ];
    expect(daysOfChange(days)).toEqual(['2024-11-27', '2024-11-28', '2024-11-30']);
    expect(daysOfChange(days, '2024-11-29')).toEqual(['2024-11-30']);
  });

  it('given the claims of the day, then it opens on the hour in which the earliest ending one takes effect', () => {
    const claims = [
      // 28 Nov, the whole day (local): takes effect in its last hour
      claim('day', '2024-11-27T21:00:00.000Z', '2024-11-28T21:00:00.000Z'),
      // 28 Nov 14:00–15:00 local
      claim('hour', '2024-11-28T11:00:00.000Z', '2024-11-28T12:00:00.000Z'),
      // by 10:30 local on 28 Nov
      claim('by', '2024-11-27T21:00:00.000Z', '2024-11-28T07:30:00.000Z'),
      // ends on another day
      claim('earlier', '2024-11-26T21:00:00.000Z', '2024-11-27T21:00:00.000Z'),
    ];
    expect(firstHourOfChange(claims, '2024-11-28', clock, Date.parse('2024-11-26T21:00:00.000Z'))).toBe(
      '2024-11-28T07:00:00.000Z',
    );
  });

  it('given no claim ends in the window on that day, then there is no hour of change', () => {
    const claims = [claim('before', '2024-11-26T21:00:00.000Z', '2024-11-27T05:00:00.000Z')];
    expect(firstHourOfChange(claims, '2024-11-27', clock, Date.parse('2024-11-27T06:00:00.000Z'))).toBeUndefined();
  });
});
