import { type DynamicModule, Global, Module } from '@nestjs/common';
import { ServingViews, type Timeline } from '@timeline/application';
import type { AppConfig } from '@timeline/config';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS, SERVING_VIEWS, TIMELINE } from './core.tokens';

/** What every module shares: the configuration, the timeline, Redis and the serving views. */
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
        { provide: SERVING_VIEWS, useFactory: (t: Timeline) => new ServingViews(t), inject: [TIMELINE] },
      ],
      exports: [APP_CONFIG, TIMELINE, REDIS, SERVING_VIEWS],
    };
  }
}
