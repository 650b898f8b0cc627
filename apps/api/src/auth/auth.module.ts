import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { RateLimiter } from '../http/rate-limit';
import type { ApiKey } from './api-keys';
import { AuthGuard } from './auth.guard';
import { API_KEYS, RATE_LIMITER } from './auth.tokens';

/** Every write route needs a key of the right role, within its rate. */
@Module({})
export class AuthModule {
  static with(keys: ApiKey[], limiter: RateLimiter): DynamicModule {
    return {
      module: AuthModule,
      providers: [
        { provide: API_KEYS, useValue: keys },
        { provide: RATE_LIMITER, useValue: limiter },
        { provide: APP_GUARD, useClass: AuthGuard },
      ],
    };
  }
}
