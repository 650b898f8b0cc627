import { assertNever } from '@timeline/domain';
import { CampaignLedger } from './campaign-ledger';
import type { CatalogView } from './catalog.view';
import type { LogPositions } from './log-positions';
import type { ClaimRecord } from './claim-history';
import {
  campaignLine,
  captureIndex,
  claimLine,
  claimRecordOf,
  INDEX_NAMES,
  indexLines,
  isClaimLine,
  valuesLines,
  restoreCampaign,
  restoreIndex,
  restorePublishers,
  type SnapshotLine,
  type ViewsLine,
} from './snapshot-format';

/** What the views hold: what a snapshot writes and restores. */
export interface ViewsState {
  readonly catalog: CatalogView;
  readonly ledgers: Map<string, CampaignLedger>;
  readonly log: LogPositions;
}

/**
 * The views as they stand, as lines of plain data to resume from without refolding the log, read
 * later while the views go on folding: what an event can change in place (the log's positions,
 * the publishers, the grades, the catalog's lists of versions) is copied now, and of the claims,
 * which only gain versions and records, the records and each one's count of versions are kept,
 * and of the claim indexes, whose lists only grow, each list's length: the lines read later are
 * those of this position. The one change in place to versions
 * already folded — a corrected publication date moves their reportedAt — is not caught here:
 * `TimelineViews.capture` tells the reader the lines went stale.
 */
export function captureLines(state: ViewsState, position: number): () => Generator<SnapshotLine> {
  const views: ViewsLine = {
    kind: 'views',
    position,
    positions: state.log.positions.slice(),
    recordedAts: state.log.recordedAts.slice(),
    publishers: structuredClone([...state.catalog.publishers.values()]),
    grades: state.catalog.grades.toSnapshot().map(([publisher, assessments]) => [publisher, assessments.slice()]),
  };
  const campaigns = [...state.catalog.campaigns.values()].map(campaignLine);
  const claims = [...state.ledgers.values()].map((ledger) => {
    const records = [...ledger.claims.values()];
    // a loop: Uint32Array.from with a mapping function takes ten times as long
    const counts = new Uint32Array(records.length);
    for (let i = 0; i < records.length; i++) counts[i] = (records[i] as ClaimRecord).versions.length;
    return { campaignId: ledger.campaign.campaignId, records, counts, pool: ledger.pool, values: ledger.pool.valueCount };
  });
  const indexes = [...state.ledgers.values()].flatMap((ledger) =>
    INDEX_NAMES.map((index) => captureIndex(ledger.campaign.campaignId, index, ledger[index])),
  );
  return function* lines() {
    yield views;
    yield* campaigns;
    for (const { campaignId, records, counts, pool, values } of claims) {
      // before the claims: a restore takes back the values they name
      yield* valuesLines(campaignId, pool, values);
      for (let i = 0; i < records.length; i++) yield claimLine(campaignId, records[i] as ClaimRecord, counts[i] ?? 0, pool);
    }
    // after the claims: a restore files the claims its ordinals name
    for (const index of indexes) yield* indexLines(index);
  };
}

/** Fills empty views from a snapshot's lines; answers the position the snapshot was taken at. */
export function restoreSnapshot(state: ViewsState, lines: Iterable<SnapshotLine>): number {
  let position = 0;
  const byOrdinal = new Map<CampaignLedger, ClaimRecord[]>();
  for (const line of lines) {
    // claim lines first: they are nearly all of a snapshot
    if (isClaimLine(line)) {
      const ledger = state.ledgers.get(line[1]);
      ledger?.restoreClaim(claimRecordOf(line, ledger.claims.size));
      continue;
    }
    switch (line.kind) {
      case 'views':
        position = line.position;
        state.log.restore(line.positions, line.recordedAts);
        restorePublishers(state.catalog, line);
        break;
      case 'campaign': {
        const entry = restoreCampaign(state.catalog, line);
        state.ledgers.set(entry.campaign.campaignId, new CampaignLedger(entry, state.catalog.grades, state.log));
        break;
      }
      case 'values': {
        const ledger = state.ledgers.get(line.campaignId);
        if (ledger && line.from !== ledger.pool.valueCount)
          throw new Error(
            `snapshot: values from ${line.from} follow ${ledger.pool.valueCount} values of campaign "${line.campaignId}"`,
          );
        ledger?.pool.restoreValues(line.values);
        break;
      }
      case 'index': {
        const ledger = state.ledgers.get(line.campaignId);
        if (!ledger) break;
        let records = byOrdinal.get(ledger);
        if (records?.length !== ledger.claims.size) byOrdinal.set(ledger, (records = [...ledger.claims.values()]));
        restoreIndex(ledger, line, records);
        break;
      }
      default:
        assertNever(line);
    }
  }
  return position;
}
