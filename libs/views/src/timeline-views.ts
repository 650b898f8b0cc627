import { assertNever, type ClaimData, type ClaimEvent, type RecordedEvent } from '@timeline/domain';
import { CampaignLedger } from './campaign-ledger';
import { casualtyCandidates, incidentGroups, type CasualtyCandidate, type Group } from './casualties';
import { CatalogView } from './catalog.view';
import { latestVersion } from './claim-history';
import { casualtyKey } from './claim-indexes';
import { placeTimeline, type TimelineEntry } from './control';
import { NOW, type KnownAt } from './known-at';
import { nested } from './multimaps';
import type { PublisherGrades } from './publisher-grades';
import {
  campaignLine,
  claimLines,
  claimRecordOf,
  restoreCampaign,
  restorePublishers,
  type SnapshotLine,
  type ViewsLine,
} from './snapshot-format';
import { lastAtOrBefore } from './sorted-search';

/**
 * The views' fold of the whole log: the catalog, one ledger of claims per campaign, and the
 * position and recording time of every event (to turn a `knownAt` instant into a position).
 * Answers for what is known now are cached per place and per casualty key, and an event drops
 * only the entries it touches: a correction refreshes the places and figures it changes, nothing else.
 */
export class TimelineViews {
  /** The one fold of the catalog: the views name their answers from it and commands check against it. */
  readonly catalog = new CatalogView();
  readonly ledgers = new Map<string, CampaignLedger>();
  private readonly positions: number[] = [];
  private readonly recordedAts: number[] = [];
  /** campaign → place → operation ('' for all) → timeline known now. */
  private readonly timelines = new Map<string, Map<string, Map<string, TimelineEntry[]>>>();
  /** campaign → `side|category` → operation → candidates and incident groups known now. */
  private readonly casualtyCache = new Map<
    string,
    Map<string, Map<string, { candidates: CasualtyCandidate[]; groups: Group[] }>>
  >();
  /** campaign → whole answers known now (a day's control view …), dropped on any change to it. */
  private readonly answers = new Map<string, Map<string, unknown>>();
  private readonly changeListeners = new Set<(change: ViewChange) => void>();
  position = 0;

  get grades(): PublisherGrades {
    return this.catalog.grades;
  }

  apply(event: RecordedEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    // recording times never go back, so a knownAt instant finds its position by binary search
    const recordedAt = Math.max(Date.parse(event.metadata.recordedAt) || 0, this.recordedAts[this.recordedAts.length - 1] ?? 0);
    this.positions.push(event.position);
    this.recordedAts.push(recordedAt);
    // claim events first: they are nearly all of the log
    switch (event.type) {
      case 'ControlClaimed':
      case 'CasualtiesReported':
      case 'TerritoryReported':
      case 'IncidentReported':
      case 'ClaimCorrected':
      case 'ClaimRetracted':
      case 'ClaimRanked':
        this.applyClaimEvent(event, recordedAt);
        return;
      case 'CampaignRegistered': {
        this.catalog.apply(event);
        const entry = this.catalog.campaigns.get(event.data.campaignId);
        if (entry && !this.ledgers.has(event.data.campaignId))
          this.ledgers.set(event.data.campaignId, new CampaignLedger(entry, this.catalog.grades));
        return;
      }
      case 'PlaceRegistered':
      case 'PlaceCorrected':
      case 'SourceRegistered':
      case 'PublisherRegistered':
        this.catalog.apply(event);
        return;
      case 'SourceCorrected':
        this.catalog.apply(event);
        this.invalidateCampaign(event.data.campaignId);
        return;
      case 'PublisherAssessed':
        this.catalog.apply(event);
        for (const campaignId of this.ledgers.keys()) this.invalidateCampaign(campaignId);
        return;
      default:
        return assertNever(event);
    }
  }

  /** The views as lines of plain data: a snapshot to resume from without refolding the log. */
  *toSnapshot(): Generator<SnapshotLine> {
    yield {
      kind: 'views',
      position: this.position,
      positions: this.positions,
      recordedAts: this.recordedAts,
      publishers: [...this.catalog.publishers.values()],
      grades: this.catalog.grades.toSnapshot(),
    } satisfies ViewsLine;
    for (const entry of this.catalog.campaigns.values()) yield campaignLine(entry);
    for (const ledger of this.ledgers.values()) yield* claimLines(ledger);
  }

  static fromSnapshot(lines: Iterable<SnapshotLine>): TimelineViews {
    const views = new TimelineViews();
    for (const line of lines) {
      switch (line.kind) {
        case 'views':
          views.position = line.position;
          for (const position of line.positions) views.positions.push(position);
          for (const recordedAt of line.recordedAts) views.recordedAts.push(recordedAt);
          restorePublishers(views.catalog, line);
          break;
        case 'campaign': {
          const entry = restoreCampaign(views.catalog, line);
          views.ledgers.set(entry.campaign.campaignId, new CampaignLedger(entry, views.catalog.grades));
          break;
        }
        case 'claim':
          views.ledgers.get(line.campaignId)?.restoreClaim(claimRecordOf(line));
          break;
        default:
          assertNever(line);
      }
    }
    return views;
  }

  onChange(listener: (change: ViewChange) => void): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  ledger(campaignId: string): CampaignLedger | undefined {
    return this.ledgers.get(campaignId);
  }

