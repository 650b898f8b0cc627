import { assertNever, canonicalJson, localDateOf, type ClaimData, type PublishedAt, type PublishedTime } from '@timeline/domain';
import { casualtyCandidates, casualtyFigure, incidentGroups } from './casualties';
import { denialPartners, entryAtInstant, PlaceClaims } from './control';
import { NOW, type KnownAt } from './known-at';
import type { CampaignLedger } from './campaign-ledger';
import { isEditorial, type ClaimRecord, type ClaimVersion } from './claim-history';
import { casualtyKey } from './claim-indexes';
import { coveringAreas } from './coverage';
import { territoryOn } from './territory.queries';
import type { TimelineViews } from './timeline-views';

export interface AuditEntry {
  position: number;
  recordedAt: string | null;
  /** When the event's report was public (null: no dated source, or an editors' act). */
  reportedAt: string | null;
  event: string;
  claimId: string | null;
  sources: { sourceId: string; publisher: string | null; publishedAt: PublishedAt | null; published: PublishedTime | null }[];
  actor: string | null;
  /** Why the editor made the change: a correction's, rank's or retraction's reason; null for a record. */
  reason: string | null;
  before: unknown;
  after: unknown;
  /** In report order: the other versions reported at the same instant that moved the figure with this one. */
  alsoReported?: { position: number; event: string; claimId: string | null }[];
}

/** An audit's order: as the events were recorded (`log`), or as their reports were published (`reported`). */
export type AuditOrder = 'log' | 'reported';

/** What an audit returns: its entries, and in report order how many versions it set aside as undated. */
export interface Audit {
  changes: AuditEntry[];
  unreported?: number;
}

interface Step {
  position: number;
  event: string;
  claimId: string | null;
  version?: ClaimVersion;
  publisher?: string;
  actor?: string;
  reason?: string;
}

/** A figure as a ledger (maybe a reported view of it) gives it with the events recorded up to a position. */
type FigureAt = (ledger: CampaignLedger, knownAt: KnownAt) => unknown;

/**
 * The events that changed a figure. In log order: for each event that could move it, the figure
 * just before and just after it was recorded. In report order: the claim versions by when their
 * reports were public, the figure moving from what had been reported before an instant to what
 * was reported by it — one entry per instant, naming the last version that moved it and the
 * others published with it (`alsoReported`); undated versions are set aside and counted, and the
 * editors' own acts (ranks, publishers' grades) apply throughout, as in every reported view.
 */
function auditOf(
  views: TimelineViews,
  ledger: CampaignLedger,
  steps: Step[],
  figureAt: FigureAt,
  knownAt: KnownAt = NOW,
  order: AuditOrder = 'log',
): Audit {
  const unique = [...new Map(steps.filter((s) => s.position <= knownAt).map((s) => [s.position, s])).values()];
  const entry = (step: Step, before: unknown, after: unknown, reportedAt: number | null): AuditEntry => ({
    position: step.position,
    recordedAt: views.recordedAtOf(step.position),
    reportedAt: reportedAt === null ? null : new Date(reportedAt).toISOString(),
    event: step.event,
    claimId: step.claimId,
    sources: (step.version?.eventSources ?? []).map((sourceId) => {
      const source = ledger.sourceAt(sourceId, knownAt);
      return {
        sourceId,
        publisher: source?.publisher ?? null,
        publishedAt: source?.publishedAt ?? null,
        published: source?.published ?? null,
      };
    }),
    actor: step.version?.actor ?? step.actor ?? null,
    reason: step.version?.reason ?? step.reason ?? null,
    before,
    after,
  });
  const entries: AuditEntry[] = [];
  if (order === 'log') {
    let before = figureAt(ledger, 0);
    let beforeJson = canonicalJson(before);
    for (const step of unique.sort((a, b) => a.position - b.position)) {
      const after = figureAt(ledger, step.position);
      const afterJson = canonicalJson(after);
      if (afterJson === beforeJson) continue;
      entries.push(entry(step, before, after, step.version ? ledger.reportedAtOf(step.version, knownAt) : null));
      before = after;
      beforeJson = afterJson;
    }
    return { changes: entries };
  }
  const reported: { step: Step; reportedAt: number }[] = [];
  const unreported = new Set<string>();
  for (const step of unique) {
    if (!step.version || isEditorial(step.version)) continue;
    const reportedAt = ledger.reportedAtOf(step.version, knownAt);
    if (reportedAt === null) unreported.add(`${step.claimId}@${step.position}`);
    else if (ledger.reportedBy === null || reportedAt <= ledger.reportedBy) reported.push({ step, reportedAt });
  }
  reported.sort((a, b) => a.reportedAt - b.reportedAt || a.step.position - b.step.position);
  // the reports published at one instant move the figure together: one entry per instant
  let before = figureAt(ledger.asReportedBy(-Infinity), knownAt);
  for (let i = 0; i < reported.length;) {
    const reportedAt = reported[i]?.reportedAt ?? 0;
    const moved: Step[] = [];
    let interim = before;
    for (; i < reported.length && reported[i]?.reportedAt === reportedAt; i++) {
      const step = (reported[i] as (typeof reported)[number]).step;
      const after = figureAt(ledger.asReportedBy(reportedAt, step.position), knownAt);
      if (canonicalJson(after) !== canonicalJson(interim)) moved.push(step);
      interim = after;
    }
    const last = moved.at(-1);
    if (!last || canonicalJson(interim) === canonicalJson(before)) continue;
    const others = moved.slice(0, -1).map((s) => ({ position: s.position, event: s.event, claimId: s.claimId }));
    entries.push({ ...entry(last, before, interim, reportedAt), ...(others.length ? { alsoReported: others } : {}) });
    before = interim;
  }
  return { changes: entries, unreported: unreported.size };
}

