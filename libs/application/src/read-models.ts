import { DomainError } from '@timeline/domain';
import { CatalogView, type CampaignEntry, LogFollower, type Projection } from '@timeline/projections';
import type { EventStore } from '@timeline/store';

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
