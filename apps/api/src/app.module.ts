import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Timeline } from '@timeline/application';
import type { AppConfig } from '@timeline/config';
import type Redis from 'ioredis';
import { AdminModule } from './admin/admin.module';
import type { ApiKey } from './auth/api-keys';
import { AuthModule } from './auth/auth.module';
import { BenchModule } from './bench/bench.module';
import { CatalogModule } from './campaigns/catalog.module';
import { ClaimsModule } from './claims/claims.module';
import { CoreModule } from './core/core.module';
import { HealthModule } from './health/health.module';
import type { Draining } from './http/draining';
import { DRAINING, GracefulStop } from './http/graceful-stop';
import { ProblemFilter } from './http/problem';
import type { RateLimiter } from './http/rate-limit';
import { ReplayModule } from './replay/replay.module';
import { ViewsModule } from './views/views.module';

/** What bootstrap opened and chose: the modules are built over it. */
export interface AppParts {
  config: AppConfig;
  timeline: Timeline;
  keys: ApiKey[];
  limiter: RateLimiter;
  readBudget: RateLimiter;
  redis?: Redis;
  draining: Draining;
}

/** The service: one module per concern, every error answered as a problem, a stop that begins by draining HTTP. */
@Module({})
export class AppModule {
  static with({ config, timeline, keys, limiter, readBudget, redis, draining }: AppParts): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.with(config, timeline, redis),
        AuthModule.with(keys, limiter, readBudget),
        CatalogModule,
        ClaimsModule,
        ViewsModule,
        AdminModule,
        HealthModule,
        ReplayModule,
        ...(config.benchRoutes ? [BenchModule] : []),
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }, { provide: DRAINING, useValue: draining }, GracefulStop],
    };
  }
}
