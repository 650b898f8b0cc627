import type { ClaimDataOf, ControlStatus, Precision } from '@timeline/domain';
import { lastAtOrBefore } from './sorted-search';
import { RANK_VALUE, WeighedClaim, type ClaimRecord, type ClaimVersion } from './claim-history';
import type { CampaignLedger } from './campaign-ledger';
import { coveringAreas } from './coverage';
import { NOW, type KnownAt } from './known-at';
import type { PublisherGrades } from './publisher-grades';

type ControlClaim = ClaimDataOf<'control'>;

/**
 * A live control claim as a view weighs it for one place. Its state key is one string for every
 * claim of the same state (the timelines known now took 198 MiB at a million claims with two
 * boxed times and a key of their own per claim, 136 MiB without: README, "At a million claims").
 */
export class ControlCandidate extends WeighedClaim<ClaimVersion & { claim: ControlClaim }> {
  constructor(
    record: ClaimRecord,
    version: ClaimVersion & { claim: ControlClaim },
    /** What the claim says, as `stateKey` writes it. */
    readonly key: string,
    /** The claim's grade at the knownAt it was weighed for (see CampaignLedger.gradeScore). */
    readonly grade: number,
    /** The area whose claim covers the place; undefined for the place's own claim. */
    readonly area?: string,
  ) {
    super(record, version);
  }

  get from(): number {
    return this.version.valid.from;
  }

  /** The same claim weighed for a place its area covers. */
  coveringFrom(area: string): ControlCandidate {
    return new ControlCandidate(this.record, this.version, this.key, this.grade, area);
  }
}

/** Who holds a place and how: a claim's status and the factions it names. */
export interface ControlState {
  status: ControlStatus;
  controller: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
}

/** One step of a place's control over valid time: from `to` on, this is who held it. */
export interface TimelineEntry {
  /** When the state takes effect; -Infinity for the state inferred before the first report. */
  to: number;
  decider: ControlCandidate;
  state: ControlState;
  key: string;
  /** The claims in effect at `to` that say the same: the basis of the state. */
  basis: ControlCandidate[];
  /** Index of the first entry of the run with this same state: "since when". */
  runStart: number;
  /** The holder is inferred from the decider's `takenFrom`, not stated by any claim in effect. */
  inferred: boolean;
}

/** A place's control over valid time as known at one position. */
export interface PlaceTimeline {
  entries: TimelineEntry[];
  /** The live claims in order of the start of their interval: the changes under way at an instant. */
  windows: ControlCandidate[];
}

export interface ControlFilter {
  operation?: string;
}

/** What a place's state is made of: status and the factions named. */
export function stateKey(state: ControlState | ControlClaim): string {
  return [state.status, state.controller ?? '', state.contestedBy ?? '', state.besiegedBy ?? '', state.vacatedBy ?? ''].join('|');
}

/** State keys made so far, each kept once: a campaign's factions and statuses make few of them. */
const keys = new Map<string, string>();
const MAX_KEYS = 100_000;
/** States made so far by their keys, each one object, frozen, shared by every entry in that state. */
const states = new Map<string, Readonly<ControlState>>();

/** The state a candidate's claim states: one object for every entry of that state. */
function stateOf({ key, version: { claim } }: ControlCandidate): ControlState {
  const kept = states.get(key);
  if (kept) return kept;
  const state = Object.freeze({
    status: claim.status,
    controller: claim.controller ?? null,
    ...(claim.contestedBy ? { contestedBy: claim.contestedBy } : {}),
    ...(claim.besiegedBy ? { besiegedBy: claim.besiegedBy } : {}),
    ...(claim.vacatedBy ? { vacatedBy: claim.vacatedBy } : {}),
  });
  if (states.size < MAX_KEYS) states.set(key, state);
  return state;
}

function isControlVersion(version: ClaimVersion): version is ClaimVersion & { claim: ControlClaim } {
  return version.claim.type === 'control';
}

