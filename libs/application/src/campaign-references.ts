import type { CampaignReferences } from '@timeline/domain';
import type { CampaignEntry, CatalogView } from '@timeline/views';

/** The references a claim may make in a campaign, answered by the catalog and the claims recorded. */
export function campaignReferences(
  entry: CampaignEntry,
  catalog: CatalogView,
  claims: ReadonlyMap<string, unknown>,
  extraClaimIds: ReadonlySet<string> = new Set(),
): CampaignReferences {
  return {
    campaignId: entry.campaign.campaignId,
    timeZone: entry.campaign.timeZone,
    hasPlace: (id) => entry.places.has(id),
    placeKind: (id) => entry.places.get(id)?.kind,
    hasSource: (id) => entry.sources.has(id),
    hasFaction: (id) => entry.factions.has(id),
    hasOperation: (id) => entry.campaign.operations.some((o) => o.id === id),
    hasClaim: (id) => claims.has(id) || extraClaimIds.has(id),
    isPublisher: (id) => catalog.publishers.has(id),
  };
}
