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

/**
 * A fixed window per subject in Redis (INCRBY with an expiry), so several instances share one
 * limit. If Redis cannot answer, the hit is let through: availability before strictness.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    readonly limit: number,
    private readonly prefix: string,
    readonly windowSeconds = 60,
  ) {}

  async hit(subject: string, cost = 1): Promise<number> {
    const window = Math.floor(Date.now() / 1000 / this.windowSeconds);
    const key = `${this.prefix}:rate:${subject}:${window}`;
    try {
      const [[, count]] = (await this.redis
        .multi()
        .incrby(key, cost)
        .expire(key, this.windowSeconds * 2)
        .exec()) as [[unknown, number]];
      return count > this.limit ? (window + 1) * this.windowSeconds - Math.floor(Date.now() / 1000) : 0;
    } catch {
      return 0;
    }
  }
}
