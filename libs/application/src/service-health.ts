import type { Timeline } from './timeline';

/** What the shell knows of its own plumbing: Redis, and the replays it serves. */
export interface ShellHealth {
  redis: 'up' | 'down' | 'not configured';
  replay: { sockets: number; sessions: number };
}

export type HealthReport = { ready: boolean; body: Record<string, unknown> };

/** Liveness, store readiness and how far the read models trail the log. */
export class ServiceHealth {
  constructor(private readonly timeline: Timeline) {}

  async report(shell: ShellHealth): Promise<HealthReport> {
    const store = this.timeline.store;
    const checkpoint = this.timeline.models.follower.checkpoint;
    try {
      const head = await store.headPosition();
      // without Redis an instance still serves everything its own clients ask: it is degraded
      // (no fan-out to other instances), not down
      const body = {
        status: shell.redis === 'down' ? 'degraded' : 'ok',
        store: { kind: store.kind, status: 'up', head },
        redis: { status: shell.redis },
        projections: { position: checkpoint, lag: Math.max(0, head - checkpoint) },
        replay: shell.replay,
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
