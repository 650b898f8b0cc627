import type Redis from 'ioredis';
import type { RoomRegistry, RoomState } from '@timeline/application';

const TTL_SECONDS = 24 * 3600;

/** Shared rooms in Redis, so a viewer on any instance can join a replay driven from another. */
export class RedisRoomRegistry implements RoomRegistry {
  constructor(
    private readonly redis: Redis,
    private readonly prefix = 'timeline',
  ) {}

  async get(room: string): Promise<RoomState | undefined> {
    const value = await this.redis.get(this.key(room));
    return value ? (JSON.parse(value) as RoomState) : undefined;
  }

  /** Progress is written every frame; while Redis is away it is skipped, not queued. */
  async set(room: string, state: RoomState): Promise<void> {
    if (this.redis.status !== 'ready') return;
    await this.redis.set(this.key(room), JSON.stringify(state), 'EX', TTL_SECONDS).catch(() => undefined);
  }

  async delete(room: string): Promise<void> {
    await this.redis.del(this.key(room)).catch(() => undefined);
  }

  private key(room: string): string {
    return `${this.prefix}:replay:room:${room}`;
  }
}
