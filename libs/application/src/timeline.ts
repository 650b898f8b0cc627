import { type EventStore, openEventStore } from '@timeline/store';
import type { Projection } from '@timeline/projections';
import { CatalogCommands } from './catalog.commands';
import { ClaimCommands } from './claim.commands';
import { ProjectionVersions } from './projection-versions';
import { TimelineReadModels } from './read-models';
import { restoreSnapshot, saveSnapshot } from './snapshots';

/** The service without its shell: one store, the read models folded from it, the use cases. */
export class Timeline {
  readonly models: TimelineReadModels;
  readonly claims: ClaimCommands;
  readonly catalog: CatalogCommands;
  /** The control, casualty and territory views, with their rebuilds. */
  readonly projections: ProjectionVersions;
  private snapshotFile: string | undefined;
  private lastEventId: string | undefined;

  constructor(
    readonly store: EventStore,
    projections: Projection[] = [],
  ) {
    this.projections = new ProjectionVersions(store, () => this.models.follower);
    this.models = new TimelineReadModels(store, this.projections, projections);
    this.models.follower.onApplied((events) => (this.lastEventId = events.at(-1)?.eventId ?? this.lastEventId));
    this.claims = new ClaimCommands(store, this.models);
    this.catalog = new CatalogCommands(store, this.models);
  }

  static async open(storeUrl: string, options: { pollMs?: number; onError?: (e: unknown) => void } = {}): Promise<Timeline> {
    return new Timeline(await openEventStore(storeUrl, options));
  }

  /**
   * Folds what is stored — from a snapshot's position when one is given and matches the store —
   * then follows appends (this process's and other processes'). With a snapshot file, the read
   * models are written back every `snapshotEvery` events and on close.
   */
  async start(options: { snapshotFile?: string; snapshotEvery?: number } = {}): Promise<{ resumedFrom: number }> {
    const restored = options.snapshotFile ? await restoreSnapshot(this.store, options.snapshotFile) : undefined;
    if (restored) {
      this.projections.restore(restored.views);
      this.models.follower.resumeFrom(restored.position);
    }
    const resumedFrom = restored?.position ?? 0;
    this.snapshotFile = options.snapshotFile;
    await this.models.follower.catchUp();
    if (this.snapshotFile) {
      let sinceSave = this.models.follower.checkpoint - resumedFrom;
      const every = options.snapshotEvery ?? 100_000;
      if (sinceSave >= every) this.snapshot();
      sinceSave = 0;
      this.models.follower.onApplied((events) => {
        sinceSave += events.length;
        if (sinceSave >= every) {
          sinceSave = 0;
          this.snapshot();
        }
      });
    }
    this.models.follower.follow();
    return { resumedFrom };
  }

  /** Writes the read models to the snapshot file, if there is one and anything is folded. */
  snapshot(): void {
    if (!this.snapshotFile || this.lastEventId === undefined) return;
    const at = { position: this.models.follower.checkpoint, lastEventId: this.lastEventId };
    saveSnapshot(this.projections.views, at, this.snapshotFile);
  }

  async close(): Promise<void> {
    await this.models.follower.stop();
    this.snapshot();
    await this.store.close();
  }
}
