import type Redis from 'ioredis';

/** How many hits one subject may make per window, shared across instances through Redis. */
export interface RateLimiter {
  /** Hits a subject may make per window. */
  readonly limit: number;
  readonly windowSeconds: number;
  /** Counts a hit (of `cost` units); answers the seconds to wait when over the limit, else 0. */
  hit(subject: string, cost?: number): Promise<number>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowSeconds = 60,
  ) {}

  hit(subject: string, cost = 1): Promise<number> {
    const now = Date.now();
    let window = this.windows.get(subject);
    if (!window || now - window.start >= this.windowSeconds * 1000) {
      window = { start: now, count: 0 };
      this.windows.set(subject, window);
      if (this.windows.size > 100_000) this.windows.clear();
    }
    window.count += cost;
    return Promise.resolve(window.count > this.limit ? Math.ceil((window.start + this.windowSeconds * 1000 - now) / 1000) : 0);
  }
}

/** How long a hit waits for Redis before it is counted by the instance alone. */
const REDIS_WAIT_MS = 250;
/** After Redis was too slow, how long hits are counted by the instance alone before it is asked again. */
const REDIS_REST_MS = 5000;

/**
 * A fixed window per subject in Redis (INCRBY with an expiry), so several instances share one
 * limit. While Redis is not connected, or does not answer within 250 ms, the hit is counted by
 * this instance alone (the same limit, per instance): a request never waits on a Redis outage,
 * and a client is still limited through one. Once Redis has been too slow it is left alone for
 * 5 s, so a connection that looks up but answers nothing (a host gone without a reset) holds
 * one request in 5 s for 250 ms, and queues one command, not one for every request.
 */
export class RedisRateLimiter implements RateLimiter {
  private readonly alone: MemoryRateLimiter;
  private restUntil = 0;

  constructor(
    private readonly redis: Redis,
    readonly limit: number,
    private readonly prefix: string,
    readonly windowSeconds = 60,
  ) {
    this.alone = new MemoryRateLimiter(limit, windowSeconds);
  }

  async hit(subject: string, cost = 1): Promise<number> {
    if (this.redis.status !== 'ready' || Date.now() < this.restUntil) return this.alone.hit(subject, cost);
    const window = Math.floor(Date.now() / 1000 / this.windowSeconds);
    const key = `${this.prefix}:rate:${subject}:${window}`;
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => resolve(undefined), REDIS_WAIT_MS);
    });
    const counted = this.redis
      .multi()
      .incrby(key, cost)
      .expire(key, this.windowSeconds * 2)
      .exec()
      .then((replies) => (replies as [[unknown, number]])[0][1])
      .catch(() => undefined);
    const count = await Promise.race([counted, late]).finally(() => clearTimeout(timer));
    if (count === undefined) {
      this.restUntil = Date.now() + REDIS_REST_MS;
      return this.alone.hit(subject, cost);
    }
    return count > this.limit ? (window + 1) * this.windowSeconds - Math.floor(Date.now() / 1000) : 0;
  }
}