/**
 * Higher wins a tie of `to`: the place's own claim over an area's, then rank (preferred first),
 * then the best publisher grade among the claim's sources, then the later log position
 * (domain.md, Territorial control, rules 1 and 2).
 */
export function compareCandidates(a: ControlCandidate, b: ControlCandidate): number {
  return (
    a.to - b.to ||
    (a.area ? 0 : 1) - (b.area ? 0 : 1) ||
    RANK_VALUE[a.version.rank] - RANK_VALUE[b.version.rank] ||
    a.grade - b.grade ||
    a.firstPosition - b.firstPosition
  );
}

export function controlCandidate(
  record: ClaimRecord,
  ledger: CampaignLedger,
  knownAt: KnownAt,
  place?: string,
  filter: ControlFilter = {},
): ControlCandidate | undefined {
  const version = ledger.liveAt(record, knownAt);
  if (!version || !isControlVersion(version)) return undefined;
  if (place !== undefined && version.claim.place !== place) return undefined;
  if (filter.operation && version.claim.operation !== filter.operation) return undefined;
  return new ControlCandidate(record, version, keyOf(version.claim), ledger.gradeScore(version, knownAt));
}

/** A claim's state key, one string for every claim that says the same. */
function keyOf(claim: ControlClaim): string {
  const key = stateKey(claim);
  const kept = keys.get(key);
  if (kept !== undefined) return kept;
  if (keys.size < MAX_KEYS) keys.set(key, key);
  return key;
}

/** Calls `visit` with each claim that may decide a place: its own, and those of the areas covering it at knownAt. */
function forEachClaimOf(
  ledger: CampaignLedger,
  place: string,
  knownAt: KnownAt,
  visit: (record: ClaimRecord, about: string, area: boolean) => void,
): void {
  for (const record of ledger.controlByPlace.get(place) ?? []) visit(record, place, false);
  for (const area of coveringAreas(ledger, place, knownAt))
    for (const record of ledger.areaClaims.get(area) ?? []) visit(record, area, true);
}

/** A claim weighed for a place: a candidate when it is live, about the place (or covers it, for an area's claim) and passes the filter. */
function weigh(
  ledger: CampaignLedger,
  record: ClaimRecord,
  about: string,
  area: boolean,
  knownAt: KnownAt,
  filter: ControlFilter,
): ControlCandidate | undefined {
  const candidate = controlCandidate(record, ledger, knownAt, about, filter);
  if (!area) return candidate;
  return candidate?.version.claim.coversPlaces ? candidate.coveringFrom(about) : undefined;
}

/** The live claims that say who holds a place: its own, and those of areas covering it. */
function candidatesFor(ledger: CampaignLedger, place: string, knownAt: KnownAt, filter: ControlFilter): ControlCandidate[] {
  const candidates: ControlCandidate[] = [];
  forEachClaimOf(ledger, place, knownAt, (record, about, area) => {
    const candidate = weigh(ledger, record, about, area, knownAt, filter);
    if (candidate) candidates.push(candidate);
  });
  return candidates;
}

interface Weighing {
  record: ClaimRecord;
  about: string;
  area: boolean;
  candidate: ControlCandidate | undefined;
  /** Index of the claim's first version recorded after the position it was weighed at. */
  next: number;
}

/**
 * The claims that may decide a place, weighed at one position after another, as an audit does
 * at every event that could move the place. Between two positions of the ledger itself, a claim
 * is weighed again only when a version of its own was recorded in between; everything else a
 * weight depends on (the catalog's entries of the places and of the sources cited, the grades of
 * their publishers) is checked against the positions where it changed, and any change there
 * weighs them all again. A reported view of the ledger is weighed afresh each time.
 */
export class PlaceClaims {
  /** Positions at which something other than a claim's own versions may change a weight, in order. */
  private readonly changes: number[];
  private weighings: Weighing[] = [];
  /** Where the weighings stand; -1 before the first. */
  private knownAt = -1;

