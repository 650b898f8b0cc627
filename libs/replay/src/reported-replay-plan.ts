import { placeOf } from '@timeline/domain';
import {
  type CampaignLedger,
  casualtyKey,
  type ClaimRecord,
  type ClaimVersion,
  controlledPlaces,
  entryAt,
  isEditorial,
  lastAtOrBefore,
  type PlaceState,
  placesOfControl,
  placeStateAt,
  placeTimeline,
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
import { PinnedReplay, type ReplayScope } from './replay-plan';

/** A claim version as the world learned of it: when its change is seen under way, and when it is seen to take effect. */
interface Arrival {
  record: ClaimRecord;
  version: ClaimVersion;
  /** The report made it public at this instant (epoch ms). */
  reportedAt: number;
  /** When the state shows it: its valid end, or its report when that came later. */
  settles: number;
}

/**
 * A replay as reported at the time (domain.md, "Three clocks"): the frame of hour H shows the state
 * at H+1h from the claim versions reported by H+1h. A change lands in the hour it took effect when
 * it was reported by then; a report that reveals an earlier change lands in the hour it was
 * published, marked as news of the past. Like `ReplayPlan`, it is pinned at one log position and
 * computes each frame once.
 */
export class ReportedReplayPlan extends PinnedReplay {
  readonly asReported = true;
  private readonly places: string[];
  private readonly wanted: Set<string>;
  /** Every dated claim version recorded by the pin, by when the state shows it. */
  private readonly bySettling: Arrival[] = [];
  /** The control versions reported before their window closed, by when they are seen under way. */
  private readonly byOpening: (Arrival & { opens: number })[] = [];
  private readonly casualtyKeys: string[];
  /** Each place's holding bloc at the end of the last frame computed: the next frame's counts start from it. */
  private holders: { index: number; blocs: Map<string, string | null> } | undefined;

  constructor(views: TimelineViews, ledger: CampaignLedger, scope: ReplayScope, pinnedPosition: number) {
    super(views, ledger, scope, pinnedPosition);
    const knownAt = this.knownAt;
    this.wanted = new Set(scope.places ?? []);
    this.places = controlledPlaces(ledger, knownAt).filter((p) => !scope.places || this.wanted.has(p));
    for (const record of ledger.claims.values()) {
      for (const version of record.versions) {
        if (version.position > knownAt) break;
        if (isEditorial(version) || !this.inScope(version)) continue;
        const reportedAt = ledger.reportedAtOf(version, knownAt);
        if (reportedAt === null) continue;
        const arrival = { record, version, reportedAt, settles: Math.max(reportedAt, version.valid.to) };
        this.bySettling.push(arrival);
        if (version.claim.type === 'control' && reportedAt < version.valid.to)
          this.byOpening.push({ ...arrival, opens: Math.max(reportedAt, version.valid.from) });
      }
    }
    this.bySettling.sort((a, b) => a.settles - b.settles || a.version.position - b.version.position);
    this.byOpening.sort((a, b) => a.opens - b.opens || a.version.position - b.version.position);
    this.casualtyKeys = [...ledger.casualtiesByKey.keys()].sort();
  }

  private inScope(version: ClaimVersion): boolean {
    if (this.scope.operation && version.claim.operation !== this.scope.operation) return false;
    const place = placeOf(version.claim);
    return !this.scope.places || (place !== undefined && this.wanted.has(place));
  }

  protected computeSnapshot(index: number): SnapshotContent {
    const at = this.scope.from + index * HOUR;
    const seen = this.ledger.asReportedBy(at);
    const control: PlaceFrameState[] = [];
    const pending: PendingFrameChange[] = [];
    for (const place of this.places) {
      const state = this.placeState(seen, place, at);
      const frameState = state && placeFrameState(place, state);
      if (frameState) control.push(frameState);
      pending.push(...pendingFrameChanges(place, state));
    }
    return {
      at: iso(at),
      control,
      pending,
      casualties: this.casualtyKeys
        .map((key) => this.casualtyAt(seen, key, at))
        .filter((f): f is CasualtyFrameFigure => f !== undefined),
      summary: { byBloc: count(this.holdersAt(index - 1)) },
    };
  }

  protected computeFrame(index: number): FrameContent {
    const at = this.scope.from + index * HOUR;
    const until = at + HOUR;
    const before = this.ledger.asReportedBy(at);
    const after = this.ledger.asReportedBy(until);
    const arrivals = this.settlingIn(at, until);
    const touched = new Set<string>();
    const keys = new Set<string>();
    for (const { version } of arrivals) {
      const claim = version.claim;
      if (claim.type === 'control') for (const place of this.placesOf(claim)) touched.add(place);
      if (claim.type === 'casualties') keys.add(casualtyKey(claim));
      for (const denied of claim.denies ?? []) {
        const target = this.ledger.claims.get(denied)?.versions.at(-1)?.claim;
        if (target?.type === 'control') for (const place of this.placesOf(target)) touched.add(place);
      }
    }
    const control: PlaceFrameState[] = [];
    for (const place of [...touched].sort()) {
      const was = this.frameState(before, place, at);
      const is = this.frameState(after, place, until);
      if (is && JSON.stringify(was) !== JSON.stringify(is)) control.push(is);
    }
    const claims: FrameClaim[] = [];
    for (const { record, version } of arrivals) {
      const shown = after.liveAt(record, this.knownAt);
      if (!shown) continue;
      const claim = frameClaim(after, record.claimId, shown, this.knownAt);
      claims.push(version.valid.to <= at ? { ...claim, newsOfThePast: true } : claim);
    }
    const { opening, pending } = this.openingIn(after, at, until);
    return {
      at: iso(at),
      until: iso(until),
      claims,
      opening,
      control,
      pending,
      casualties: [...keys]
        .sort()
        .map((key) => this.casualtyAt(after, key, until))
        .filter((f): f is CasualtyFrameFigure => f !== undefined),
      summary: { byBloc: count(this.holdersAt(index, touched)) },
    };
  }

  /** The versions the state shows from within `(at, until]`: in effect and reported by then. */
  private settlingIn(at: number, until: number): Arrival[] {
    const list = this.bySettling;
    const found: Arrival[] = [];
    for (let i = lastAtOrBefore(list.length, (j) => list[j]?.settles ?? Infinity, at) + 1; i < list.length; i++) {
      const arrival = list[i];
      if (!arrival || arrival.settles > until) break;
      found.push(arrival);
    }
    return found;
  }

  /** The control changes first seen under way in this hour: their window is open and their report public. */
  private openingIn(seen: CampaignLedger, at: number, until: number): { opening: FrameClaim[]; pending: PendingFrameChange[] } {
    const list = this.byOpening;
    const opening: FrameClaim[] = [];
    const pending: PendingFrameChange[] = [];
    for (let i = lastAtOrBefore(list.length, (j) => list[j]?.opens ?? Infinity, at - 1) + 1; i < list.length; i++) {
      const arrival = list[i];
      if (!arrival || arrival.opens >= until) break;
      const { record, version } = arrival;
      if (version.valid.to <= until || version.claim.type !== 'control') continue;
      const changes = this.placesOf(version.claim).flatMap((place) =>
        pendingFrameChanges(place, this.placeState(seen, place, until)).filter((p) => p.claimId === record.claimId),
      );
      const shown = seen.liveAt(record, this.knownAt);
      if (!changes.length || !shown) continue;
      opening.push(frameClaim(seen, record.claimId, shown, this.knownAt));
      pending.push(...changes);
    }
    return { opening, pending };
  }

  private placesOf(claim: ClaimVersion['claim'] & { type: 'control' }): string[] {
    return placesOfControl(this.ledger, claim, this.knownAt).filter((place) => !this.scope.places || this.wanted.has(place));
  }

  private placeState(seen: CampaignLedger, place: string, at: number): PlaceState | undefined {
    const timeline = placeTimeline(seen, place, this.knownAt, { operation: this.scope.operation });
    return placeStateAt(seen, place, timeline, at, this.knownAt);
  }

  private frameState(seen: CampaignLedger, place: string, at: number): PlaceFrameState | undefined {
    const state = this.placeState(seen, place, at);
    return state && placeFrameState(place, state);
  }

  /**
   * Each place's holding bloc at the end of frame `index`, as reported by then: from the frame
   * before when it was the last one computed (only the places the frame touched can differ), else
   * afresh.
   */
  private holdersAt(index: number, touched?: Set<string>): Map<string, string | null> {
    const until = this.scope.from + (index + 1) * HOUR;
    const seen = this.ledger.asReportedBy(until);
    const previous = this.holders;
    const blocs = new Map<string, string | null>();
    if (touched && previous && previous.index === index - 1) {
      for (const [place, bloc] of previous.blocs) blocs.set(place, bloc);
      for (const place of touched) blocs.set(place, this.holderAt(seen, place, until));
    } else {
      for (const place of this.places) blocs.set(place, this.holderAt(seen, place, until));
    }
    this.holders = { index, blocs };
    return blocs;
  }

  /** As the day views count: a place is held by its controller's bloc unless it was vacated. */
  private holderAt(seen: CampaignLedger, place: string, at: number): string | null {
    const entry = entryAt(placeTimeline(seen, place, this.knownAt, { operation: this.scope.operation }), at);
    if (!entry || entry.state.status === 'vacated') return null;
    return seen.bloc(entry.state.controller);
  }

  private casualtyAt(seen: CampaignLedger, key: string, until: number): CasualtyFrameFigure | undefined {
    const folded = this.views.casualties(seen, key, this.knownAt, this.scope.operation);
    if (!folded.candidates.some((c) => c.to <= until)) return undefined;
    return casualtyFrameFigure(seen, key, folded, until);
  }
}

function count(blocs: Map<string, string | null>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const bloc of blocs.values()) if (bloc) counts[bloc] = (counts[bloc] ?? 0) + 1;
  return counts;
}
