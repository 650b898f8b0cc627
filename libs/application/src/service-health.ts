import type { EventStore } from '@timeline/store';
import type { ServingViews } from './serving-views';

/** Whether the shell's Redis connection is usable, or that the instance runs without one. */
export interface RedisState {
  status(): 'up' | 'down' | 'not configured';
}

/** The replays the shell serves: sockets connected to it and replays running on this instance. */
export interface ReplayActivity {
  activity(): { sockets: number; sessions: number };
}

/** What the shell knows of its own plumbing, as ports the health report reads. */
export interface ShellPorts {
  redis: RedisState;
  replay: ReplayActivity;
}

export type HealthReport = { ready: boolean; body: Record<string, unknown> };

/** Liveness, store and Redis readiness, and how far the read models trail the log. */
export class ServiceHealth {
  constructor(
    private readonly store: EventStore,
    private readonly serving: ServingViews,
    private readonly shell: ShellPorts,
  ) {}

  async report(): Promise<HealthReport> {
    const store = this.store;
    const checkpoint = this.serving.checkpoint;
    const redis = this.shell.redis.status();
    const replay = this.shell.replay.activity();
    try {
      const head = await store.headPosition();
      // without Redis an instance still serves everything its own clients ask: it is degraded
      // (no fan-out to other instances), not down
      const body = {
        status: redis === 'down' ? 'degraded' : 'ok',
        store: { kind: store.kind, status: 'up', head },
        redis: { status: redis },
        projections: { position: checkpoint, lag: Math.max(0, head - checkpoint) },
        replay,
      };
      return { ready: true, body };
    } catch {
      return {
        ready: false,
        body: { status: 'degraded', store: { kind: store.kind, status: 'down' }, projections: { position: checkpoint } },
      };
    }
  }
}
