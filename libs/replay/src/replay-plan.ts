import { placeOf } from '@timeline/domain';
import {
  type CampaignLedger,
  casualtyKey,
  type CasualtyCandidate,
  type ClaimVersion,
  controlledPlaces,
  entryAt,
  type Group,
  type KnownAt,
  lastAtOrBefore,
  NOW,
  type PlaceState,
  placesOfControl,
  placeStateAt,
  type PlaceTimeline,
  type TimelineViews,
} from '@timeline/views';
import { casualtyFrameFigure, frameClaim, pendingFrameChanges, placeFrameState } from './frame-mappers';
import type {
  CasualtyFrameFigure,
  FrameClaim,
  FrameContent,
  PendingFrameChange,
  PlaceFrameState,
  SnapshotContent,
} from './frame.types';
import { HOUR, isoInstant as iso } from './local-hour';

export interface ReplayScope {
  campaignId: string;
  from: number;
  to: number;
  operation?: string;
  places?: string[];
}

/** What a session plays: a campaign's hours as a snapshot to start from and one frame per hour. */
export interface HourlyReplay {
  readonly hours: number;
  readonly scope: ReplayScope;
  readonly pinnedPosition: number;
  /** Frames computed from the claim versions reported by each frame's end (domain.md, "Three clocks"). */
  readonly asReported: boolean;
  frameIndexAt(instant: number): number;
  snapshot(index: number): SnapshotContent;
  frame(index: number): FrameContent;
}

/**
 * What every replay plan shares: its hours, the log position it is pinned at, and each frame
 * computed once — the plan is pinned, so a frame never changes and every session playing the plan
 * shares it (500 private replays of one link cost one computation each hour). The last snapshot
 * is kept too: sessions starting together, or seeking to one hour, share it.
 */
export abstract class PinnedReplay implements HourlyReplay {
  readonly hours: number;
  abstract readonly asReported: boolean;
  private readonly frames = new Map<number, FrameContent>();
  private lastSnapshot: { index: number; content: SnapshotContent } | undefined;

  constructor(
    protected readonly views: TimelineViews,
    protected readonly ledger: CampaignLedger,
    readonly scope: ReplayScope,
    readonly pinnedPosition: number,
  ) {
    this.hours = Math.max(0, Math.ceil((scope.to - scope.from) / HOUR));
  }

  /** The views as pinned: "now" while the log has not moved on since the plan was made. */
  protected get knownAt(): KnownAt {
    return this.pinnedPosition >= this.views.position ? NOW : this.pinnedPosition;
  }

  frameIndexAt(instant: number): number {
    return Math.min(this.hours, Math.max(0, Math.floor((instant - this.scope.from) / HOUR)));
  }

  frame(index: number): FrameContent {
    let frame = this.frames.get(index);
    if (!frame) this.frames.set(index, (frame = this.computeFrame(index)));
    return frame;
  }

  snapshot(index: number): SnapshotContent {
    if (this.lastSnapshot?.index !== index) this.lastSnapshot = { index, content: this.computeSnapshot(index) };
    return this.lastSnapshot.content;
  }

  protected abstract computeSnapshot(index: number): SnapshotContent;

  protected abstract computeFrame(index: number): FrameContent;
}

/**
 * What a replay shows, computed from the views pinned at one log position: the same request at
 * the same position gives the same frames, whoever asks and whenever. Frame `i` covers the hour
 * `(at, until]` and carries the claims taking effect in it (a claim lands in the frame whose hour
 * contains its end), with what changed in control and casualties. No clock, no socket.
 */
export class ReplayPlan extends PinnedReplay {
  readonly asReported = false;
  private readonly places: string[];
  private readonly timelines = new Map<string, PlaceTimeline>();
  private readonly claimsByTo: { version: ClaimVersion; claimId: string }[];
  /** The control claims by the start of their window: the changes that come under way hour by hour. */
  private readonly controlByFrom: { version: ClaimVersion; claimId: string }[];
  private readonly casualtyKeys: string[];
  private readonly casualties = new Map<string, { candidates: CasualtyCandidate[]; groups: Group[] }>();
  constructor(views: TimelineViews, ledger: CampaignLedger, scope: ReplayScope, pinnedPosition: number) {
    super(views, ledger, scope, pinnedPosition);
    const knownAt = this.knownAt;
    const wanted = scope.places ? new Set(scope.places) : undefined;
    this.places = controlledPlaces(ledger, knownAt).filter((p) => !wanted || wanted.has(p));
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
    this.claimsByTo.sort((a, b) => a.version.valid.to - b.version.valid.to || a.version.position - b.version.position);
    this.controlByFrom = this.claimsByTo
      .filter(({ version }) => version.claim.type === 'control')
      .sort((a, b) => a.version.valid.from - b.version.valid.from || a.version.position - b.version.position);
    this.casualtyKeys = [...ledger.casualtiesByKey.keys()].sort();
  }

