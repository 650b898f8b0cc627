import type { Timeline } from './timeline';

/** The views' version, how far they trail the log, and their rebuilds beside the serving one. */
export class ProjectionAdmin {
  constructor(private readonly timeline: Timeline) {}

  async status() {
    const head = await this.timeline.store.headPosition();
    const position = this.timeline.models.follower.checkpoint;
    return {
      version: this.timeline.projections.version,
      position,
      head,
      lag: Math.max(0, head - position),
      state: 'serving',
      rebuild: this.timeline.projections.rebuild ?? null,
    };
  }

  /** Starts a rebuild unless one is running; answers that job. */
  startRebuild() {
    const job = this.timeline.projections.startRebuild();
    return { jobId: job.jobId, version: job.version, state: job.state };
  }
}
