import { type ClaimDataOf, addDays, dayBounds } from '@timeline/domain';
import { addCounts, toCount, ZERO, type Count } from './counts';
import { RANK_VALUE, WeighedClaim, type ClaimRecord, type ClaimVersion } from './claim-history';
import type { CampaignLedger } from './campaign-ledger';
import { casualtyKey, sideAndCategory } from './claim-indexes';
import type { KnownAt } from './known-at';

type CasualtyClaim = ClaimDataOf<'casualties'>;

/** A live casualty claim as a figure weighs it. */
export class CasualtyCandidate extends WeighedClaim<ClaimVersion & { claim: CasualtyClaim }> {
  constructor(
    record: ClaimRecord,
    version: ClaimVersion & { claim: CasualtyClaim },
    readonly publisher: string | null,
    readonly grade: number,
  ) {
    super(record, version);
  }
}

export interface Preferred {
  count: Count;
  publisher: string | null;
  claimId: string | null;
  /** `incidentTotal` when the summed incident reports win, else `cumulative`. */
  basis: 'incidentTotal' | 'cumulative';
}

export interface CasualtyFigure {
  side: string;
  category: string;
  day: string;
  daily: Count;
  incidentTotal: Count;
  bySource: Record<string, Count & { claimId: string }>;
  range: { low: number; high: number } | null;
  preferred: Preferred | null;
  /** The claims behind `daily`, one per corroboration group. */
  dailyClaims: string[];
}

export interface CasualtyFilter {
  operation?: string;
}

/** The live casualty claims of one side and category at knownAt. */
export function casualtyCandidates(
  ledger: CampaignLedger,
  key: string,
  knownAt: KnownAt,
  filter: CasualtyFilter = {},
): CasualtyCandidate[] {
  const candidates: CasualtyCandidate[] = [];
  for (const record of ledger.casualtiesByKey.get(key) ?? []) {
    const version = ledger.liveAt(record, knownAt);
    if (!version || !isCasualtyVersion(version)) continue;
    if (casualtyKey(version.claim) !== key) continue;
    if (filter.operation && version.claim.operation !== filter.operation) continue;
    candidates.push(
      new CasualtyCandidate(record, version, ledger.publisherOf(version, knownAt), ledger.gradeScore(version, knownAt)),
    );
  }
  return candidates;
}

function isCasualtyVersion(version: ClaimVersion): version is CasualtyCandidate['version'] {
  return version.claim.type === 'casualties';
}

/** Rank, then publisher grade, then the later `to`, then the later log position. */
function outranks(a: { rank: number; grade: number; to: number; position: number }, b: typeof a): number {
  return a.rank - b.rank || a.grade - b.grade || a.to - b.to || a.position - b.position;
}
const weight = (c: CasualtyCandidate) => ({
  rank: RANK_VALUE[c.version.rank],
  grade: c.grade,
  to: c.to,
  position: c.firstPosition,
});

export interface Group {
  top: CasualtyCandidate;
  count: Count;
  /** The best grade among the group's members. */
  grade: number;
}

/**
 * Incident reports grouped by corroboration (a report that corroborates another is the same
 * incident): the group counts once — low the lowest, high the highest, best the top-ranked
 * member's — and takes effect when its top-ranked member does.
 */
export function incidentGroups(candidates: CasualtyCandidate[]): Group[] {
  const incidents = candidates.filter((c) => c.version.claim.scope === 'incident');
  const byId = new Map(incidents.map((c) => [c.claimId, c]));
  const parent = new Map<string, string>();
  const find = (id: string): string => {
    let root = id;
    for (let up = parent.get(root); up !== undefined && up !== root; up = parent.get(root)) root = up;
    // every report on the way now points at the root: a long chain of corroborations is walked once
    for (let node = id, up = parent.get(node); up !== undefined && up !== root; node = up, up = parent.get(node))
      parent.set(node, root);
    return root;
  };
  for (const c of incidents) {
    const target = c.version.claim.corroborates;
    if (target && byId.has(target)) parent.set(find(c.claimId), find(target));
  }
  const members = new Map<string, CasualtyCandidate[]>();
  for (const c of incidents) {
    const root = find(c.claimId);
    const group = members.get(root);
    if (group) group.push(c);
    else members.set(root, [c]);
  }
  return [...members.values()].map(summarised);
}