  /** A `knownAt` given as a log position or an ISO instant, as a position; absent → now. */
  knownAtPosition(knownAt: number | string | undefined): KnownAt {
    if (knownAt === undefined) return NOW;
    if (typeof knownAt === 'number') return knownAt;
    const found = lastAtOrBefore(this.recordedAts.length, (i) => this.recordedAts[i], Date.parse(knownAt));
    // before the first event (found = -1): nothing was known yet
    return this.positions[found] ?? 0;
  }

  /** When the event at a position was recorded, or null when no event is there: for audits. */
  recordedAtOf(position: number): string | null {
    const recordedAt = this.recordedAts[this.indexOfPosition(position)];
    return recordedAt === undefined ? null : new Date(recordedAt).toISOString();
  }

  timeline(ledger: CampaignLedger, place: string, knownAt: KnownAt, operation?: string): TimelineEntry[] {
    if (knownAt !== NOW) return placeTimeline(ledger, place, knownAt, { operation });
    const byOperation = nested(nested(this.timelines, ledger.campaign.campaignId), place);
    let timeline = byOperation.get(operation ?? '');
    if (!timeline) byOperation.set(operation ?? '', (timeline = placeTimeline(ledger, place, NOW, { operation })));
    return timeline;
  }

  casualties(
    ledger: CampaignLedger,
    key: string,
    knownAt: KnownAt,
    operation?: string,
  ): { candidates: CasualtyCandidate[]; groups: Group[] } {
    const compute = () => {
      const candidates = casualtyCandidates(ledger, key, knownAt, { operation });
      return { candidates, groups: incidentGroups(candidates) };
    };
    if (knownAt !== NOW) return compute();
    const byOperation = nested(nested(this.casualtyCache, ledger.campaign.campaignId), key);
    let cached = byOperation.get(operation ?? '');
    if (!cached) byOperation.set(operation ?? '', (cached = compute()));
    return cached;
  }

  /**
   * Builds the "now" caches of every place and casualty figure ahead of the first query, a slice
   * at a time so requests are served in between: at a million claims the first day's view would
   * otherwise take seconds.
   */
  async warm(yieldEvery = 200): Promise<void> {
    let n = 0;
    for (const ledger of [...this.ledgers.values()]) {
      for (const place of [...ledger.controlByPlace.keys()]) {
        this.timeline(ledger, place, NOW);
        if (++n % yieldEvery === 0) await new Promise((resolve) => setImmediate(resolve));
      }
      for (const key of [...ledger.casualtiesByKey.keys()]) {
        this.casualties(ledger, key, NOW);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
  }

  /** An answer about what is known now, computed once until the campaign changes. */
  memo<T>(campaignId: string, key: string, knownAt: KnownAt, compute: () => T): T {
    if (knownAt !== NOW) return compute();
    const answers = nested(this.answers, campaignId);
    if (answers.has(key)) return answers.get(key) as T;
    const answer = compute();
    if (answers.size > 10_000) answers.clear();
    answers.set(key, answer);
    return answer;
  }

  private indexOfPosition(position: number): number {
    const found = lastAtOrBefore(this.positions.length, (i) => this.positions[i], position);
    return this.positions[found] === position ? found : -1;
  }

  private applyClaimEvent(event: RecordedEvent<ClaimEvent>, recordedAt: number): void {
    const ledger = this.ledgers.get(event.data.campaignId);
    if (!ledger) return;
    const known = ledger.claims.get(event.data.claimId);
    const before = known && latestVersion(known).claim;
    const record = ledger.applyClaimEvent(event, recordedAt);
    if (record) this.invalidateClaim(ledger, before, latestVersion(record).claim);
  }

  /** Drops what a claim's change touches: what its version before and after the change say. */
  private invalidateClaim(ledger: CampaignLedger, before: ClaimData | undefined, after: ClaimData): void {
    const campaignId = ledger.campaign.campaignId;
    this.answers.delete(campaignId);
    // nothing cached and nobody listening, as during a rebuild: nothing to drop
    if (!this.timelines.has(campaignId) && !this.casualtyCache.has(campaignId) && this.changeListeners.size === 0) return;
    const places = new Set<string>();
    const keys = new Set<string>();
    for (const claim of before ? [before, after] : [after]) {
      if (claim.type === 'control') places.add(claim.place);
      if (claim.type === 'casualties') keys.add(casualtyKey(claim));
      // a denial changes the dispute flag of the places of the claims it names
      for (const denied of claim.denies ?? []) {
        const target = ledger.claims.get(denied)?.versions.at(-1)?.claim;
        if (target?.type === 'control') places.add(target.place);
      }
    }
    for (const place of places) this.timelines.get(campaignId)?.delete(place);
    for (const key of keys) this.casualtyCache.get(campaignId)?.delete(key);
    const change: ViewChange = { campaignId, places: [...places], casualtyKeys: [...keys] };
    for (const listener of this.changeListeners) listener(change);
  }

  private invalidateCampaign(campaignId: string): void {
    this.answers.delete(campaignId);
    this.timelines.delete(campaignId);
    this.casualtyCache.delete(campaignId);
  }
}

/** What an event changed, for those who push updates (replays) or drop cached answers. */
export interface ViewChange {
  campaignId: string;
  places: string[];
  casualtyKeys: string[];
}
