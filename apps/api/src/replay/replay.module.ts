import { Module } from '@nestjs/common';
import {
  LiveFeed,
  MemoryRoomRegistry,
  ReplayControl,
  ReplayPlans,
  ReplaySessions,
  type RoomRegistry,
  type ServingViews,
  type Timeline,
} from '@timeline/application';
import type { AppConfig } from '@timeline/config';
import type Redis from 'ioredis';
import { APP_CONFIG, REDIS, SERVING_VIEWS, TIMELINE } from '../core/core.tokens';
import { LiveGateway } from './live.gateway';
import { RedisRoomRegistry } from './redis-rooms';
import { ReplayGateway } from './replay.gateway';
import { LIVE_FEED, REPLAY_CONTROL, ROOM_REGISTRY } from './replay.tokens';

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
      useFactory: (serving: ServingViews, rooms: RoomRegistry) =>
        new ReplayControl(new ReplaySessions(serving, rooms), new ReplayPlans(serving)),
      inject: [SERVING_VIEWS, ROOM_REGISTRY],
    },
    {
      provide: LIVE_FEED,
      useFactory: (serving: ServingViews, timeline: Timeline) => new LiveFeed(serving, timeline.models),
      inject: [SERVING_VIEWS, TIMELINE],
    },
    ReplayGateway,
    LiveGateway,
  ],
  exports: [ReplayGateway],
})
export class ReplayModule {}
