import { type EventStore, openEventStore } from '@timeline/store';
import type { Projection } from '@timeline/projections';
import { AuditQueries } from './audit.queries';
import { CampaignExport } from './campaign-export';
import { CatalogCommands } from './catalog.commands';
import { CatalogQueries } from './catalog.queries';
import { ClaimCommands } from './claim.commands';
import { ClaimQueries } from './claim.queries';
import { LiveFeed } from './live-feed';
import { ProjectionAdmin } from './projection-admin';
import { ProjectionVersions } from './projection-versions';
import { TimelineReadModels } from './read-models';
import { ReplayControl } from './replay/replay-control';
import { ReplayPlans } from './replay/replay-plans';
import { ReplaySessions } from './replay/replay-sessions';
import type { RoomRegistry } from './replay/room-registry';
import { ServiceHealth, type ShellPorts } from './service-health';
import { ServingViews } from './serving-views';
import { restoreSnapshot, SnapshotWriter } from './snapshots';
import { ViewQueries } from './view.queries';

export interface StartOptions {
  /** Where the views' snapshot is kept; none: every start folds the whole log. */
  snapshotFile?: string;
  /** Events between two snapshots written while serving (100,000). */
  snapshotEvery?: number;
  /** A stop writes a last snapshot only if the last write took at most this long (5,000 ms). */
  snapshotStopBudgetMs?: number;
  onWarning?: (message: string) => void;
}

/** What a stop left: the position of the views' snapshot on disk (none: no snapshot), and whether the stop wrote it. */
export interface Closed {
  snapshotAt: number | undefined;
  written: boolean;
}

/**
 * The service without its shell: one store, the read models folded from it (kept inside), and
 * the use cases over them — what the API and the terminal tool call.
 */
export class Timeline {
  readonly claims: ClaimCommands;
  readonly catalog: CatalogCommands;
  readonly claimQueries: ClaimQueries;
  readonly catalogQueries: CatalogQueries;
  readonly viewQueries: ViewQueries;
  readonly auditQueries: AuditQueries;
  readonly campaignExport: CampaignExport;
  readonly projectionAdmin: ProjectionAdmin;
  readonly liveFeed: LiveFeed;
  private readonly versions: ProjectionVersions;
  private readonly models: TimelineReadModels;
  private readonly serving: ServingViews;
  private snapshots: SnapshotWriter | undefined;
  private stopBudgetMs = 5_000;
  private lastEventId: string | undefined;
  private closing: Promise<Closed> | undefined;

  constructor(
    readonly store: EventStore,
    projections: Projection[] = [],
  ) {
    this.versions = new ProjectionVersions(store, () => this.models.follower);
    this.models = new TimelineReadModels(store, this.versions, projections);
    this.models.follower.onApplied((events) => (this.lastEventId = events.at(-1)?.eventId ?? this.lastEventId));
    this.serving = new ServingViews(this.models.follower, this.versions);
    this.claims = new ClaimCommands(store, this.models);
    this.catalog = new CatalogCommands(store, this.models);
    this.claimQueries = new ClaimQueries(this.serving, this.models, this.claims);
    this.catalogQueries = new CatalogQueries(this.serving, this.models);
    this.viewQueries = new ViewQueries(this.serving);
    this.auditQueries = new AuditQueries(this.serving);
    this.campaignExport = new CampaignExport(this.serving, store);
    this.projectionAdmin = new ProjectionAdmin(store, this.models.follower, this.versions);
    this.liveFeed = new LiveFeed(this.serving);
  }

  static async open(storeUrl: string, options: { pollMs?: number; onError?: (e: unknown) => void } = {}): Promise<Timeline> {
    return new Timeline(await openEventStore(storeUrl, options));
  }

  /** The health report, reading the shell's Redis and replay activity through its ports. */
  health(shell: ShellPorts): ServiceHealth {
    return new ServiceHealth(this.store, this.serving, shell);
  }

