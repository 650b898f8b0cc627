import { type CampaignReferences, DomainError } from '@timeline/domain';
import { LogFollower, type Projection } from '@timeline/projections';
import type { EventStore } from '@timeline/store';
import type { CampaignEntry, CatalogView } from '@timeline/views';
import { campaignReferences } from './campaign-references';
import type { ProjectionVersions } from './projection-versions';

/** The read models the service answers from, folded from one store by one follower. */
export class TimelineReadModels {
  readonly follower: LogFollower;

  constructor(
    store: EventStore,
    private readonly projections: ProjectionVersions,
    extra: Projection[] = [],
  ) {
    this.follower = new LogFollower(store, [projections, ...extra]);
  }

  /**
   * The catalog as the serving views folded it: one fold names the views' answers, checks the
   * commands' references and lists the catalog. A rebuild folds its own and brings it in with it.
   */
  get catalog(): CatalogView {
    return this.projections.views.catalog;
  }

  campaign(campaignId: string): CampaignEntry {
    const entry = this.catalog.campaigns.get(campaignId);
    if (!entry) throw DomainError.notFound(`campaign "${campaignId}" does not exist`);
    return entry;
  }

  /** The campaign's claims that are not retracted, as their latest versions have them: what an amendment must keep inside. */
  recordedClaims(campaignId: string): { claimId: string; time: { from: string; to: string } }[] {
    const ledger = this.projections.views.ledger(campaignId);
    return [...(ledger?.claims.values() ?? [])].flatMap((record) => {
      const latest = record.versions.at(-1);
      return latest && !latest.retracted ? [{ claimId: record.claimId, time: latest.claim.time }] : [];
    });
  }

  /** What a claim of the campaign may refer to; `extraClaimIds` are claims recorded with it. */
  references(campaignId: string, extraClaimIds?: ReadonlySet<string>): CampaignReferences {
    const entry = this.campaign(campaignId);
    const claims = this.projections.views.ledger(campaignId)?.claims ?? new Map<string, unknown>();
    return campaignReferences(entry, this.catalog, claims, extraClaimIds);
  }
}
