import { DomainError } from '../../domain/src/common/domain-error';
import { CatalogView, type CampaignEntry } from '../../projections/src/catalog/catalog.view';
import { LogFollower, type Projection } from '../../projections/src/log-follower';
import type { EventStore } from '../../store/src/event-store.port';

/** The read models the service answers from, folded from one store by one follower. */
export class TimelineReadModels {
  readonly catalog = new CatalogView();
  readonly follower: LogFollower;

  constructor(store: EventStore, extra: Projection[] = []) {
    this.follower = new LogFollower(store, [this.catalog, ...extra]);
  }

  campaign(campaignId: string): CampaignEntry {
    const entry = this.catalog.campaigns.get(campaignId);
    if (!entry) throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
    return entry;
  }
}