  constructor(
    private readonly ledger: CampaignLedger,
    readonly place: string,
    grades: PublisherGrades,
  ) {
    const catalog = ledger.catalog;
    const changes = new Set<number>();
    const records: ClaimRecord[] = [];
    forEachClaimOf(ledger, place, NOW, (record) => records.push(record));
    // the area claims covering the place at some earlier position too, and the areas' own entries
    for (const [area, claims] of ledger.areaClaims) {
      records.push(...claims);
      for (const { position } of catalog.placeVersions.get(area) ?? []) changes.add(position);
    }
    for (const { position } of catalog.placeVersions.get(place) ?? []) changes.add(position);
    const publishers = new Set<string>();
    for (const { versions } of records) {
      for (const { claim } of versions) {
        if (claim.attributedTo) publishers.add(claim.attributedTo);
        for (const sourceId of claim.sources) {
          for (const { position, value } of catalog.sourceVersions.get(sourceId) ?? []) {
            changes.add(position);
            if (value.publisher) publishers.add(value.publisher);
          }
        }
      }
    }
    for (const publisher of publishers) for (const { position } of grades.assessmentsOf(publisher)) changes.add(position);
    this.changes = [...changes].sort((a, b) => a - b);
  }

  /** The live candidates as known at knownAt, in no particular order, as `seen` (the ledger or a reported view of it) weighs them. */
  candidatesAt(seen: CampaignLedger, knownAt: KnownAt): ControlCandidate[] {
    if (seen !== this.ledger || knownAt < this.knownAt) return candidatesFor(seen, this.place, knownAt, {});
    if (this.knownAt < 0 || this.changedAfter(this.knownAt, knownAt)) this.weighAll(knownAt);
    else {
      for (const w of this.weighings) {
        const { versions } = w.record;
        if ((versions[w.next]?.position ?? Infinity) > knownAt) continue;
        while ((versions[w.next]?.position ?? Infinity) <= knownAt) w.next++;
        w.candidate = weigh(this.ledger, w.record, w.about, w.area, knownAt, {});
      }
    }
    this.knownAt = knownAt;
    const candidates: ControlCandidate[] = [];
    for (const { candidate } of this.weighings) if (candidate) candidates.push(candidate);
    return candidates;
  }

  private weighAll(knownAt: KnownAt): void {
    this.weighings = [];
    forEachClaimOf(this.ledger, this.place, knownAt, (record, about, area) => {
      const candidate = weigh(this.ledger, record, about, area, knownAt, {});
      const next = record.versions.findIndex((v) => v.position > knownAt);
      this.weighings.push({ record, about, area, candidate, next: next < 0 ? record.versions.length : next });
    });
  }

  /** Whether anything besides the claims' own versions changed after position `from`, up to `to`. */
  private changedAfter(from: number, to: number): boolean {
    const last = lastAtOrBefore(this.changes.length, (i) => this.changes[i], to);
    return last >= 0 && (this.changes[last] ?? 0) > from;
  }
}

/**
 * The entry of a place's timeline in effect at instant `at`, from its live candidates in any
 * order: the one `entryAt(placeTimeline(…), at)` gives, found in one pass over the candidates
 * without ordering the rest of the timeline (it leaves out `runStart`, which needs the entries
 * before it).
 */
export function entryAtInstant(candidates: readonly ControlCandidate[], at: number): Omit<TimelineEntry, 'runStart'> | undefined {
  // the group of the latest `to` at or before `at`; of equals in the order, the later decides, as after a stable sort
  let decider: ControlCandidate | undefined;
  for (const c of candidates) {
    if (c.to > at) continue;
    if (!decider || c.to > decider.to || (c.to === decider.to && compareCandidates(c, decider) >= 0)) decider = c;
  }
  if (decider) {
    const { to, key } = decider;
    const basis = candidates.filter((c) => c.to === to && c.key === key).sort(byOrderThenFirstPosition);
    return { to, decider, state: stateOf(decider), key, basis, inferred: false };
  }
  const inferred = inferredEntry([...candidates].sort(compareCandidates));
  return (
    inferred && {
      to: inferred.to,
      decider: inferred.decider,
      state: inferred.state,
      key: inferred.key,
      basis: inferred.basis,
      inferred: true,
    }
  );
}