function claimSteps(ledger: CampaignLedger, claimIds: Iterable<string>): Step[] {
  const steps: Step[] = [];
  for (const claimId of claimIds) {
    for (const version of ledger.claims.get(claimId)?.versions ?? [])
      steps.push({ position: version.position, event: version.event, claimId, version });
  }
  return steps;
}

function gradeSteps(views: TimelineViews, ledger: CampaignLedger, claimIds: Iterable<string>): Step[] {
  const publishers = new Set<string>();
  for (const claimId of claimIds) {
    for (const version of ledger.claims.get(claimId)?.versions ?? []) {
      version.claim.sources.forEach((s) => publishers.add(ledger.sources.get(s)?.publisher ?? ''));
      if (version.claim.attributedTo) publishers.add(version.claim.attributedTo);
    }
  }
  return [...publishers].flatMap((publisher) =>
    views.grades.assessmentsOf(publisher).map((a) => ({
      position: a.position,
      event: 'PublisherAssessed',
      claimId: null,
      publisher,
      actor: a.actor,
      reason: a.reason,
    })),
  );
}

/** Which events changed who held a place at instant `at` (domain.md, Audit), as known at knownAt. */
export function auditControl(
  views: TimelineViews,
  ledger: CampaignLedger,
  place: string,
  at: number,
  knownAt: KnownAt = NOW,
  order: AuditOrder = 'log',
): Audit {
  const ids = new Set(idsOf(ledger.controlByPlace.get(place)));
  // claims about an area covering the place decide it too; the catalog as it stands now says which cover it
  for (const area of coveringAreas(ledger, place, NOW)) for (const id of idsOf(ledger.areaClaims.get(area))) ids.add(id);
  for (const id of [...ids]) {
    for (const denier of idsOf(ledger.deniedBy.get(id))) ids.add(denier);
    for (const version of ledger.claims.get(id)?.versions ?? []) for (const denied of version.claim.denies ?? []) ids.add(denied);
  }
  // weighed at every step: the place's claims are looked up once, and only the entry in effect at `at` is found
  const claims = new PlaceClaims(ledger, place, views.grades);
  const figureAt: FigureAt = (ledger, knownAt) => {
    const entry = entryAtInstant(claims.candidatesAt(ledger, knownAt), at);
    // a change under way is no change of who holds the place
    if (!entry) return null;
    const { status, controller } = entry.state;
    const disputed = !entry.inferred && denialPartners(ledger, entry.decider, knownAt).some((p) => p.to <= at);
    const basis = entry.basis.map((c) => c.claimId);
    return { status, controller, bloc: ledger.bloc(controller), disputed, basis, ...(entry.inferred ? { inferred: true } : {}) };
  };
  return auditOf(views, ledger, [...claimSteps(ledger, ids), ...gradeSteps(views, ledger, ids)], figureAt, knownAt, order);
}

export type CasualtyFigureName = 'preferred' | 'range' | 'daily';

/** Which events changed a side's casualty figure for day D, as known at knownAt. */
export function auditCasualties(
  views: TimelineViews,
  ledger: CampaignLedger,
  side: string,
  category: string,
  day: string,
  figure: CasualtyFigureName,
  knownAt: KnownAt = NOW,
  order: AuditOrder = 'log',
): Audit {
  const key = casualtyKey({ side, category });
  const ids = idsOf(ledger.casualtiesByKey.get(key));
  const figureAt: FigureAt = (ledger, knownAt) => {
    const candidates = casualtyCandidates(ledger, key, knownAt);
    const value = casualtyFigure(ledger, key, day, candidates, incidentGroups(candidates))[figure];
    return value ?? null;
  };
  return auditOf(views, ledger, [...claimSteps(ledger, ids), ...gradeSteps(views, ledger, ids)], figureAt, knownAt, order);
}