  protected computeSnapshot(index: number): SnapshotContent {
    const at = this.scope.from + index * HOUR;
    const control: PlaceFrameState[] = [];
    const pending: PendingFrameChange[] = [];
    for (const place of this.places) {
      const state = this.placeState(place, at);
      const frameState = state && placeFrameState(place, state);
      if (frameState) control.push(frameState);
      pending.push(...pendingFrameChanges(place, state));
    }
    return {
      at: iso(at),
      control,
      pending,
      casualties: this.casualtyKeys
        .map((key) => this.casualtyAt(key, at))
        .filter((f): f is CasualtyFrameFigure => f !== undefined),
      summary: { byBloc: this.byBloc(at) },
    };
  }

  protected computeFrame(index: number): FrameContent {
    const at = this.scope.from + index * HOUR;
    const until = at + HOUR;
    const claims = this.claimsIn(at, until);
    const control: PlaceFrameState[] = [];
    const touchedPlaces = new Set<string>();
    for (const { version } of claims) {
      if (version.claim.type === 'control') for (const place of this.placesOf(version.claim)) touchedPlaces.add(place);
      for (const denied of version.claim.denies ?? []) {
        const target = this.ledger.claims.get(denied)?.versions.at(-1)?.claim;
        if (target?.type === 'control') for (const place of this.placesOf(target)) touchedPlaces.add(place);
      }
    }
    for (const place of [...touchedPlaces].sort()) {
      if (!this.timelines.has(place)) continue;
      const before = this.stateAt(place, at);
      const after = this.stateAt(place, until);
      if (after && JSON.stringify(before) !== JSON.stringify(after)) control.push(after);
    }
    const { opening, pending } = this.openingIn(at, until);
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
      opening,
      control,
      pending,
      casualties,
      summary: { byBloc: this.byBloc(until) },
    };
  }

  /** The claims taking effect in `(at, until]`, in the order of their ends. */
  private claimsIn(at: number, until: number): { version: ClaimVersion; claimId: string }[] {
    const byTo = this.claimsByTo;
    const found: { version: ClaimVersion; claimId: string }[] = [];
    for (let i = lastAtOrBefore(byTo.length, (j) => byTo[j]?.version.valid.to ?? Infinity, at) + 1; i < byTo.length; i++) {
      const entry = byTo[i];
      if (!entry || entry.version.valid.to > until) break;
      found.push(entry);
    }
    return found;
  }

  /**
   * The control claims whose window opens in the hour `[at, until)` — a change dated to a day is
   * under way from the hour that begins the day — and the changes they put under way then (a
   * claim that would not change the state puts none; one whose window closes within the hour
   * settles in it and is never under way).
   */
  private openingIn(at: number, until: number): { opening: FrameClaim[]; pending: PendingFrameChange[] } {
    const byFrom = this.controlByFrom;
    const opening: FrameClaim[] = [];
    const pending: PendingFrameChange[] = [];
    for (
      let i = lastAtOrBefore(byFrom.length, (j) => byFrom[j]?.version.valid.from ?? Infinity, at - 1) + 1;
      i < byFrom.length;
      i++
    ) {
      const entry = byFrom[i];
      if (!entry || entry.version.valid.from >= until) break;
      if (entry.version.valid.to <= until || entry.version.claim.type !== 'control') continue;
      const changes = this.placesOf(entry.version.claim).flatMap((place) =>
        pendingFrameChanges(place, this.placeState(place, entry.version.valid.from)).filter((p) => p.claimId === entry.claimId),
      );
      if (!changes.length) continue;
      opening.push(frameClaim(this.ledger, entry.claimId, entry.version, this.knownAt));
      pending.push(...changes);
    }
    return { opening, pending };
  }

  /** The places of this replay a control claim is about: its own place, and those it covers. */
  private placesOf(claim: ClaimVersion['claim'] & { type: 'control' }): string[] {
    return placesOfControl(this.ledger, claim, this.knownAt).filter((place) => this.timelines.has(place));
  }

  private placeState(place: string, at: number): PlaceState | undefined {
    const timeline = this.timelines.get(place);
    return timeline && placeStateAt(this.ledger, place, timeline, at, this.knownAt);
  }

  private stateAt(place: string, at: number): PlaceFrameState | undefined {
    const state = this.placeState(place, at);
    return state && placeFrameState(place, state);
  }

  private byBloc(at: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const timeline of this.timelines.values()) {
      const entry = entryAt(timeline, at);
      if (!entry) continue;
      // as the day views count: a place is held by its controller's bloc unless it was vacated
      const bloc = entry.state.status === 'vacated' ? null : this.ledger.bloc(entry.state.controller);
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
