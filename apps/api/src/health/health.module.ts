import { Module } from '@nestjs/common';
import { ServiceHealth, type Timeline } from '@timeline/application';
import { TIMELINE } from '../core/core.tokens';
import { ReplayModule } from '../replay/replay.module';
import { HealthController } from './health.controller';
import { SERVICE_HEALTH } from './health.tokens';

@Module({
  imports: [ReplayModule],
  controllers: [HealthController],
  providers: [{ provide: SERVICE_HEALTH, useFactory: (timeline: Timeline) => new ServiceHealth(timeline), inject: [TIMELINE] }],
})
export class HealthModule {}
