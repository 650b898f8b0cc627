import { randomUUID } from 'node:crypto';
import { upcast, type RecordedEvent } from '@timeline/domain';
import type { LogFollower, Projection } from '@timeline/projections';
import type { EventStore } from '@timeline/store';
import { TimelineViews } from '@timeline/views';

export interface RebuildJob {
  jobId: string;
  version: number;
  state: 'running' | 'done' | 'failed';
  position: number;
  target: number;
  startedAt: string;
  finishedAt: string | null;
  eventsFolded: number;
  error?: string;
}

/**
 * The views being served, and their rebuilds. A rebuild folds the log from position 0 into a new
 * version beside the serving one (reads keep answering from the old), follows it to the head,
 * and swaps in the same tick as it confirms it has caught up with the follower.
 */
export class ProjectionVersions implements Projection {
  private serving = new TimelineViews();
  private servingVersion = 1;
  private job: RebuildJob | undefined;
  private readonly swapListeners = new Set<(views: TimelineViews) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly follower: () => LogFollower,
  ) {}

  get views(): TimelineViews {
    return this.serving;
  }

  get version(): number {
    return this.servingVersion;
  }

  get rebuild(): RebuildJob | undefined {
    return this.job;
  }

  /** Serves views restored from a snapshot. */
  restore(views: TimelineViews): void {
    this.serving = views;
  }

  apply(event: RecordedEvent): void {
    this.serving.apply(event);
  }

  onSwap(listener: (views: TimelineViews) => void): () => void {
    this.swapListeners.add(listener);
    return () => this.swapListeners.delete(listener);
  }

  /** Starts a rebuild unless one is running; answers its job. */
  startRebuild(onProgress: (job: RebuildJob) => void = () => undefined): RebuildJob {
    if (this.job?.state === 'running') return this.job;
    const job: RebuildJob = {
      jobId: randomUUID(),
      version: this.servingVersion + 1,
      state: 'running',
      position: 0,
      target: this.follower().checkpoint,
      startedAt: new Date().toISOString(),
      finishedAt: null,
      eventsFolded: 0,
    };
    this.job = job;
    this.runRebuild(job, onProgress).catch((error: unknown) => {
      job.state = 'failed';
      job.error = error instanceof Error ? error.message : String(error);
      job.finishedAt = new Date().toISOString();
    });
    return job;
  }

  /** Folds the whole log into a new version and waits for it to serve. */
  async rebuildNow(onProgress?: (job: RebuildJob) => void): Promise<RebuildJob> {
    const job = this.startRebuild(onProgress);
    while (job.state === 'running') await new Promise((resolve) => setTimeout(resolve, 5));
    if (job.state === 'failed') throw new Error(`rebuild failed: ${job.error}`);
    return job;
  }

  private async runRebuild(job: RebuildJob, onProgress: (job: RebuildJob) => void): Promise<void> {
    const next = new TimelineViews();
    for (;;) {
      const target = this.follower().checkpoint;
      job.target = target;
      for await (const page of this.store.readLog(next.position, target)) {
        for (const event of page) next.apply(upcast(event));
        job.position = next.position;
        job.eventsFolded += page.length;
        onProgress(job);
        // the serving views keep answering while the rebuild folds
        await new Promise((resolve) => setImmediate(resolve));
      }
      // no await between this check and the swap: the follower cannot apply an event in between
      if (next.position >= this.follower().checkpoint) {
        this.serving = next;
        this.servingVersion = job.version;
        job.state = 'done';
        job.finishedAt = new Date().toISOString();
        onProgress(job);
        for (const listener of this.swapListeners) listener(next);
        return;
      }
    }
  }
}