/** A basis in log order, as `placeTimeline` gives it: by first position, then as the candidates sort. */
function byOrderThenFirstPosition(a: ControlCandidate, b: ControlCandidate): number {
  return a.firstPosition - b.firstPosition || compareCandidates(a, b);
}

/** The place's control over valid time as known at knownAt: one entry per distinct `to`. */
export function placeTimeline(
  ledger: CampaignLedger,
  place: string,
  knownAt: KnownAt,
  filter: ControlFilter = {},
): PlaceTimeline {
  return timelineOf(candidatesFor(ledger, place, knownAt, filter));
}

/** The timeline the live candidates of a place make (they are sorted in place). */
export function timelineOf(live: ControlCandidate[]): PlaceTimeline {
  const candidates = live.sort(compareCandidates);
  const entries: TimelineEntry[] = [];
  const inferred = inferredEntry(candidates);
  if (inferred) entries.push(inferred);
  let groupStart = 0;
  candidates.forEach((decider, i) => {
    // the candidates of one `to` are a group, sorted so that its last one decides
    if (candidates[i + 1]?.to === decider.to) return;
    const group = candidates.slice(groupStart, i + 1);
    groupStart = i + 1;
    const previous = entries.at(-1);
    entries.push({
      to: decider.to,
      decider,
      state: stateOf(decider),
      key: decider.key,
      basis: group.filter((c) => c.key === decider.key).sort((a, b) => a.firstPosition - b.firstPosition),
      runStart: previous && previous.key === decider.key ? previous.runStart : entries.length,
      inferred: false,
    });
  });
  const windows = [...candidates].sort((a, b) => a.from - b.from || compareCandidates(a, b));
  return { entries, windows };
}

/**
 * Before the first claim in effect, a place is held by whom the earliest claim saying
 * `takenFrom` took it from (domain.md, "Before the first report"). It lasts until a claim
 * takes effect — through the window of the change, which is pending meanwhile — so a capture
 * dated to a day shows the holder during that day, with the capture under way.
 */
function inferredEntry(sorted: ControlCandidate[]): TimelineEntry | undefined {
  const first = sorted.findIndex((c) => c.version.claim.takenFrom !== undefined);
  const earliest = sorted[first];
  if (!earliest) return undefined;
  // of claims with the same end, the one that would decide a tie
  let decider = earliest;
  for (const c of sorted.slice(first + 1)) {
    if (c.to !== earliest.to) break;
    if (c.version.claim.takenFrom !== undefined) decider = c;
  }
  const state: ControlState = { status: 'controlled', controller: decider.version.claim.takenFrom ?? null };
  return { to: -Infinity, decider, state, key: stateKey(state), basis: [decider], runStart: 0, inferred: true };
}

/** The last entry taking effect at or before T, by binary search. */
export function entryAt(timeline: PlaceTimeline, at: number): TimelineEntry | undefined {
  const { entries } = timeline;
  return entries[lastAtOrBefore(entries.length, (i) => entries[i]?.to, at)];
}

export interface Alternative {
  status: ControlStatus;
  controller: string | null;
  claims: string[];
}

/** A change reported to happen in a window that contains the instant asked about. */
export interface PendingChange {
  claimId: string;
  status: ControlStatus;
  controller: string | null;
  bloc: string | null;
  from: string;
  to: string;
  precision: Precision;
  /** The area whose claim covers the place, when it is not the place's own. */
  area?: string;
}

export interface PlaceState {
  place: string;
  name: string;
  /** Null when nothing is in effect yet and a change is under way (see `pending`). */
  status: ControlStatus | null;
  controller: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  bloc: string | null;
  /** Since when the state holds; null when it held before the first report. */
  since: string | null;
  /** The latest end among the claims behind the state; null for an inferred state. */
  lastReportedAt: string | null;
  basis: string[];
  inferred?: true;
  disputed: boolean;
  alternatives: Alternative[];
  pending: PendingChange[];
}

