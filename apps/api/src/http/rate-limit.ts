import type Redis from 'ioredis';

/** How many writes one key may make per window, shared across instances through Redis. */
export interface RateLimiter {
  /** Counts a hit; answers the seconds to wait when over the limit, else 0. */
  hit(subject: string): Promise<number>;
}

export class MemoryRateLimiter implements RateLimiter {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs = 60_000,
  ) {}

  hit(subject: string): Promise<number> {
    const now = Date.now();
    let window = this.windows.get(subject);
    if (!window || now - window.start >= this.windowMs) {
      window = { start: now, count: 0 };
      this.windows.set(subject, window);
      if (this.windows.size > 100_000) this.windows.clear();
    }
    window.count += 1;
    return Promise.resolve(window.count > this.limit ? Math.ceil((window.start + this.windowMs - now) / 1000) : 0);
  }
}

/**
 * A fixed window per subject in Redis (INCR with an expiry), so several instances share one
 * limit. If Redis cannot answer, the write is let through: availability before strictness.
 */
export class RedisRateLimiter implements RateLimiter {
  constructor(
    private readonly redis: Redis,
    private readonly limit: number,
    private readonly prefix: string,
    private readonly windowSeconds = 60,
  ) {}

  async hit(subject: string): Promise<number> {
    const window = Math.floor(Date.now() / 1000 / this.windowSeconds);
    const key = `${this.prefix}:rate:${subject}:${window}`;
    try {
      const [[, count]] = (await this.redis
        .multi()
        .incr(key)
        .expire(key, this.windowSeconds * 2)
        .exec()) as [[unknown, number]];
      return count > this.limit ? (window + 1) * this.windowSeconds - Math.floor(Date.now() / 1000) : 0;
    } catch {
      return 0;
    }
  }
}
