import { assertNever, type CampaignReferences } from '@timeline/domain';
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
    campaign: entry.campaign,
    knownIds: (kind) => {
      switch (kind) {
        case 'place':
          return entry.places.keys();
        case 'source':
          return entry.sources.keys();
        case 'faction':
          return entry.factions.keys();
        case 'operation':
          return entry.campaign.operations.map((o) => o.id);
        case 'claim':
          return [...claims.keys(), ...extraClaimIds];
        case 'publisher':
          return catalog.publishers.keys();
        default:
          return assertNever(kind);
      }
    },
    hasPlace: (id) => entry.places.has(id),
    placeKind: (id) => entry.places.get(id)?.kind,
    hasSource: (id) => entry.sources.has(id),
    hasFaction: (id) => entry.factions.has(id),
    hasOperation: (id) => entry.campaign.operations.some((o) => o.id === id),
    hasClaim: (id) => claims.has(id) || extraClaimIds.has(id),
    isPublisher: (id) => catalog.publishers.has(id),
  };
}
