import { randomUUID } from 'node:crypto';
import Redis from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryRoomRegistry, ROOM_LEASE_MS, type RoomRegistry, type RoomState } from '@timeline/application';
import { RedisRoomRegistry } from '../../apps/api/src/replay/redis-rooms';
import { REDIS_URL, redisOrSkip } from '../support/redis';

const PREFIX = `test-${randomUUID().slice(0, 8)}`;
let redis: Redis | undefined;

beforeAll(async () => {
  if (await redisOrSkip()) redis = new Redis(REDIS_URL);
});

afterAll(async () => {
  const keys = (await redis?.keys(`${PREFIX}:*`)) ?? [];
  if (keys.length) await redis?.del(...keys);
  await redis?.quit();
});

const state = (sessionId: string, next = 0): RoomState => ({
  sessionId,
  request: { campaignId: 'syria-2024', speed: 1, room: 'r' },
  pinnedPosition: 7,
  next,
  seq: next,
});

/** What every registry does, whether rooms live in memory or in Redis. */
const registries: [string, () => RoomRegistry | undefined][] = [
  ['memory', () => new MemoryRoomRegistry()],
  ['Redis', () => redis && new RedisRoomRegistry(redis, `${PREFIX}-${randomUUID().slice(0, 4)}`)],
];

describe.each(registries)('a room in the %s registry is held by one session', (_, open) => {
  it('given a room claimed by a session, when another claims or renews it, then it is refused and the room is unchanged', async (ctx) => {
    const rooms = open();
    if (!rooms) return ctx.skip();
    expect(await rooms.claim('r', state('first'))).toBe(true);
    expect(await rooms.claim('r', state('second'))).toBe(false);
    expect(await rooms.renew('r', state('second', 5))).toBe(false);
    expect(await rooms.get('r')).toEqual(state('first'));
    expect(await rooms.sessionIn('r')).toBe('first');
  });

  it('given a held room, when its session renews it, then its progress is recorded', async (ctx) => {
    const rooms = open();
    if (!rooms) return ctx.skip();
    await rooms.claim('r', state('first'));
    expect(await rooms.renew('r', state('first', 12))).toBe(true);
    expect((await rooms.get('r'))?.next).toBe(12);
  });

  it('given a held room, when another session releases it, then it stays; when its own does, then it is free', async (ctx) => {
    const rooms = open();
    if (!rooms) return ctx.skip();
    await rooms.claim('r', state('first'));
    await rooms.release('r', 'second');
    expect(await rooms.sessionIn('r')).toBe('first');
    await rooms.release('r', 'first');
    expect(await rooms.sessionIn('r')).toBeUndefined();
    expect(await rooms.get('r')).toBeUndefined();
    expect(await rooms.claim('r', state('second'))).toBe(true);
  });

  it('given a room that is free (its lease ran out), when its session renews it, then it holds it again', async (ctx) => {
    const rooms = open();
    if (!rooms) return ctx.skip();
    expect(await rooms.renew('r', state('first', 3))).toBe(true);
    expect(await rooms.sessionIn('r')).toBe('first');
  });
});

describe('a room in Redis is a lease of the instance driving it', () => {
  it('given a room held by one instance, when another renews it for the same session, then it is refused and the lease is not extended', async (ctx) => {
    if (!redis) return ctx.skip();
    const [a, b] = [new RedisRoomRegistry(redis, PREFIX), new RedisRoomRegistry(redis, PREFIX)];
    const key = `${PREFIX}:replay:lease:shared`;
    expect(await a.claim('shared', state('s'))).toBe(true);
    expect(await redis.hget(key, 'holder')).toBe(a.holder);
    await new Promise((r) => setTimeout(r, 300));
    const before = await redis.pttl(key);
    expect(await b.renew('shared', state('s', 9))).toBe(false);
    expect(await redis.pttl(key)).toBeLessThanOrEqual(before);
    expect((await a.get('shared'))?.next).toBe(0);
    await b.release('shared', 's');
    expect(await a.sessionIn('shared')).toBe('s');
  });

  it('given a claimed or renewed room, then it runs out within one lease unless renewed', async (ctx) => {
    if (!redis) return ctx.skip();
    const rooms = new RedisRoomRegistry(redis, PREFIX);
    const key = `${PREFIX}:replay:lease:short`;
    await rooms.claim('short', state('s'));
    expect(await redis.pttl(key)).toBeGreaterThan(0);
    expect(await redis.pttl(key)).toBeLessThanOrEqual(ROOM_LEASE_MS);
    await new Promise((r) => setTimeout(r, 300));
    await rooms.renew('short', state('s', 1));
    expect(await redis.pttl(key)).toBeGreaterThan(ROOM_LEASE_MS - 200);
  });
});
