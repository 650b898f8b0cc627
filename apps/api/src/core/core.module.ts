import { type DynamicModule, Global, Module } from '@nestjs/common';
import type { RedisState, Timeline } from '@timeline/application';
import type { AppConfig } from '@timeline/config';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS, REDIS_STATE, TIMELINE } from './core.tokens';
import { Resources } from './resources';

/** What every module shares: the configuration, the timeline, and Redis with its state. */
@Global()
@Module({})
export class CoreModule {
  static with(config: AppConfig, timeline: Timeline, redis?: Redis): DynamicModule {
    return {
      module: CoreModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: TIMELINE, useValue: timeline },
        { provide: REDIS, useValue: redis ?? null },
        { provide: REDIS_STATE, useValue: redisState(redis) },
        Resources,
      ],
      exports: [APP_CONFIG, TIMELINE, REDIS, REDIS_STATE],
    };
  }
}

function redisState(redis: Redis | undefined): RedisState {
  return { status: () => (redis ? (redis.status === 'ready' ? 'up' : 'down') : 'not configured') };
}
