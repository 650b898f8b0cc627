import { placeOf } from '@timeline/domain';
import {
  type CampaignLedger,
  casualtyKey,
  type CasualtyCandidate,
  type ClaimVersion,
  entryAt,
  type Group,
  type KnownAt,
  lastAtOrBefore,
  NOW,
  placeStateAt,
  type TimelineEntry,
  type TimelineViews,
} from '@timeline/views';
import { casualtyFrameFigure, frameClaim, placeFrameState } from './frame-mappers';
import type { CasualtyFrameFigure, FrameClaim, FrameContent, PlaceFrameState, SnapshotContent } from './frame.types';
import { HOUR, isoInstant as iso } from './local-hour';

export interface ReplayScope {
  campaignId: string;
  from: number;
  to: number;
  operation?: string;
  places?: string[];
}

/**
 * What a replay shows, computed from the views pinned at one log position: the same request at
 * the same position gives the same frames, whoever asks and whenever. Frame `i` covers the hour
 * `(at, until]` and carries the claims taking effect in it (a claim lands in the frame whose hour
 * contains its end), with what changed in control and casualties. No clock, no socket.
 */
export class ReplayPlan {
  readonly hours: number;
  private readonly places: string[];
  private readonly timelines = new Map<string, TimelineEntry[]>();
  private readonly claimsByTo: { version: ClaimVersion; claimId: string }[];
  private readonly casualtyKeys: string[];
  private readonly casualties = new Map<string, { candidates: CasualtyCandidate[]; groups: Group[] }>();
  /** Bounded by `hours`: a replay window is at most a year of hours. */
  private readonly frames = new Map<number, FrameContent>();

  constructor(
    private readonly views: TimelineViews,
    private readonly ledger: CampaignLedger,
    readonly scope: ReplayScope,
    readonly pinnedPosition: number,
  ) {
    this.hours = Math.max(0, Math.ceil((scope.to - scope.from) / HOUR));
    const knownAt = this.knownAt;
    const wanted = scope.places ? new Set(scope.places) : undefined;
    this.places = [...ledger.controlByPlace.keys()].filter((p) => !wanted || wanted.has(p)).sort();
    // the views' arrays are replaced, never changed, when the log moves on: holding them pins them
    for (const place of this.places) this.timelines.set(place, views.timeline(ledger, place, knownAt, scope.operation));
    this.claimsByTo = [];
    for (const record of ledger.claims.values()) {
      const version = ledger.liveAt(record, knownAt);
      if (!version || (scope.operation && version.claim.operation !== scope.operation)) continue;
      const place = placeOf(version.claim);
      if (wanted && (!place || !wanted.has(place))) continue;
      this.claimsByTo.push({ version, claimId: record.claimId });
    }
    this.claimsByTo.sort((a, b) => a.version.to - b.version.to || a.version.position - b.version.position);
    this.casualtyKeys = [...ledger.casualtiesByKey.keys()].sort();
  }

  /** The views as pinned: "now" while the log has not moved on since the plan was made. */
  private get knownAt(): KnownAt {
    return this.pinnedPosition >= this.views.position ? NOW : this.pinnedPosition;
  }

  frameIndexAt(instant: number): number {
    return Math.min(this.hours, Math.max(0, Math.floor((instant - this.scope.from) / HOUR)));
  }

  snapshot(index: number): SnapshotContent {
    const at = this.scope.from + index * HOUR;
    return {
      at: iso(at),
      control: this.places.map((place) => this.stateAt(place, at)).filter((s): s is PlaceFrameState => s !== undefined),
      casualties: this.casualtyKeys
        .map((key) => this.casualtyAt(key, at))
        .filter((f): f is CasualtyFrameFigure => f !== undefined),
      summary: { byBloc: this.byBloc(at) },
    };
  }

  /**
   * Frame `index`. The plan is pinned, so a frame never changes: it is computed once and shared by
   * every session playing this plan (500 private replays of one link cost one computation each hour).
   */
  frame(index: number): FrameContent {
    let frame = this.frames.get(index);
    if (!frame) this.frames.set(index, (frame = this.computeFrame(index)));
    return frame;
  }

  private computeFrame(index: number): FrameContent {
    const at = this.scope.from + index * HOUR;
    const until = at + HOUR;
    const claims = this.claimsIn(at, until);
    const control: PlaceFrameState[] = [];
    const touchedPlaces = new Set<string>();
    for (const { version } of claims) {
      if (version.claim.type === 'control') touchedPlaces.add(version.claim.place);
      for (const denied of version.claim.denies ?? []) {
        const target = this.ledger.claims.get(denied)?.versions.at(-1)?.claim;
        if (target?.type === 'control') touchedPlaces.add(target.place);
      }
    }
    for (const place of [...touchedPlaces].sort()) {
      if (!this.timelines.has(place)) continue;
      const before = this.stateAt(place, at);
      const after = this.stateAt(place, until);
      if (after && JSON.stringify(before) !== JSON.stringify(after)) control.push(after);
    }
    const keys = new Set<string>();
    for (const { version } of claims) if (version.claim.type === 'casualties') keys.add(casualtyKey(version.claim));
    const casualties = [...keys]
      .sort()
      .map((key) => this.casualtyAt(key, until))
      .filter((f): f is CasualtyFrameFigure => f !== undefined);
    return {
      at: iso(at),
      until: iso(until),
      claims: claims.map(({ version, claimId }): FrameClaim => frameClaim(this.ledger, claimId, version, this.knownAt)),
      control,
      casualties,
      summary: { byBloc: this.byBloc(until) },
    };
  }

  /** The claims taking effect in `(at, until]`, in the order of their ends. */
  private claimsIn(at: number, until: number): { version: ClaimVersion; claimId: string }[] {
    const byTo = this.claimsByTo;
    const found: { version: ClaimVersion; claimId: string }[] = [];
    for (let i = lastAtOrBefore(byTo.length, (j) => byTo[j]?.version.to ?? Infinity, at) + 1; i < byTo.length; i++) {
      const entry = byTo[i];
      if (!entry || entry.version.to > until) break;
      found.push(entry);
    }
    return found;
  }

  private stateAt(place: string, at: number): PlaceFrameState | undefined {
    const timeline = this.timelines.get(place) ?? [];
    const state = entryAt(timeline, at) ? placeStateAt(this.ledger, place, timeline, at, this.knownAt) : undefined;
    return state && placeFrameState(place, state);
  }

  private byBloc(at: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const place of this.places) {
      const entry = entryAt(this.timelines.get(place) ?? [], at);
      if (!entry) continue;
      const claim = entry.decider.version.claim;
      // as the day views count: a place is held by its controller's bloc unless it was vacated
      const bloc = claim.status === 'vacated' ? null : this.ledger.bloc(claim.controller);
      if (bloc) counts[bloc] = (counts[bloc] ?? 0) + 1;
    }
    return counts;
  }

  private casualtyAt(key: string, until: number): CasualtyFrameFigure | undefined {
    let folded = this.casualties.get(key);
    if (!folded) this.casualties.set(key, (folded = this.views.casualties(this.ledger, key, this.knownAt, this.scope.operation)));
    if (!folded.candidates.some((c) => c.to <= until)) return undefined;
    return casualtyFrameFigure(this.ledger, key, folded, until);
  }
}
