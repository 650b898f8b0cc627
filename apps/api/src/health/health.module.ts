import { Module } from '@nestjs/common';
import type { RedisState, ReplayActivity, Timeline } from '@timeline/application';
import { REDIS_STATE, TIMELINE } from '../core/core.tokens';
import { ReplayModule } from '../replay/replay.module';
import { REPLAY_ACTIVITY } from '../replay/replay.tokens';
import { HealthController } from './health.controller';
import { SERVICE_HEALTH } from './health.tokens';

/** The health report, over the ports of Redis (core) and of the replays served (replay). */
@Module({
  imports: [ReplayModule],
  controllers: [HealthController],
  providers: [
    {
      provide: SERVICE_HEALTH,
      useFactory: (timeline: Timeline, redis: RedisState, replay: ReplayActivity) => timeline.health({ redis, replay }),
      inject: [TIMELINE, REDIS_STATE, REPLAY_ACTIVITY],
    },
  ],
})
export class HealthModule {}
