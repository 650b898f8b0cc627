import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ServiceHealth } from '@timeline/application';
import type Redis from 'ioredis';
import { REDIS } from '../core/core.tokens';
import { ReplayGateway } from '../replay/replay.gateway';
import { SERVICE_HEALTH } from './health.tokens';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(SERVICE_HEALTH) private readonly health: ServiceHealth,
    @Inject(ReplayGateway) private readonly replay: ReplayGateway,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Liveness, store and Redis readiness, and how far the read models trail the log. */
  @Get()
  async report(@Res({ passthrough: true }) res: Response) {
    const redis = this.redis ? (this.redis.status === 'ready' ? 'up' : 'down') : 'not configured';
    const { ready, body } = await this.health.report({ redis, replay: this.replay.activity() });
    if (!ready) res.status(503);
    return body;
  }
}
