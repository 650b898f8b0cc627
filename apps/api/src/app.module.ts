import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import type { Timeline } from '@timeline/application';
import type { ApiKey } from './auth/api-keys';
import { API_KEYS, AuthGuard, RATE_LIMITER } from './auth/auth.guard';
import type { RateLimiter } from './http/rate-limit';
import { AdminController } from './admin/admin.controller';
import { BenchController } from './bench/bench.controller';
import { CampaignsController } from './campaigns/campaigns.controller';
import { ClaimsController } from './claims/claims.controller';
import type { AppConfig } from '@timeline/config';
import { HealthController } from './health/health.controller';
import { ProblemFilter } from './http/problem';
import { LiveGateway } from './replay/live.gateway';
import { ReplayGateway } from './replay/replay.gateway';
import { REPLAY_SESSIONS, type ReplaySessions } from './replay/replay-sessions';
import { ViewsController } from './views/views.controller';
import { APP_CONFIG, REDIS, TIMELINE } from './timeline.token';
import type Redis from 'ioredis';

@Module({})
export class AppModule {
  static with(
    config: AppConfig,
    timeline: Timeline,
    keys: ApiKey[],
    sessions: ReplaySessions,
    limiter: RateLimiter,
    redis?: Redis,
  ): DynamicModule {
    return {
      module: AppModule,
      controllers: [
        CampaignsController,
        ClaimsController,
        ViewsController,
        AdminController,
        HealthController,
        ...(config.benchRoutes ? [BenchController] : []),
      ],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: TIMELINE, useValue: timeline },
        { provide: API_KEYS, useValue: keys },
        { provide: REPLAY_SESSIONS, useValue: sessions },
        { provide: RATE_LIMITER, useValue: limiter },
        { provide: REDIS, useValue: redis ?? null },
        ReplayGateway,
        LiveGateway,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useClass: ProblemFilter },
      ],
    };
  }
}
