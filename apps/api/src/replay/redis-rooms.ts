import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type Redis from 'ioredis';
import { ROOM_LEASE_MS, type RoomRegistry, type RoomState } from '@timeline/application';

// A room is a hash — holder (the instance), session, state — that lives ROOM_LEASE_MS past its
// last write. Each script reads and writes it in one step, so a write never lands on a lease
// another instance took in between.
const CLAIM = `
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], 'holder', ARGV[1], 'session', ARGV[2], 'state', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;
const RENEW = `
local holder, session = unpack(redis.call('HMGET', KEYS[1], 'holder', 'session'))
if holder and (holder ~= ARGV[1] or session ~= ARGV[2]) then return 0 end
redis.call('HSET', KEYS[1], 'holder', ARGV[1], 'session', ARGV[2], 'state', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1`;
const RELEASE = `
local holder, session = unpack(redis.call('HMGET', KEYS[1], 'holder', 'session'))
if holder == ARGV[1] and session == ARGV[2] then return redis.call('DEL', KEYS[1]) end
return 0`;

/**
 * Shared rooms in Redis, so a viewer on any instance can join a replay driven from another, and
 * learn when the instance driving it is gone: its lease then runs out within ROOM_LEASE_MS.
 */
export class RedisRoomRegistry implements RoomRegistry {
  /** This instance, as the holder of the rooms it drives; readable by whoever inspects a room's key. */
  readonly holder = `${hostname()}/${process.pid}/${randomBytes(4).toString('hex')}`;
  private reconnectedAt = Number.NEGATIVE_INFINITY;
  private dropped = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'timeline',
  ) {
    redis.on('close', () => (this.dropped = true));
    redis.on('ready', () => {
      if (this.dropped) this.reconnectedAt = Date.now();
      this.dropped = false;
    });
  }

  async get(room: string): Promise<RoomState | undefined> {
    const value = await this.redis.hget(this.key(room), 'state');
    return value ? (JSON.parse(value) as RoomState) : undefined;
  }

  async claim(room: string, state: RoomState): Promise<boolean> {
    return (await this.redis.eval(CLAIM, 1, this.key(room), ...this.lease(state))) === 1;
  }

  /** Progress is written every frame and the lease renewed; while Redis is away it is skipped, not queued. */
  async renew(room: string, state: RoomState): Promise<boolean> {
    if (this.redis.status !== 'ready') return true;
    const kept = await this.redis.eval(RENEW, 1, this.key(room), ...this.lease(state)).catch(() => 1);
    return kept === 1;
  }

  async release(room: string, sessionId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(room), this.holder, sessionId).catch(() => undefined);
  }

  /**
   * Until a lease has passed since Redis came back, a room found free may only mean that its
   * driver has not written it again yet (a restarted Redis holds no rooms), so it cannot say.
   */
  async sessionIn(room: string): Promise<string | undefined> {
    const since = this.reconnectedAt;
    if (this.redis.status !== 'ready' || Date.now() - since < ROOM_LEASE_MS) throw new Error('Redis has not been up for a lease');
    const sessionId = await this.redis.hget(this.key(room), 'session');
    if (this.reconnectedAt !== since) throw new Error('Redis reconnected meanwhile');
    return sessionId ?? undefined;
  }

  private lease(state: RoomState): string[] {
    return [this.holder, state.sessionId, JSON.stringify(state), String(ROOM_LEASE_MS)];
  }

  /** Not the key rooms had before they were leases (a string, not a hash), so the two never mix. */
  private key(room: string): string {
    return `${this.prefix}:replay:lease:${room}`;
  }
}
