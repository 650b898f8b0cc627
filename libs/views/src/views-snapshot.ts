import { assertNever } from '@timeline/domain';
import { CampaignLedger } from './campaign-ledger';
import type { CatalogView } from './catalog.view';
import type { LogPositions } from './log-positions';
import {
  campaignLine,
  claimLines,
  claimRecordOf,
  restoreCampaign,
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

/** The views as lines of plain data: a snapshot to resume from without refolding the log. */
export function* snapshotLines(state: ViewsState, position: number): Generator<SnapshotLine> {
  yield {
    kind: 'views',
    position,
    positions: state.log.positions,
    recordedAts: state.log.recordedAts,
    publishers: [...state.catalog.publishers.values()],
    grades: state.catalog.grades.toSnapshot(),
  } satisfies ViewsLine;
  for (const entry of state.catalog.campaigns.values()) yield campaignLine(entry);
  for (const ledger of state.ledgers.values()) yield* claimLines(ledger);
}

/** Fills empty views from a snapshot's lines; answers the position the snapshot was taken at. */
export function restoreSnapshot(state: ViewsState, lines: Iterable<SnapshotLine>): number {
  let position = 0;
  for (const line of lines) {
    switch (line.kind) {
      case 'views':
        position = line.position;
        state.log.restore(line.positions, line.recordedAts);
        restorePublishers(state.catalog, line);
        break;
      case 'campaign': {
        const entry = restoreCampaign(state.catalog, line);
        state.ledgers.set(entry.campaign.campaignId, new CampaignLedger(entry, state.catalog.grades));
        break;
      }
      case 'claim':
        state.ledgers.get(line.campaignId)?.restoreClaim(claimRecordOf(line));
        break;
      default:
        assertNever(line);
    }
  }
  return position;
}
