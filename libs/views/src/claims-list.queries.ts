import type { ClaimData, Rank } from '@timeline/domain';
import type { CampaignLedger } from './campaign-ledger';
import { firstVersion, latestVersion, type ClaimRecord } from './claim-history';

/** A claim at its newest revision, as the list shows it. */
export interface ClaimRow {
  claim: ClaimData;
  revision: number;
  rank: Rank;
  retracted: boolean;
  /** Position at which the claim was first recorded: the list's order and paging cursor. */
  position: number;
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

export function claimRow(ledger: CampaignLedger, record: ClaimRecord): ClaimRow {
  const last = latestVersion(record);
  return {
    claim: last.claim,
    revision: record.versions.length - 1,
    rank: last.rank,
    retracted: last.retracted,
    position: record.firstPosition,
    recordedAt: new Date(ledger.recordedAt(firstVersion(record))).toISOString(),
    updatedAt: new Date(ledger.recordedAt(last)).toISOString(),
  };
}

/** Claims matching the filter in the order they were first recorded, after the `after` cursor. */
export function listClaims(
  ledger: CampaignLedger,
  filter: ClaimFilter,
  page: { after: number; limit: number },
): { items: ClaimRow[]; next: number | null } {
  const matching: ClaimRecord[] = [];
  for (const record of ledger.claims.values()) {
    if (record.firstPosition > page.after && matches(ledger, record, filter)) matching.push(record);
  }
  matching.sort((a, b) => a.firstPosition - b.firstPosition);
  const items = matching.slice(0, page.limit).map((record) => claimRow(ledger, record));
  const last = items.at(-1);
  return { items, next: last && matching.length > page.limit ? last.position : null };
}

function matches(ledger: CampaignLedger, record: ClaimRecord, filter: ClaimFilter): boolean {
  const last = latestVersion(record);
  const claim = last.claim;
  if (last.retracted && !filter.includeRetracted) return false;
  if (filter.type && claim.type !== filter.type) return false;
  if (filter.place && !('place' in claim && claim.place === filter.place)) return false;
  if (filter.source && !claim.sources.includes(filter.source)) return false;
  if (filter.operation && claim.operation !== filter.operation) return false;
  if (
    filter.publisher &&
    claim.attributedTo !== filter.publisher &&
    !claim.sources.some((s) => ledger.sources.get(s)?.publisher === filter.publisher)
  )
    return false;
  if (filter.day && !(last.valid.from < filter.day.end && last.valid.to > filter.day.start)) return false;
  return true;
}
