import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { ServiceHealth } from '@timeline/application';
import { SERVICE_HEALTH } from './health.tokens';

@Controller('health')
export class HealthController {
  constructor(@Inject(SERVICE_HEALTH) private readonly health: ServiceHealth) {}

  /** Liveness, store and Redis readiness, and how far the read models trail the log. */
  @Get()
  async report(@Res({ passthrough: true }) res: Response) {
    const { ready, body } = await this.health.report();
    if (!ready) res.status(503);
    return body;
  }
}
