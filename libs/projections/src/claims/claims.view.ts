import type { ClaimData, ClaimEvent } from '../../../domain/src/claim/claim.events';
import { CLAIM_EVENT_TYPES } from '../../../domain/src/claim/claim.events';
import { evolveClaim, initialClaimState, type ClaimState } from '../../../domain/src/claim/claim.evolve';
import type { Rank } from '../../../domain/src/claim/claim.schema';
import type { StoredEvent } from '../../../store/src/event-store.port';

export interface ClaimRow {
  claim: ClaimData;
  revision: number;
  rank: Rank;
  retracted: boolean;
  /** Position at which the claim was first recorded: the list's order and paging cursor. */
  position: number;
  lastPosition: number;
  recordedAt: string;
  updatedAt: string;
}

export interface ClaimFilter {
  type?: string;
  place?: string;
  source?: string;
  /** Publisher of any of the claim's sources, or the publisher it is attributed to. */
  publisher?: string;
  operation?: string;
  /** `[start, end)` of a local day, UTC ms: claims whose interval overlaps it. */
  day?: { start: number; end: number };
  includeRetracted?: boolean;
}

const CLAIM_TYPES = new Set<string>(CLAIM_EVENT_TYPES);

/** Every claim of every campaign at its newest revision, for listing with filters and paging. */
export class ClaimsView {
  private readonly byCampaign = new Map<string, Map<string, ClaimRow>>();
  private readonly states = new Map<string, ClaimState>();

  apply(event: StoredEvent): void {
    if (!CLAIM_TYPES.has(event.type)) return;
    const data = event.data as { campaignId: string; claimId: string };
    const key = `${data.campaignId}/${data.claimId}`;
    const state = evolveClaim(this.states.get(key) ?? initialClaimState(), { type: event.type, data } as ClaimEvent);
    this.states.set(key, state);
    if (!state.exists) return;
    let rows = this.byCampaign.get(data.campaignId);
    if (!rows) this.byCampaign.set(data.campaignId, (rows = new Map()));
    const previous = rows.get(data.claimId);
    const recordedAt = String(event.metadata.recordedAt ?? '');
    rows.set(data.claimId, {
      claim: state.claim,
      revision: state.revision,
      rank: state.rank,
      retracted: state.retracted,
      position: previous?.position ?? event.position,
      lastPosition: event.position,
      recordedAt: previous?.recordedAt ?? recordedAt,
      updatedAt: recordedAt,
    });
  }

  get(campaignId: string, claimId: string): ClaimRow | undefined {
    return this.byCampaign.get(campaignId)?.get(claimId);
  }

  count(campaignId: string): number {
    return this.byCampaign.get(campaignId)?.size ?? 0;
  }

  /** Claims matching the filter in the order they were recorded, after the `after` cursor. */
  list(
    campaignId: string,
    filter: ClaimFilter,
    publisherOf: (sourceId: string) => string | undefined,
    page: { after: number; limit: number },
  ): { items: ClaimRow[]; next: number | null } {
    const items: ClaimRow[] = [];
    for (const row of this.byCampaign.get(campaignId)?.values() ?? []) {
      if (row.position <= page.after || !matches(row, filter, publisherOf)) continue;
      items.push(row);
    }
    items.sort((a, b) => a.position - b.position);
    const pageItems = items.slice(0, page.limit);
    const next = items.length > page.limit ? pageItems[pageItems.length - 1].position : null;
    return { items: pageItems, next };
  }
}

function matches(row: ClaimRow, filter: ClaimFilter, publisherOf: (sourceId: string) => string | undefined): boolean {
  const claim = row.claim as ClaimData & { place?: string };
  if (row.retracted && !filter.includeRetracted) return false;
  if (filter.type && claim.type !== filter.type) return false;
  if (filter.place && claim.place !== filter.place) return false;
  if (filter.source && !claim.sources.includes(filter.source)) return false;
  if (filter.operation && claim.operation !== filter.operation) return false;
  if (filter.publisher) {
    const publishers = claim.sources.map(publisherOf);
    if (claim.attributedTo !== filter.publisher && !publishers.includes(filter.publisher)) return false;
  }
  if (filter.day) {
    const from = Date.parse(claim.time.from);
    const to = Date.parse(claim.time.to);
    if (!(from < filter.day.end && to > filter.day.start)) return false;
  }
  return true;
}
