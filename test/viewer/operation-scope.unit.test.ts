import { describe, expect, it } from 'vitest';
import { boxAround } from '../../apps/viewer/src/map-frame';
import { claimsWithin, scopeOf } from '../../apps/viewer/src/operation-scope';
import { VIEWBOX } from '../../apps/viewer/src/projection';
import { CampaignClock } from '../../apps/viewer/src/time';
import type { FrameClaim } from '../../apps/viewer/src/types';

const clock = new CampaignClock('Asia/Damascus');
const WINDOW = { from: '2024-11-27', to: '2024-12-31' };
const claim = (claimId: string, from: string, to: string, place?: string) => ({ claimId, place, time: { from, to } });

describe('what an operation covers', () => {
  it('given its claims, then its places and the local days from its first claim to its last', () => {
    const scope = scopeOf(
      [
        // 2 Dec, local
        claim('a', '2024-12-01T21:00:00.000Z', '2024-12-02T21:00:00.000Z', 'hama'),
        // 5 Dec 23:00–24:00 local: the day it ends in is still 5 Dec
        claim('b', '2024-12-05T20:00:00.000Z', '2024-12-05T21:00:00.000Z', 'homs'),
        claim('c', '2024-12-03T09:00:00.000Z', '2024-12-03T10:00:00.000Z'),
      ],
      clock,
      WINDOW,
    );
    expect(scope).toMatchObject({ fromDay: '2024-12-02', toDay: '2024-12-05' });
    expect([...scope!.places].sort()).toEqual(['hama', 'homs']);
    expect(scope!.claims.size).toBe(3);
  });

  it('given a claim of years before the campaign, then its days start with the campaign’s window', () => {
    const scope = scopeOf(
      [
        claim('insurgency', '2018-12-31T21:00:00.000Z', '2019-04-30T21:00:00.000Z'),
        claim('d', '2024-12-06T09:00:00.000Z', '2024-12-06T10:00:00.000Z'),
      ],
      clock,
      WINDOW,
    );
    expect(scope).toMatchObject({ fromDay: '2024-11-27', toDay: '2024-12-06' });
    expect(scopeOf([], clock, WINDOW)).toBeUndefined();
  });

  it('given a frame, then the feed keeps the operation’s claims only', () => {
    const frameClaim = (claimId: string) => ({ claimId }) as FrameClaim;
    const scope = scopeOf([claim('a', '2024-12-01T21:00:00.000Z', '2024-12-02T21:00:00.000Z')], clock, WINDOW);
    const frame = { claims: [frameClaim('a'), frameClaim('b')], opening: [frameClaim('b')], control: [] };
    expect(claimsWithin(frame, scope)).toEqual({ claims: [frameClaim('a')], opening: [], control: [] });
    expect(claimsWithin(frame, undefined)).toBe(frame);
  });
});

describe('framing the map on an operation’s places', () => {
  const whole = VIEWBOX.split(' ').map(Number);
  const box = (points: [number, number][]) => boxAround(points).split(' ').map(Number);

  it('given places, then the box holds them all with a margin, in the map’s shape', () => {
    const [x, y, w, h] = box([
      [300, 200],
      [360, 260],
    ]);
    expect(x).toBeLessThan(300);
    expect(y).toBeLessThan(200);
    expect(x! + w!).toBeGreaterThan(360);
    expect(y! + h!).toBeGreaterThan(260);
    expect(w! / h!).toBeCloseTo(whole[2]! / whole[3]!, 2);
    expect(w).toBeLessThan(whole[2]!);
  });

  it('given no place, or one alone, then the whole map, or no less than an eighth of it', () => {
    expect(boxAround([])).toBe(VIEWBOX);
    expect(box([[300, 200]])[2]).toBeCloseTo(whole[2]! / 8, 0);
  });
});