/** One incident's group: its top-ranked member, its best grade, and its count (in one pass: a group may be large). */
function summarised(group: CasualtyCandidate[]): Group {
  let top = group[0] as CasualtyCandidate;
  let grade = 0;
  let low = Infinity;
  let high = -Infinity;
  let openEnded = false;
  let unbounded = false;
  for (const c of group) {
    if (outranks(weight(c), weight(top)) > 0) top = c;
    grade = Math.max(grade, c.grade);
    const count = toCount(c.version.claim.count);
    low = Math.min(low, count.low);
    openEnded ||= count.openEnded;
    if (count.high === null) unbounded = true;
    else high = Math.max(high, count.high);
  }
  return {
    top,
    grade,
    count: { best: toCount(top.version.claim.count).best, low, high: openEnded || unbounded ? null : high, openEnded },
  };
}

/** The casualty figures of one side and category for day D (domain.md, Casualties). */
export function casualtyFigure(
  ledger: CampaignLedger,
  key: string,
  day: string,
  candidates: CasualtyCandidate[],
  groups: Group[],
  until?: number,
): CasualtyFigure {
  const { side, category } = sideAndCategory(key);
  const bounds = dayBounds(day, ledger.campaign.timeZone);
  const start = bounds.start;
  // a replay asks for the day as it stood at the end of an hour within it
  const end = until === undefined ? bounds.end : Math.min(bounds.end, until);
  let daily = ZERO;
  let incidentTotal = ZERO;
  const dailyClaims: string[] = [];
  // the summed incident reports compete with their best rank and best-graded member
  const totalWeight = { rank: 0, grade: 0, to: 0, position: 0 };
  let totalMembers = 0;
  for (const group of groups) {
    if (group.top.to > end) continue;
    incidentTotal = addCounts(incidentTotal, group.count);
    totalMembers++;
    totalWeight.rank = Math.max(totalWeight.rank, RANK_VALUE[group.top.version.rank]);
    totalWeight.grade = Math.max(totalWeight.grade, group.grade);
    totalWeight.to = Math.max(totalWeight.to, group.top.to);
    totalWeight.position = Math.max(totalWeight.position, group.top.firstPosition);
    if (group.top.to > start) {
      daily = addCounts(daily, group.count);
      dailyClaims.push(group.top.claimId);
    }
  }

  const latest = new Map<string, CasualtyCandidate>();
  for (const c of candidates) {
    if (c.version.claim.scope !== 'cumulative' || c.to > end) continue;
    const publisher = c.publisher ?? 'unknown';
    const seen = latest.get(publisher);
    if (!seen || c.to > seen.to || (c.to === seen.to && c.firstPosition > seen.firstPosition)) latest.set(publisher, c);
  }
  const bySource: CasualtyFigure['bySource'] = {};
  for (const [publisher, c] of [...latest.entries()].sort(([a], [b]) => a.localeCompare(b))) {
    bySource[publisher] = { ...toCount(c.version.claim.count), claimId: c.claimId };
  }

  const bests = [...Object.values(bySource).map((c) => c.best), ...(incidentTotal.best > 0 ? [incidentTotal.best] : [])];
  const range = bests.length ? { low: Math.min(...bests), high: Math.max(...bests) } : null;

  let preferred: Preferred | null = null;
  let preferredWeight: ReturnType<typeof weight> | undefined;
  for (const c of latest.values()) {
    const w = weight(c);
    if (!preferredWeight || outranks(w, preferredWeight) > 0) {
      preferredWeight = w;
      preferred = { count: toCount(c.version.claim.count), publisher: c.publisher, claimId: c.claimId, basis: 'cumulative' };
    }
  }
  if (totalMembers > 0 && incidentTotal.best > 0 && (!preferredWeight || outranks(totalWeight, preferredWeight) > 0)) {
    preferred = { count: incidentTotal, publisher: null, claimId: null, basis: 'incidentTotal' };
  }
  return { side, category, day, daily, incidentTotal, bySource, range, preferred, dailyClaims };
}

/** Every day of the campaign window, as local dates. */
export function campaignDays(ledger: CampaignLedger): string[] {
  const days: string[] = [];
  for (let d = ledger.campaign.window.from; d <= ledger.campaign.window.to; d = addDays(d, 1)) days.push(d);
  return days;
}
