import type { CampaignRegistration, Grade } from '@timeline/domain';
import { casualtyCandidates, incidentGroups, type CasualtyCandidate, type Group } from './casualties';
import { placeTimeline, type TimelineEntry } from './control';
import { lastAtOrBefore } from './sorted-search';
import { CampaignLedger, NOW, PublisherGrades, type KnownAt, type LogEvent } from './ledger';

/**
 * The views' fold of the whole log: one ledger per campaign, publisher grades, and the position
 * and recording time of every event (to turn a `knownAt` instant into a position). Answers for
 * what is known now are cached per place and per casualty key, and an event drops only the
 * entries it touches: a correction refreshes the places and figures it changes, nothing else.
 */
export class TimelineViews {
  readonly ledgers = new Map<string, CampaignLedger>();
  readonly grades = new PublisherGrades();
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

  apply(event: LogEvent): void {
    if (event.position <= this.position) return;
    this.position = event.position;
    const recordedAt = Date.parse(String(event.metadata.recordedAt ?? '')) || 0;
    this.positions.push(event.position);
    this.recordedAts.push(Math.max(recordedAt, this.recordedAts[this.recordedAts.length - 1] ?? 0));
    const data = event.data as Record<string, any>;
    switch (event.type) {
      case 'CampaignRegistered':
        if (!this.ledgers.has(data.campaignId))
          this.ledgers.set(data.campaignId, new CampaignLedger(data as CampaignRegistration, this.grades));
        return;
      case 'PlaceRegistered':
        this.ledgers.get(data.campaignId)?.recordPlace(stripCampaign(data) as never, event.position);
        return;
      case 'PlaceCorrected': {
        const ledger = this.ledgers.get(data.campaignId);
        const place = ledger?.places.get(data.placeId);
        if (place) ledger!.recordPlace({ ...place, ...data.changes }, event.position);
        return;
      }
      case 'SourceRegistered':
        this.ledgers.get(data.campaignId)?.recordSource(stripCampaign(data) as never, event.position);
        return;
      case 'SourceCorrected': {
        const ledger = this.ledgers.get(data.campaignId);
        const source = ledger?.sources.get(data.sourceId);
        if (source) ledger!.recordSource({ ...source, ...data.changes }, event.position);
        this.invalidateCampaign(data.campaignId);
        return;
      }
      case 'PublisherAssessed':
        this.grades.assess(data.publisher, data.reliability as Grade, event.position, String(event.metadata.actor ?? ''));
        for (const campaignId of this.ledgers.keys()) this.invalidateCampaign(campaignId);
        return;
      default: {
        const ledger = this.ledgers.get(data.campaignId);
        if (!ledger || typeof data.claimId !== 'string') return;
        const before = ledger.claims.get(data.claimId)?.versions.at(-1)?.claim;
        const record = ledger.applyClaimEvent(event, this.recordedAts[this.recordedAts.length - 1]);
        if (!record) return;
        const after = record.versions[record.versions.length - 1].claim;
        this.invalidateClaim(data.campaignId, [before, after]);
      }
    }
  }

  /** The views as lines of plain data: a snapshot to resume from without refolding the log. */
  *toSnapshot(): Generator<unknown> {
    yield {
      kind: 'views',
      position: this.position,
      positions: this.positions,
      recordedAts: this.recordedAts,
      grades: this.grades.toSnapshot(),
    };
    for (const ledger of this.ledgers.values()) yield* ledger.toSnapshot();
  }

  static fromSnapshot(lines: Iterable<any>): TimelineViews {
    const views = new TimelineViews();
    for (const line of lines) {
      if (line.kind === 'views') {
        views.position = line.position;
        for (const position of line.positions) views.positions.push(position);
        for (const recordedAt of line.recordedAts) views.recordedAts.push(recordedAt);
        views.grades.restore(line.grades);
      } else if (line.kind === 'campaign') {
        const ledger = new CampaignLedger(line.campaign, views.grades);
        ledger.restorePlacesAndSources(line.places, line.sources);
        views.ledgers.set(line.campaign.campaignId, ledger);
      } else if (line.kind === 'claim') {
        views.ledgers.get(line.campaignId)?.restoreClaim(line);
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
    return found < 0 ? 0 : this.positions[found];
  }

  /** The events of the log up to a position, as (position, recordedAt) pairs: for audits. */
  recordedAtOf(position: number): string | null {
    const i = this.indexOfPosition(position);
    return i < 0 ? null : new Date(this.recordedAts[i]).toISOString();
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

  private invalidateClaim(campaignId: string, versions: (Record<string, any> | undefined)[]): void {
    this.answers.delete(campaignId);
    // nothing cached and nobody listening, as during a rebuild: nothing to drop
    if (!this.timelines.has(campaignId) && !this.casualtyCache.has(campaignId) && this.changeListeners.size === 0) return;
    const places = new Set<string>();
    const keys = new Set<string>();
    for (const claim of versions) {
      if (!claim) continue;
      if (claim.type === 'control') places.add(claim.place);
      if (claim.type === 'casualties') keys.add(`${claim.side}|${claim.category}`);
      // a denial changes the dispute flag of the places of the claims it names
      for (const denied of claim.denies ?? []) {
        const target = this.ledgers.get(campaignId)?.claims.get(denied)?.versions.at(-1)?.claim as
          Record<string, any> | undefined;
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

function stripCampaign(data: Record<string, unknown>): Record<string, unknown> {
  const { campaignId: _c, ...rest } = data;
  return rest;
}

function nested<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}
