import type { ClaimDataOf, ControlStatus } from '@timeline/domain';
import { lastAtOrBefore } from './sorted-search';
import { RANK_VALUE, type ClaimRecord, type ClaimVersion } from './claim-history';
import type { CampaignLedger } from './campaign-ledger';
import type { KnownAt } from './known-at';

type ControlClaim = ClaimDataOf<'control'>;

/** A live control claim as a view weighs it. */
export interface ControlCandidate {
  claimId: string;
  firstPosition: number;
  version: ClaimVersion & { claim: ControlClaim };
  to: number;
  key: string;
  /** The claim's grade at the knownAt it was weighed for (see CampaignLedger.gradeScore). */
  grade: number;
}

/** One step of a place's control over valid time: from `to` on, this is who held it. */
export interface TimelineEntry {
  to: number;
  decider: ControlCandidate;
  /** The claims in effect at `to` that say the same: the basis of the state. */
  basis: ControlCandidate[];
  /** Index of the first entry of the run with this same state: "since when". */
  runStart: number;
}

export interface ControlFilter {
  operation?: string;
}

/** What a place's state is made of: status and the factions named. */
export function stateKey(claim: ControlClaim): string {
  return [claim.status, claim.controller ?? '', claim.contestedBy ?? '', claim.besiegedBy ?? '', claim.vacatedBy ?? ''].join('|');
}

/**
 * Higher wins a tie of `to`: rank (preferred first), then the best publisher grade among the
 * claim's sources, then the later log position (domain.md, Territorial control, rule 2).
 */
function isControlVersion(version: ClaimVersion): version is ClaimVersion & { claim: ControlClaim } {
  return version.claim.type === 'control';
}

export function compareCandidates(a: ControlCandidate, b: ControlCandidate): number {
  return (
    a.to - b.to ||
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
  return {
    claimId: record.claimId,
    firstPosition: record.firstPosition,
    version,
    to: version.to,
    key: stateKey(version.claim),
    grade: ledger.gradeScore(version, knownAt),
  };
}

/** The place's control over valid time as known at knownAt: one entry per distinct `to`. */
export function placeTimeline(
  ledger: CampaignLedger,
  place: string,
  knownAt: KnownAt,
  filter: ControlFilter = {},
): TimelineEntry[] {
  const candidates: ControlCandidate[] = [];
  for (const claimId of ledger.controlByPlace.get(place) ?? []) {
    const candidate = controlCandidate(ledger.recordOf(claimId), ledger, knownAt, place, filter);
    if (candidate) candidates.push(candidate);
  }
  candidates.sort(compareCandidates);
  const entries: TimelineEntry[] = [];
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
      basis: group.filter((c) => c.key === decider.key).sort((a, b) => a.firstPosition - b.firstPosition),
      runStart: previous && previous.decider.key === decider.key ? previous.runStart : entries.length,
    });
  });
  return entries;
}

/** The last entry taking effect at or before T, by binary search. */
export function entryAt(timeline: TimelineEntry[], at: number): TimelineEntry | undefined {
  return timeline[lastAtOrBefore(timeline.length, (i) => timeline[i]?.to, at)];
}

export interface Alternative {
  status: ControlStatus;
  controller: string | null;
  claims: string[];
}

export interface PlaceState {
  place: string;
  name: string;
  status: ControlStatus;
  controller: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  bloc: string | null;
  since: string;
  basis: string[];
  disputed: boolean;
  alternatives: Alternative[];
}

/**
 * The state of a place at instant `at`: the deciding claim of the timeline, and whether its
 * sources are disputed — it denies, or is denied by, another live claim in effect at `at`.
 */
export function placeStateAt(
  ledger: CampaignLedger,
  place: string,
  timeline: TimelineEntry[],
  at: number,
  knownAt: KnownAt,
): PlaceState | undefined {
  const entry = entryAt(timeline, at);
  if (!entry) return undefined;
  const claim = entry.decider.version.claim;
  const partners = denialPartners(ledger, entry.decider, knownAt).filter((p) => p.to <= at);
  const alternatives = new Map<string, Alternative>();
  for (const partner of partners) {
    const c = partner.version.claim;
    const alt = alternatives.get(partner.key) ?? { status: c.status, controller: c.controller ?? null, claims: [] };
    alt.claims.push(partner.claimId);
    alternatives.set(partner.key, alt);
  }
  return {
    place,
    name: ledger.placeAt(place, knownAt)?.name ?? place,
    status: claim.status,
    controller: claim.controller ?? null,
    ...(claim.contestedBy ? { contestedBy: claim.contestedBy } : {}),
    ...(claim.besiegedBy ? { besiegedBy: claim.besiegedBy } : {}),
    ...(claim.vacatedBy ? { vacatedBy: claim.vacatedBy } : {}),
    bloc: ledger.bloc(claim.controller),
    since: new Date((timeline[entry.runStart] ?? entry).to).toISOString(),
    basis: entry.basis.map((c) => c.claimId),
    disputed: partners.length > 0,
    alternatives: [...alternatives.values()],
  };
}

/** Live control claims that the decider denies or that deny it. */
function denialPartners(ledger: CampaignLedger, decider: ControlCandidate, knownAt: KnownAt): ControlCandidate[] {
  const ids = new Set<string>(decider.version.claim.denies ?? []);
  for (const id of ledger.deniedBy.get(decider.claimId) ?? []) ids.add(id);
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
