import { Module } from '@nestjs/common';
import { MemoryRoomRegistry, type RoomRegistry, type Timeline } from '@timeline/application';
import type { AppConfig } from '@timeline/config';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS, TIMELINE } from '../core/core.tokens';
import { LiveGateway } from './live.gateway';
import { RedisRoomRegistry } from './redis-rooms';
import { ReplayGateway } from './replay.gateway';
import { LIVE_FEED, REPLAY_ACTIVITY, REPLAY_CONTROL, ROOM_REGISTRY } from './replay.tokens';

@Module({
  providers: [
    {
      provide: ROOM_REGISTRY,
      useFactory: (redis: Redis | null, config: AppConfig) =>
        redis ? new RedisRoomRegistry(redis, config.redisPrefix) : new MemoryRoomRegistry(),
      inject: [REDIS, APP_CONFIG],
    },
    {
      provide: REPLAY_CONTROL,
      useFactory: (timeline: Timeline, rooms: RoomRegistry) => timeline.replays(rooms),
      inject: [TIMELINE, ROOM_REGISTRY],
    },
    { provide: LIVE_FEED, useFactory: (timeline: Timeline) => timeline.liveFeed, inject: [TIMELINE] },
    ReplayGateway,
    LiveGateway,
    { provide: REPLAY_ACTIVITY, useExisting: ReplayGateway },
  ],
  exports: [REPLAY_ACTIVITY],
})
export class ReplayModule {}
