import { dayBounds, DomainError } from '@timeline/domain';
import { listClaims, NOW, type ClaimFilter } from '@timeline/views';
import { presentClaim, presentHistoryEntry, sourceRefs } from './claim.answers';
import type { ClaimCommands } from './claim.commands';
import type { TimelineReadModels } from './read-models';
import type { ServingViews } from './serving-views';

export interface ClaimListFilter extends Omit<ClaimFilter, 'day'> {
  /** A local day of the campaign: claims whose interval overlaps it. */
  day?: string;
}

/** A campaign's claims at their newest revision, and one claim with the history of its stream. */
export class ClaimQueries {
  constructor(
    private readonly serving: ServingViews,
    private readonly models: TimelineReadModels,
    private readonly claims: ClaimCommands,
  ) {}

  async list(campaignId: string, filter: ClaimListFilter, page: { after: number; limit: number }) {
    const { place, source, publisher, operation } = filter;
    const { ledger } = await this.serving.forCampaign(campaignId, undefined, undefined, { place, source, publisher, operation });
    const day = filter.day ? dayBounds(filter.day, ledger.campaign.timeZone) : undefined;
    const found = listClaims(ledger, { ...filter, day }, page);
    return { items: found.items.map(presentClaim), next: found.next };
  }

  async get(campaignId: string, claimId: string) {
    // caught up with the log; the ledger dates each version's report as the views do
    const { ledger } = await this.serving.forCampaign(campaignId);
    const { state, events } = await this.claims.read(campaignId, claimId);
    if (!state.exists) throw DomainError.notFound(`claim "${claimId}" does not exist in campaign "${campaignId}"`);
    const { campaignId: _c, ...claim } = state.claim;
    const catalog = this.models.catalog;
    const versions = ledger.claims.get(claimId)?.versions ?? [];
    const reportedAt = new Map(versions.map((v) => [v.position, ledger.reportedAtOf(v, NOW)]));
    const latest = versions.at(-1);
    return {
      ...claim,
      revision: state.revision,
      rank: state.rank,
      retracted: state.retracted,
      reportedAt: latest ? isoOrNull(reportedAt.get(latest.position) ?? null) : null,
      sourceDetails: sourceRefs(catalog, campaignId, claim.sources),
      history: events.map((event) => presentHistoryEntry(event, catalog, campaignId, reportedAt.get(event.position))),
    };
  }
}

function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : new Date(ms).toISOString();
}