/**
 * Which events changed a faction's territory for day D: the places it gained and lost (from
 * control claims naming it) and the settlements and area reported for it.
 */
export function auditTerritory(
  views: TimelineViews,
  ledger: CampaignLedger,
  faction: string,
  day: string,
  knownAt: KnownAt = NOW,
  order: AuditOrder = 'log',
): Audit {
  const ids = new Set(idsOf(ledger.territoryByFaction.get(faction)));
  for (const records of ledger.controlByPlace.values()) {
    for (const record of records) {
      const named = record.versions.some((v) => namesFaction(v.claim, faction));
      // a place's state changes with any of its claims once the faction is involved there
      if (named) for (const other of records) ids.add(other.claimId);
    }
  }
  const figureAt: FigureAt = (ledger, at) => {
    const entry = territoryOn(views, ledger, day, at).find((f) => f.faction === faction);
    return entry ? { gained: entry.gained, lost: entry.lost, reported: entry.reported } : null;
  };
  return auditOf(views, ledger, [...claimSteps(ledger, ids), ...gradeSteps(views, ledger, ids)], figureAt, knownAt, order);
}

function idsOf(records: readonly ClaimRecord[] | undefined): string[] {
  return records?.map((record) => record.claimId) ?? [];
}

function namesFaction(claim: ClaimData, faction: string): boolean {
  return (
    claim.type === 'control' &&
    (claim.controller === faction || claim.contestedBy === faction || claim.besiegedBy === faction || claim.vacatedBy === faction)
  );
}

/**
 * Every figure a source's claims moved: each place and each casualty figure any version of a
 * claim citing it touched (a correction can move a claim to another place or day), with the
 * audit entries that claim caused there, in the order the reports appeared (undated last).
 */
export function sourceImpact(views: TimelineViews, ledger: CampaignLedger, sourceId: string, knownAt: KnownAt = NOW) {
  const impacts: { claimId: string; figure: Record<string, unknown>; changes: AuditEntry[] }[] = [];
  for (const record of ledger.claimsBySource.get(sourceId) ?? []) {
    const claimId = record.claimId;
    // the changes this claim made on this source's word (not a later correction citing another)
    const mine = (entries: AuditEntry[]) =>
      entries.filter((e) => e.claimId === claimId && e.sources.some((s) => s.sourceId === sourceId));
    const seen = new Set<string>();
    for (const version of record.versions) {
      if (version.position > knownAt) break;
      const claim = version.claim;
      switch (claim.type) {
        case 'control': {
          const key = `control|${claim.place}|${version.valid.to}`;
          if (seen.has(key)) continue;
          seen.add(key);
          const changes = mine(auditControl(views, ledger, claim.place, version.valid.to, knownAt).changes);
          if (changes.length)
            impacts.push({ claimId, figure: { kind: 'control', place: claim.place, at: claim.time.to }, changes });
          break;
        }
        case 'casualties': {
          // a claim takes effect at the end of its interval: the day whose end that falls in
          const day = localDateOf(version.valid.to - 1, ledger.campaign.timeZone);
          for (const figure of ['daily', 'preferred', 'range'] as const) {
            const key = `casualties|${claim.side}|${claim.category}|${day}|${figure}`;
            if (seen.has(key)) continue;
            seen.add(key);
            const changes = mine(auditCasualties(views, ledger, claim.side, claim.category, day, figure, knownAt).changes);
            if (changes.length)
              impacts.push({
                claimId,
                figure: { kind: 'casualties', side: claim.side, category: claim.category, day, figure },
                changes,
              });
          }
          break;
        }
        // a source's impact is told on the control and casualty figures only
        case 'territory':
        case 'incident':
          break;
        default:
          assertNever(claim);
      }
    }
  }
  // in the order the source's reports appeared: by the first change each made, then as recorded
  const first = (impact: (typeof impacts)[number]) => impact.changes[0];
  return impacts
    .map((impact) => ({ ...impact, reportedAt: first(impact)?.reportedAt ?? null }))
    .sort(
      (a, b) =>
        (a.reportedAt ?? '\uffff').localeCompare(b.reportedAt ?? '\uffff') ||
        (first(a)?.position ?? 0) - (first(b)?.position ?? 0),
    );
}
