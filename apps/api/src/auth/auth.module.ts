import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { RateLimiter } from '../http/rate-limit';
import type { ApiKey } from './api-keys';
import { AuthGuard } from './auth.guard';
import { API_KEYS, RATE_LIMITER, READ_BUDGET } from './auth.tokens';
import { MeController } from './me.controller';
import { ReadBudgetGuard } from './read-budget.guard';

/**
 * Every write route needs a key of the right role, within its rate; clients without a key have a
 * budget of expensive reads.
 */
@Module({})
export class AuthModule {
  static with(keys: ApiKey[], limiter: RateLimiter, readBudget: RateLimiter): DynamicModule {
    return {
      module: AuthModule,
      controllers: [MeController],
      providers: [
        { provide: API_KEYS, useValue: keys },
        { provide: RATE_LIMITER, useValue: limiter },
        { provide: READ_BUDGET, useValue: readBudget },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_GUARD, useClass: ReadBudgetGuard },
      ],
    };
  }
}