  /** Replays on this instance, with shared rooms kept in `rooms` (memory, or Redis across instances). */
  replays(rooms: RoomRegistry): ReplayControl {
    return new ReplayControl(new ReplaySessions(this.serving, rooms), new ReplayPlans(this.serving));
  }

  /** Builds the views' cached answers in the background, so the first queries after start are quick. */
  warm(): Promise<void> {
    return this.serving.current.warm();
  }

  /**
   * Folds what is stored — from a snapshot's position when one is given, is whole and matches
   * the store — then follows appends (this process's and other processes'). With a snapshot file,
   * the read models are written back every `snapshotEvery` events while the service goes on
   * (`SnapshotWriter`), and on close when that fits the stop's time (see `close`). A snapshot that
   * cannot be used is reported through `onWarning` (by default a Node process warning), since the
   * start then costs a full fold.
   */
  async start(options: StartOptions = {}): Promise<{ resumedFrom: number }> {
    const warn = options.onWarning ?? ((message: string) => process.emitWarning(message));
    const restored = options.snapshotFile ? await restoreSnapshot(this.store, options.snapshotFile, warn) : undefined;
    if (restored) {
      this.versions.restore(restored.views);
      this.models.follower.resumeFrom(restored.position);
    }
    const resumedFrom = restored?.position ?? 0;
    this.stopBudgetMs = options.snapshotStopBudgetMs ?? 5_000;
    if (options.snapshotFile)
      this.snapshots = new SnapshotWriter(options.snapshotFile, warn, restored && { position: restored.position });
    await this.models.follower.catchUp();
    if (this.snapshots) {
      const every = options.snapshotEvery ?? 100_000;
      let sinceSave = this.models.follower.checkpoint - resumedFrom;
      const save = () => {
        sinceSave = 0;
        if (this.lastEventId !== undefined) void this.snapshots?.begin(this.versions.views, this.lastEventId);
      };
      if (sinceSave >= every) save();
      this.models.follower.onApplied((events) => {
        sinceSave += events.length;
        if (sinceSave >= every) save();
      });
    }
    this.models.follower.follow();
    return { resumedFrom };
  }

  /** Writes the read models to the snapshot file at once, if there is one and anything is folded; answers the position written. */
  snapshot(): number | undefined {
    if (!this.snapshots || this.lastEventId === undefined) return undefined;
    return this.snapshots.writeNow(this.versions.views, this.lastEventId).position;
  }

  /**
   * The snapshot a stop leaves, the views no longer changing, within the stop's budget of time: a
   * write under way is finished at once; then, if the views moved past the last snapshot, a new
   * one is written — unless the last write took longer than the budget has left. A write not done
   * in time is dropped, and the next start folds the events since the snapshot on disk (fewer
   * than `snapshotEvery` while writes keep up) rather than hold the stop past what a supervisor
   * waits for. Answers the snapshot on disk: its position, and whether this stop wrote it.
   */
  private async lastSnapshot(): Promise<Closed> {
    const snapshots = this.snapshots;
    if (!snapshots || this.lastEventId === undefined) return { snapshotAt: undefined, written: false };
    const deadline = performance.now() + this.stopBudgetMs;
    let written = (await snapshots.finishBy(deadline)) !== undefined;
    const views = this.versions.views;
    const last = snapshots.last;
    const remaining = deadline - performance.now();
    const fits = remaining > 0 && (!last || last.ms <= remaining);
    if (last?.position !== views.position && fits) {
      const begun = snapshots.begin(views, this.lastEventId);
      written = (await snapshots.finishBy(deadline)) !== undefined || written;
      await begun;
    }
    return { snapshotAt: snapshots.last?.position, written };
  }

  /**
   * Stops following the log, leaves a snapshot (see `lastSnapshot`) and closes the store; closing
   * twice is once. Answers the snapshot's position, and whether this stop wrote it.
   */
  close(): Promise<Closed> {
    this.closing ??= (async () => {
      await this.models.follower.stop();
      const closed = await this.lastSnapshot();
      await this.store.close();
      return closed;
    })();
    return this.closing;
  }
}
