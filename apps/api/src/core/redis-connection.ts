import type { Logger } from '@nestjs/common';
import Redis from 'ioredis';
import { withoutPassword } from '@timeline/config';

/** How often a Redis that stays unreachable is reported again. */
const REPEAT_MS = 30_000;

/**
 * The service's Redis connection. Commands wait for a reconnect rather than fail at once, so a
 * short outage delays fan-out. What it does is logged once per change, not once per retry: the
 * first connection (address and key prefix), an outage (what the service does without Redis),
 * the recovery; an outage that lasts is repeated every 30 s with the attempts since.
 */
export function connectRedis(url: string, prefix: string, logger: Logger): Redis {
  const where = withoutPassword(url);
  const redis = new Redis(url, { maxRetriesPerRequest: 20, retryStrategy: (times) => Math.min(times * 200, 2000) });
  let down = false;
  let lastSaid = 0;
  let unsaid = 0;
  redis.on('ready', () => {
    logger.log(`redis at ${where}${down ? ' answers again' : ''}: keys and streams prefixed "${prefix}:"`);
    down = false;
    unsaid = 0;
  });
  redis.on('error', (error: Error) => {
    const now = Date.now();
    if (down && now - lastSaid < REPEAT_MS) {
      unsaid += 1;
      return;
    }
    logger.warn(
      down
        ? `redis at ${where} still does not answer: ${error.message} (${unsaid + 1} attempts in ${Math.round((now - lastSaid) / 1000)} s)`
        : `redis at ${where} does not answer: ${error.message}; until it does, /health says degraded, write limits and the read budget are counted by each instance alone, and shared rooms and fan-out across instances wait`,
    );
    down = true;
    lastSaid = now;
    unsaid = 0;
  });
  return redis;
}