const iso = (ms: number): string | null => (Number.isFinite(ms) ? new Date(ms).toISOString() : null);

/**
 * The state of a place at instant `at`: the deciding claim of the timeline, whether its sources
 * are disputed — it denies, or is denied by, another live claim in effect at `at` — and the
 * changes under way. Undefined when nothing is in effect and nothing under way.
 */
export function placeStateAt(
  ledger: CampaignLedger,
  place: string,
  timeline: PlaceTimeline,
  at: number,
  knownAt: KnownAt,
): PlaceState | undefined {
  const entry = entryAt(timeline, at);
  const pending = pendingAt(ledger, timeline, at, entry?.key);
  if (!entry && !pending.length) return undefined;
  const name = ledger.placeAt(place, knownAt)?.name ?? place;
  if (!entry) {
    const none = { status: null, controller: null, bloc: null, since: null, lastReportedAt: null };
    return { place, name, ...none, basis: [], disputed: false, alternatives: [], pending };
  }
  const partners = entry.inferred ? [] : denialPartners(ledger, entry.decider, knownAt).filter((p) => p.to <= at);
  const alternatives = new Map<string, Alternative>();
  for (const partner of partners) {
    const c = partner.version.claim;
    const alt = alternatives.get(partner.key) ?? { status: c.status, controller: c.controller ?? null, claims: [] };
    alt.claims.push(partner.claimId);
    alternatives.set(partner.key, alt);
  }
  return {
    place,
    name,
    ...entry.state,
    bloc: ledger.bloc(entry.state.controller),
    since: iso((timeline.entries[entry.runStart] ?? entry).to),
    lastReportedAt: entry.inferred ? null : iso(entry.to),
    basis: entry.basis.map((c) => c.claimId),
    ...(entry.inferred ? { inferred: true as const } : {}),
    disputed: partners.length > 0,
    alternatives: [...alternatives.values()],
    pending,
  };
}

/** Live claims whose window contains `at` and that would change the state in effect. */
function pendingAt(ledger: CampaignLedger, timeline: PlaceTimeline, at: number, currentKey: string | undefined): PendingChange[] {
  const { windows } = timeline;
  const last = lastAtOrBefore(windows.length, (i) => windows[i]?.from, at);
  const pending: PendingChange[] = [];
  for (let i = 0; i <= last; i++) {
    const c = windows[i];
    if (!c || c.to <= at || c.key === currentKey) continue;
    const claim = c.version.claim;
    pending.push({
      claimId: c.claimId,
      status: claim.status,
      controller: claim.controller ?? null,
      bloc: ledger.bloc(claim.controller),
      from: claim.time.from,
      to: claim.time.to,
      precision: claim.time.precision,
      ...(c.area ? { area: c.area } : {}),
    });
  }
  return pending;
}

/** Live control claims that the decider denies or that deny it. */
export function denialPartners(ledger: CampaignLedger, decider: ControlCandidate, knownAt: KnownAt): ControlCandidate[] {
  const ids = new Set<string>(decider.version.claim.denies ?? []);
  for (const record of ledger.deniedBy.get(decider.claimId) ?? []) ids.add(record.claimId);
  const partners: ControlCandidate[] = [];
  for (const id of ids) {
    const record = ledger.claims.get(id);
    if (!record) continue;
    const candidate = controlCandidate(record, ledger, knownAt);
    // a denial counts only when it is itself live and says something else, or names this claim
    if (candidate && candidate.claimId !== decider.claimId) {
      const denies =
        (candidate.version.claim.denies ?? []).includes(decider.claimId) ||
        (decider.version.claim.denies ?? []).includes(candidate.claimId);
      if (denies) partners.push(candidate);
    }
  }
  return partners;
}
