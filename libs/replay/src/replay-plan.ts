import { localDateOf, offsetAt } from '@timeline/domain';
import {
  casualtyFigure,
  type CasualtyCandidate,
  type Group,
  entryAt,
  placeStateAt,
  type TimelineEntry,
  type Count,
  NOW,
  type CampaignLedger,
  type ClaimVersion,
  type KnownAt,
  lastAtOrBefore,
  type TimelineViews,
} from '@timeline/views';
import { claimSummary } from './claim-summary';

export const HOUR = 3_600_000;

export interface ReplayScope {
  campaignId: string;
  from: number;
  to: number;
  operation?: string;
  places?: string[];
}

export interface PlaceFrameState {
  place: string;
  status: string;
  controller: string | null;
  bloc: string | null;
  disputed: boolean;
}

export interface CasualtyFrameFigure {
  side: string;
  category: string;
  day: string;
  daily: Count;
  preferred: { count: Count; publisher: string | null; claimId: string | null } | null;
}

export interface FrameClaim {
  claimId: string;
  type: string;
  time: { from: string; to: string; precision: string };
  summary: string;
  quote: string;
  place: string | null;
  sources: { sourceId: string; publisher: string | null; title: string | null; url: string | null; publishedAt: string | null }[];
}

export interface FrameContent {
  at: string;
  until: string;
  claims: FrameClaim[];
  control: PlaceFrameState[];
  casualties: CasualtyFrameFigure[];
  summary: { byBloc: Record<string, number> };
}

export interface SnapshotContent {
  at: string;
  control: PlaceFrameState[];
  casualties: CasualtyFrameFigure[];
  summary: { byBloc: Record<string, number> };
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
      const place = (version.claim as { place?: string }).place;
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
    for (const { version } of claims)
      if (version.claim.type === 'casualties') keys.add(`${version.claim.side}|${version.claim.category}`);
    const casualties = [...keys]
      .sort()
      .map((key) => this.casualtyAt(key, until))
      .filter((f): f is CasualtyFrameFigure => f !== undefined);
    return {
      at: iso(at),
      until: iso(until),
      claims: claims.map(({ version, claimId }) => this.frameClaim(claimId, version)),
      control,
      casualties,
      summary: { byBloc: this.byBloc(until) },
    };
  }

  /** The claims taking effect in `(at, until]`, in the order of their ends. */
  private claimsIn(at: number, until: number) {
    const first = lastAtOrBefore(this.claimsByTo.length, (i) => this.claimsByTo[i].version.to, at) + 1;
    const found: { version: ClaimVersion; claimId: string }[] = [];
    for (let i = first; i < this.claimsByTo.length && this.claimsByTo[i].version.to <= until; i++) found.push(this.claimsByTo[i]);
    return found;
  }

  private stateAt(place: string, at: number): PlaceFrameState | undefined {
    const timeline = this.timelines.get(place)!;
    if (!entryAt(timeline, at)) return undefined;
    const state = placeStateAt(this.ledger, place, timeline, at, this.knownAt)!;
    return { place, status: state.status, controller: state.controller, bloc: state.bloc, disputed: state.disputed };
  }

  private byBloc(at: number): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const place of this.places) {
      const timeline = this.timelines.get(place)!;
      const entry = entryAt(timeline, at);
      if (!entry) continue;
      const claim = entry.decider.version.claim;
      // as the day views count: a place is held by its controller's bloc unless it was vacated
      const bloc = claim.status === 'vacated' ? null : this.ledger.bloc(claim.controller);
      if (bloc) counts[bloc] = (counts[bloc] ?? 0) + 1;
    }
    return counts;
  }

  private casualtyAt(key: string, until: number): CasualtyFrameFigure | undefined {
    let cached = this.casualties.get(key);
    if (!cached) this.casualties.set(key, (cached = this.views.casualties(this.ledger, key, this.knownAt, this.scope.operation)));
    if (!cached.candidates.some((c) => c.to <= until)) return undefined;
    const day = localDateOf(until - 1, this.ledger.campaign.timeZone);
    const figure = casualtyFigure(this.ledger, key, day, cached.candidates, cached.groups, until);
    return {
      side: figure.side,
      category: figure.category,
      day,
      daily: figure.daily,
      preferred: figure.preferred
        ? { count: figure.preferred.count, publisher: figure.preferred.publisher, claimId: figure.preferred.claimId }
        : null,
    };
  }

  private frameClaim(claimId: string, version: ClaimVersion): FrameClaim {
    return frameClaim(this.ledger, claimId, version, this.knownAt);
  }
}

/** A claim as a frame, a correction or a live message carries it: with its sources spelled out. */
export function frameClaim(ledger: CampaignLedger, claimId: string, version: ClaimVersion, knownAt: KnownAt): FrameClaim {
  const claim = version.claim;
  return {
    claimId,
    type: claim.type,
    time: claim.time,
    summary: claimSummary(ledger, claim),
    quote: claim.quote,
    place: (claim as { place?: string }).place ?? null,
    sources: claim.sources.map((sourceId) => {
      const source = ledger.sourceAt(sourceId, knownAt);
      return {
        sourceId,
        publisher: source?.publisher ?? null,
        title: source?.title ?? null,
        url: source?.url ?? null,
        publishedAt: source?.publishedAt ?? null,
      };
    }),
  };
}

/**
 * What a claim recorded after a replay was pinned changes in the hour it takes effect, as known
 * now: the claim, the state of its place at the end of that hour, and its casualty figure.
 */
export function correctionFor(views: TimelineViews, ledger: CampaignLedger, claimId: string) {
  const record = ledger.claims.get(claimId);
  if (!record) return undefined;
  const version = record.versions[record.versions.length - 1];
  const hourStart = floorToLocalHour(version.to - 1, ledger.campaign.timeZone);
  const until = hourStart + HOUR;
  const live = ledger.liveAt(record, NOW);
  const claim = version.claim;
  const control: PlaceFrameState[] = [];
  if (claim.type === 'control') {
    const state = placeStateAt(ledger, claim.place, views.timeline(ledger, claim.place, NOW), until, NOW);
    if (state)
      control.push({
        place: claim.place,
        status: state.status,
        controller: state.controller,
        bloc: state.bloc,
        disputed: state.disputed,
      });
  }
  const casualties: CasualtyFrameFigure[] = [];
  if (claim.type === 'casualties') {
    const key = `${claim.side}|${claim.category}`;
    const { candidates, groups } = views.casualties(ledger, key, NOW);
    const day = localDateOf(until - 1, ledger.campaign.timeZone);
    const figure = casualtyFigure(ledger, key, day, candidates, groups, until);
    casualties.push({
      side: figure.side,
      category: figure.category,
      day,
      daily: figure.daily,
      preferred: figure.preferred
        ? { count: figure.preferred.count, publisher: figure.preferred.publisher, claimId: figure.preferred.claimId }
        : null,
    });
  }
  return {
    to: version.to,
    at: iso(hourStart),
    claim: live ? frameClaim(ledger, claimId, version, NOW) : null,
    control,
    casualties,
  };
}

/** The start of the local hour containing an instant, in the campaign's zone. */
export function floorToLocalHour(instant: number, timeZone: string): number {
  const offset = offsetAt(instant, timeZone);
  return Math.floor((instant + offset) / HOUR) * HOUR - offset;
}

function iso(ms: number): string {
  return new Date(ms).toISOString();
}
