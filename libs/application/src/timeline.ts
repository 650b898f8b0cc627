import type { EventStore } from '../../store/src/event-store.port';
import { openEventStore } from '../../store/src/open-store';
import type { Projection } from '../../projections/src/log-follower';
import { CatalogCommands } from './catalog.commands';
import { ClaimCommands } from './claim.commands';
import { ProjectionVersions } from './projection-versions';
import { TimelineReadModels } from './read-models';

/** The service without its shell: one store, the read models folded from it, the use cases. */
export class Timeline {
  readonly models: TimelineReadModels;
  readonly claims: ClaimCommands;
  readonly catalog: CatalogCommands;
  /** The control, casualty and territory views, with their rebuilds. */
  readonly projections: ProjectionVersions;

  constructor(
    readonly store: EventStore,
    projections: Projection[] = [],
  ) {
    this.projections = new ProjectionVersions(store, () => this.models.follower);
    this.models = new TimelineReadModels(store, [this.projections, ...projections]);
    this.claims = new ClaimCommands(store, this.models);
    this.catalog = new CatalogCommands(store, this.models);
  }

  static async open(storeUrl: string, options: { pollMs?: number; onError?: (e: unknown) => void } = {}): Promise<Timeline> {
    return new Timeline(await openEventStore(storeUrl, options));
  }

  /** Folds what is stored, then follows appends (this process's and other processes'). */
  async start(): Promise<void> {
    await this.models.follower.catchUp();
    this.models.follower.follow();
  }

  async close(): Promise<void> {
    await this.models.follower.stop();
    await this.store.close();
  }
}
