import type { LogFollower } from '@timeline/projections';
import type { EventStore } from '@timeline/store';
import type { TimelineViews } from '@timeline/views';
import type { ProjectionVersions, RebuildJob } from './projection-versions';

/** What a fold of the whole log gave: the head it reached and each campaign's claims. */
export interface FoldedLog {
  head: number;
  campaigns: { campaignId: string; claims: number }[];
}

/** The views' version, how far they trail the log, and their rebuilds beside the serving one. */
export class ProjectionAdmin {
  constructor(
    private readonly store: EventStore,
    private readonly follower: LogFollower,
    private readonly versions: ProjectionVersions,
  ) {}

  async status() {
    const head = await this.store.headPosition();
    const position = this.follower.checkpoint;
    return {
      version: this.versions.version,
      position,
      head,
      lag: Math.max(0, head - position),
      state: 'serving',
      rebuild: this.versions.rebuild ?? null,
    };
  }

  /** Starts a rebuild unless one is running; answers that job. */
  startRebuild() {
    const job = this.versions.startRebuild();
    return { jobId: job.jobId, version: job.version, state: job.state };
  }

  /** Folds the whole log into a new version beside the serving one and waits for it to serve. */
  rebuildNow(onProgress?: (job: RebuildJob) => void): Promise<RebuildJob> {
    return this.versions.rebuildNow(onProgress);
  }

  /**
   * The rebuild of a process that has folded nothing yet: folding the log from position 0 up to
   * its head, reporting the position reached after each batch.
   */
  async foldLog(onProgress: (position: number, head: number) => void = () => undefined): Promise<FoldedLog> {
    const head = await this.store.headPosition();
    // a batch is never empty: the follower only calls back after applying events
    const unsubscribe = this.follower.onApplied((events) => {
      const last = events.at(-1);
      if (last) onProgress(last.position, head);
    });
    try {
      await this.follower.catchUp();
    } finally {
      unsubscribe();
    }
    const campaigns = [...this.versions.views.ledgers.values()].map((ledger) => ({
      campaignId: ledger.campaign.campaignId,
      claims: ledger.claims.size,
    }));
    return { head, campaigns };
  }

  /**
   * The serving views caught up with the log, for checks and benchmarks that fold beside the use
   * cases (a rebuild's answers against the live ones); the shell answers through the use cases.
   */
  async caughtUpViews(): Promise<TimelineViews> {
    await this.follower.catchUp();
    return this.versions.views;
  }
}
