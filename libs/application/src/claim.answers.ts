import { sourceRef, type CatalogView, type ClaimRow } from '@timeline/views';
import { assertNever, type ClaimEvent, type RecordedEvent } from '@timeline/domain';

/** A source as a reader needs it beside a claim: which report, by whom, when, where. */
export function sourceRefs(catalog: CatalogView, campaignId: string, sourceIds: readonly string[]) {
  const sources = catalog.campaigns.get(campaignId)?.sources;
  return sourceIds.map((sourceId) => sourceRef(sourceId, sources?.get(sourceId)));
}

/** A claim at its newest revision, as the list shows it. */
export function presentClaim(row: ClaimRow) {
  const { campaignId: _c, ...claim } = row.claim;
  return {
    ...claim,
    revision: row.revision,
    rank: row.rank,
    retracted: row.retracted,
    position: row.position,
    recordedAt: row.recordedAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * One event of a claim's stream, as its history shows it, with when its report was public (as the
 * views date the version it made; null for an editors' act or a version with no dated source).
 */
export function presentHistoryEntry(
  event: RecordedEvent<ClaimEvent>,
  catalog: CatalogView,
  campaignId: string,
  reportedAt: number | null | undefined,
) {
  const cited = 'sources' in event.data ? sourceRefs(catalog, campaignId, event.data.sources) : [];
  const entry = {
    revision: event.revision,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
    event: event.type,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    reportedAt: reportedAt === null || reportedAt === undefined ? null : new Date(reportedAt).toISOString(),
  };
  switch (event.type) {
    case 'ControlClaimed':
    case 'CasualtiesReported':
    case 'TerritoryReported':
    case 'IncidentReported':
      return { ...entry, sources: cited };
    case 'ClaimCorrected':
      return {
        ...entry,
        sources: cited,
        reason: event.data.reason,
        changes: event.data.changes,
      };
    case 'ClaimRetracted':
      return { ...entry, sources: cited, reason: event.data.reason };
    case 'ClaimRanked':
      return { ...entry, sources: sourceRefs(catalog, campaignId, []), reason: event.data.reason, rank: event.data.rank };
    default:
      return assertNever(event);
  }
}
