import type { CatalogView, ClaimRow } from '@timeline/views';
import type { StoredEvent } from '@timeline/store';

/** A source as a reader needs it beside a claim: which report, by whom, when, where. */
export function sourceRefs(catalog: CatalogView, campaignId: string, sourceIds: readonly string[]) {
  const sources = catalog.campaigns.get(campaignId)?.sources;
  return sourceIds.map((sourceId) => {
    const source = sources?.get(sourceId);
    return {
      sourceId,
      publisher: source?.publisher ?? null,
      title: source?.title ?? null,
      url: source?.url ?? null,
      publishedAt: source?.publishedAt ?? null,
    };
  });
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

/** One event of a claim's stream, as its history shows it. */
export function presentHistoryEntry(event: StoredEvent, catalog: CatalogView, campaignId: string) {
  const data = event.data as Record<string, unknown>;
  const sources = (data.sources as string[] | undefined) ?? [];
  return {
    revision: event.revision,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
    event: event.type,
    actor: event.metadata.actor,
    correlationId: event.metadata.correlationId,
    sources: sourceRefs(catalog, campaignId, sources),
    ...(data.reason !== undefined ? { reason: data.reason } : {}),
    ...(data.changes !== undefined ? { changes: data.changes } : {}),
    ...(data.rank !== undefined ? { rank: data.rank } : {}),
  };
}
