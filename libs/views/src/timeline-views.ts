import { assertNever, type ClaimEvent, type RecordedEvent } from '@timeline/domain';
import { CampaignLedger } from './campaign-ledger';
import { CatalogView } from './catalog.view';
import { latestVersion } from './claim-history';
import type { PlaceTimeline } from './control';
import type { KnownAt } from './known-at';
import { LogPositions } from './log-positions';
import { NowAnswers, type CasualtyFold } from './now-answers';
import type { PublisherGrades } from './publisher-grades';
import type { SnapshotLine } from './snapshot-format';
import { claimChange, type ViewChange } from './view-change';
import { captureLines, restoreSnapshot, type ViewsState } from './views-snapshot';
import { warmAnswers } from './warm-answers';

export type { ViewChange } from './view-change';

/** The views at one position, to read as a snapshot's lines while they go on folding. */
export interface ViewsCapture {
  readonly position: number;
  lines(): Generator<SnapshotLine>;
  /** Whether versions folded before the capture were changed in place since: its lines would mix two positions. */
  stale(): boolean;
}

/**
 * The views' fold of the whole log: the catalog, one ledger of claims per campaign, and the
 * position and recording time of every event (to turn a `knownAt` instant into a position).
 * Answers for what is known now are cached, and an event drops only the entries it touches:
 * a correction refreshes the places and figures it changes, nothing else.
 */
export class TimelineViews {
  /** The one fold of the catalog: the views name their answers from it and commands check against it. */
  readonly catalog = new CatalogView();
  readonly ledgers = new Map<string, CampaignLedger>();
  private readonly log = new LogPositions();
  private readonly answers: NowAnswers;
  private readonly changeListeners = new Set<(change: ViewChange) => void>();
  /** How many times versions already folded were changed in place: a capture taken before is stale. */
  private rewrites = 0;
  position = 0;

  constructor(answerBudgetBytes?: number) {
    this.answers = new NowAnswers(answerBudgetBytes);
  }

  get grades(): PublisherGrades {
    return this.catalog.grades;
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    this.log.add(event.position, event.metadata.recordedAt);
    // claim events first: they are nearly all of the log
    switch (event.type) {
      case 'ControlClaimed':
      case 'CasualtiesReported':
      case 'TerritoryReported':
      case 'IncidentReported':
      case 'ClaimCorrected':
      case 'ClaimRetracted':
      case 'ClaimRanked':
        this.applyClaimEvent(event);
        return;
      case 'CampaignRegistered': {
        this.catalog.apply(event);
        const entry = this.catalog.campaigns.get(event.data.campaignId);
        if (entry && !this.ledgers.has(event.data.campaignId))
          this.ledgers.set(event.data.campaignId, new CampaignLedger(entry, this.catalog.grades, this.log));
        return;
      }
      case 'PlaceRegistered':
      case 'SourceRegistered':
      case 'PublisherRegistered':
        this.catalog.apply(event);
        return;
      case 'PlaceCorrected':
        this.catalog.apply(event);
        // answers name their places and place them: a renamed or moved place is stale in every one
        this.answers.dropCampaign(event.data.campaignId);
        return;
      case 'SourceCorrected': {
        this.catalog.apply(event);
        this.answers.dropCampaign(event.data.campaignId);
        // a corrected publication date moves the reportedAt of every claim version citing the source
        if (this.catalog.campaigns.get(event.data.campaignId)?.publicationsChangedAt === event.position) {
          this.ledgers.get(event.data.campaignId)?.refreshReportedAt();
          this.rewrites++;
        }
        return;
      }
      case 'CampaignAmended':
        this.catalog.apply(event);
        // a wider window adds days to the series and the day lists
        this.answers.dropCampaign(event.data.campaignId);
        return;
      case 'PublisherAssessed':
        this.catalog.apply(event);
        for (const campaignId of this.ledgers.keys()) this.answers.dropCampaign(campaignId);
        return;
      default:
        return assertNever(event);
    }
  }

  /** The views as lines of plain data: a snapshot to resume from without refolding the log. */
  toSnapshot(): Generator<SnapshotLine> {
    return this.capture().lines();
  }

  /**
   * The views as they stand now, to write as a snapshot while they go on folding (a pause of a
   * copy of the catalog and of the claims' list): `lines` reads them at this position later on,
   * unless `stale` says versions folded before it were rewritten since.
   */
  capture(): ViewsCapture {
    const rewrites = this.rewrites;
    return { position: this.position, lines: captureLines(this.state, this.position), stale: () => this.rewrites !== rewrites };
  }

  static fromSnapshot(lines: Iterable<SnapshotLine>): TimelineViews {
    const views = new TimelineViews();
    views.position = restoreSnapshot(views.state, lines);
    return views;
  }

  onChange(listener: (change: ViewChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  private get state(): ViewsState {
    return { catalog: this.catalog, ledgers: this.ledgers, log: this.log };
  }

  ledger(campaignId: string): CampaignLedger | undefined {
    return this.ledgers.get(campaignId);
  }

  /** A `knownAt` given as a log position or an ISO instant, as a position; absent → now. */
  knownAtPosition(knownAt: number | string | undefined): KnownAt {
    return this.log.knownAtPosition(knownAt);
  }

  /** When the event at a position was recorded, or null when no event is there: for audits. */
  recordedAtOf(position: number): string | null {
    return this.log.recordedAtOf(position);
  }

  timeline(ledger: CampaignLedger, place: string, knownAt: KnownAt, operation?: string): PlaceTimeline {
    return this.answers.timeline(ledger, place, knownAt, operation);
  }

  casualties(ledger: CampaignLedger, key: string, knownAt: KnownAt, operation?: string): CasualtyFold {
    return this.answers.casualties(ledger, key, knownAt, operation);
  }

  /** Builds the "now" caches of every place and casualty figure ahead of the first query. */
  warm(sliceMs?: number): Promise<void> {
    return warmAnswers([...this.ledgers.values()], this.answers, sliceMs);
  }

  /**
   * An answer about what is known now, computed once until the campaign changes. A view of the
   * past, or as reported by an instant (which counts what it sets aside as it goes), is computed each time.
   */
  memo<T>(ledger: CampaignLedger, key: string, knownAt: KnownAt, compute: () => T, weight?: (answer: T) => number): T {
    if (ledger.reportedBy !== null) return compute();
    return this.answers.memo(ledger.campaign.campaignId, key, knownAt, compute, weight);
  }

  /** How many whole answers the campaign keeps, and what they weigh in bytes. */
  keptAnswers(campaignId: string): { answers: number; bytes: number } {
    return this.answers.kept(campaignId);
  }

  private applyClaimEvent(event: RecordedEvent<ClaimEvent>): void {
    const ledger = this.ledgers.get(event.data.campaignId);
    if (!ledger) return;
    const known = ledger.claims.get(event.data.claimId);
    const before = known && latestVersion(known).claim;
    const record = ledger.applyClaimEvent(event, known);
    if (!record) return;
    const campaignId = ledger.campaign.campaignId;
    this.answers.dropAnswers(campaignId);
    // nothing cached and nobody listening, as during a rebuild: nothing to drop
    if (!this.answers.holds(campaignId) && this.changeListeners.size === 0) return;
    const change = claimChange(ledger, before, latestVersion(record).claim);
    this.answers.drop(change);
    for (const listener of this.changeListeners) listener(change);
  }
}
