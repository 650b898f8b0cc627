import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Timeline } from '@timeline/application';
import { ReplayGateway } from '../replay/replay.gateway';
import { REPLAY_SESSIONS, type ReplaySessions } from '../replay/replay-sessions';
import { REDIS, TIMELINE } from '../timeline.token';
import type Redis from 'ioredis';

@Controller('health')
export class HealthController {
  constructor(
    @Inject(TIMELINE) private readonly timeline: Timeline,
    @Inject(REPLAY_SESSIONS) private readonly sessions: ReplaySessions,
    @Inject(ReplayGateway) private readonly replay: ReplayGateway,
    @Inject(REDIS) private readonly redis: Redis | null,
  ) {}

  /** Liveness, store readiness and how far the read models trail the log. */
  @Get()
  async health(@Res({ passthrough: true }) res: Response) {
    const checkpoint = this.timeline.models.follower.checkpoint;
    try {
      const head = await this.timeline.store.headPosition();
      // without Redis an instance still serves everything its own clients ask: it is degraded
      // (no fan-out to other instances), not down
      const redis = this.redis ? (this.redis.status === 'ready' ? 'up' : 'down') : 'not configured';
      return {
        status: redis === 'down' ? 'degraded' : 'ok',
        store: { kind: this.timeline.store.kind, status: 'up', head },
        redis: { status: redis },
        projections: { position: checkpoint, lag: Math.max(0, head - checkpoint) },
        replay: { sockets: this.replay.connectedCount(), sessions: this.sessions.size },
      };
    } catch {
      res.status(503);
      return {
        status: 'degraded',
        store: { kind: this.timeline.store.kind, status: 'down' },
        projections: { position: checkpoint },
      };
    }
  }
}
