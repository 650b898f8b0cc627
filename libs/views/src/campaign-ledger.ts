import {
  applyChanges,
  earliestReport,
  type CampaignRegistration,
  type ClaimData,
  type ClaimEvent,
  type Rank,
  type RecordedEvent,
} from '@timeline/domain';
import { placeAt, sourceAt, type CampaignEntry, type PlaceEntry, type SourceEntry } from './catalog.view';
import { isEditorial, nextVersion, validInterval, type ClaimRecord, type ClaimVersion } from './claim-history';
import { indexClaim, type ClaimIndexes } from './claim-indexes';
import { latestBefore, NOW, type KnownAt } from './known-at';
import type { LogPositions } from './log-positions';
import { gradeValue, type PublisherGrades } from './publisher-grades';
import { StringPool } from './string-pool';

const NO_VERSIONS: readonly ClaimVersion[] = [];

/**
 * One campaign's claims folded for the views: every claim with its versions in transaction time,
 * indexed by what views ask for (a place's control claims, a side's casualty claims), beside the
 * campaign's catalog entry, which names the answers (factions and blocs, places, sources), and
 * the publishers' grades over time.
 *
 * The same ledger seen "as reported by" an instant (`asReportedBy`) shares all of this, and
 * answers each claim from only its versions whose reports were public by then (domain.md,
 * "Three clocks"): every view computed from it is a reported view, with nothing of its own.
 */
export class CampaignLedger implements ClaimIndexes {
  readonly claims: Map<string, ClaimRecord>;
  readonly controlByPlace: Map<string, ClaimRecord[]>;
  readonly casualtiesByKey: Map<string, ClaimRecord[]>;
  readonly territoryByFaction: Map<string, ClaimRecord[]>;
  readonly deniedBy: Map<string, ClaimRecord[]>;
  readonly claimsBySource: Map<string, ClaimRecord[]>;
  readonly areaClaims: Map<string, ClaimRecord[]>;
  /** The instant a reported view is bounded by (epoch ms); null for the ledger itself. */
  readonly reportedBy: number | null;
  /** Of the versions reported exactly at `reportedBy`, those recorded up to this position (an audit in report order steps through them). */
  private readonly reportedTie: number;
  /** The versions a reported view set aside because none of their sources is dated (`claimId@position`). */
  readonly unreported = new Set<string>();
  /** The ids and instants the campaign's claims repeat, kept once. */
  private readonly strings: StringPool;
  /**
   * The grade known now of each list of sources claims cite (a list is pooled: one for every
   * claim citing the same), kept while no source is registered or corrected and no publisher
   * regraded: at a million claims, fifty thousand lists stand for a million lookups of a source
   * and its publisher's grade.
   */
  private gradesNow = new Map<readonly string[], number>();
  private gradedAt = { sources: 0, grades: 0 };

  constructor(
    readonly catalog: CampaignEntry,
    private readonly grades: PublisherGrades,
    private readonly log: LogPositions,
    seen?: { from: CampaignLedger; reportedBy: number; tie?: number },
  ) {
    const shared = seen?.from;
    this.claims = shared?.claims ?? new Map<string, ClaimRecord>();
    this.controlByPlace = shared?.controlByPlace ?? index();
    this.casualtiesByKey = shared?.casualtiesByKey ?? index();
    this.territoryByFaction = shared?.territoryByFaction ?? index();
    this.deniedBy = shared?.deniedBy ?? index();
    this.claimsBySource = shared?.claimsBySource ?? index();
    this.areaClaims = shared?.areaClaims ?? index();
    this.reportedBy = seen?.reportedBy ?? null;
    this.reportedTie = seen?.tie ?? Infinity;
    this.strings = shared?.strings ?? new StringPool();
  }

  /**
   * This ledger as publicly reported by an instant: a view of its own, for one answer, that
   * counts in `unreported` the undated versions it set aside.
   */
  asReportedBy(instant: number, tie = Infinity): CampaignLedger {
    return new CampaignLedger(this.catalog, this.grades, this.log, { from: this, reportedBy: instant, tie });
  }

  get campaign(): CampaignRegistration {
    return this.catalog.campaign;
  }

  /** Places and sources as known now; their earlier versions are kept for knownAt. */
  get places(): ReadonlyMap<string, PlaceEntry> {
    return this.catalog.places;
  }

  get sources(): ReadonlyMap<string, SourceEntry> {
    return this.catalog.sources;
  }

  bloc(faction: string | null | undefined): string | null {
    if (!faction) return null;
    return this.catalog.factions.get(faction)?.bloc ?? null;
  }

  /** A place or source as known at a position (a later correction is not yet known then). */
  placeAt(placeId: string, knownAt: KnownAt): PlaceEntry | undefined {
    return placeAt(this.catalog, placeId, knownAt);
  }

  sourceAt(sourceId: string, knownAt: KnownAt): SourceEntry | undefined {
    return sourceAt(this.catalog, sourceId, knownAt);
  }

  /** Whom a figure is from: the publisher it is attributed to, else its first source's. */
  publisherOf(version: ClaimVersion, knownAt: KnownAt = NOW): string | null {
    const [first] = version.claim.sources;
    return version.claim.attributedTo ?? (first === undefined ? null : (this.sourceAt(first, knownAt)?.publisher ?? null));
  }

  /**
   * The grade a claim is weighed with at knownAt (A best, ungraded last): the best among its
   * sources' publishers — or, for a figure attributed to a publisher, that publisher's, since a
   * report that carries a ministry's figure does not lend the figure its own reliability.
   */
  gradeScore(version: ClaimVersion, knownAt: KnownAt): number {
    const { attributedTo, sources } = version.claim;
    if (attributedTo) return gradeValue(this.grades.at(attributedTo, knownAt));
    if (knownAt !== NOW) return this.bestGrade(sources, knownAt);
    if (this.catalog.sourcesChangedAt !== this.gradedAt.sources || this.grades.changedAt !== this.gradedAt.grades) {
      this.gradesNow.clear();
      this.gradedAt = { sources: this.catalog.sourcesChangedAt, grades: this.grades.changedAt };
    }
    let grade = this.gradesNow.get(sources);
    if (grade === undefined) this.gradesNow.set(sources, (grade = this.bestGrade(sources, NOW)));
    return grade;
  }

  private bestGrade(sources: readonly string[], knownAt: KnownAt): number {
    let best = 0;
    for (const sourceId of sources) {
      const publisher = this.sourceAt(sourceId, knownAt)?.publisher;
      if (publisher) best = Math.max(best, gradeValue(this.grades.at(publisher, knownAt)));
    }
    return best;
  }

  /** When a version's event was recorded (epoch ms): the log keeps it, once for every event. */
  recordedAt(version: ClaimVersion): number {
    return this.log.instantOf(version.position);
  }

  /** A claim this ledger holds, by its id; throws for one it does not hold. */
  recordOf(claimId: string): ClaimRecord {
    const record = this.claims.get(claimId);
    if (!record) throw new Error(`claim "${claimId}" is not in the ledger`);
    return record;
  }

  /** The claim as known at a position: its latest version recorded by then (and reported by `reportedBy`). */
  versionAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    if (this.reportedBy !== null) return this.reportedVersionAt(record, knownAt);
    const last = record.versions[record.versions.length - 1];
    if (last && knownAt >= last.position) return last;
    return latestBefore(record.versions, knownAt);
  }

  /**
   * When a version's report was public, with the sources as known at knownAt: the earliest end
   * of their publications; null when none is dated.
   */
  reportedAtOf(version: ClaimVersion, knownAt: KnownAt): number | null {
    if (knownAt >= this.catalog.publicationsChangedAt) return version.reportedAt;
    return this.reportedAtFrom(version, knownAt);
  }

  private reportedAtFrom(version: ClaimVersion, knownAt: KnownAt): number | null {
    return earliestReport(
      version.eventSources.map((sourceId) => this.sourceAt(sourceId, knownAt)?.published),
      version.valid.from,
    );
  }

  /** Whether a version is public in this reported view: reported by its instant, or an editorial act (always, for the ledger itself). */
  reportedHere(version: ClaimVersion, knownAt: KnownAt): boolean {
    if (isEditorial(version) || this.reportedBy === null) return true;
    const reportedAt = this.reportedAtOf(version, knownAt);
    if (reportedAt === null) return false;
    return reportedAt < this.reportedBy || (reportedAt === this.reportedBy && version.position <= this.reportedTie);
  }

  /**
   * The claim from its versions recorded by knownAt and reported by `reportedBy`. While they are the
   * first versions of its stream, the last of them is the answer; past a version set aside, the
   * later ones are applied to what was reported before it: a correction's changes, a rank, a
   * retraction (a correction of a claim not yet reported brings the claim as corrected).
   */
  private reportedVersionAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    let claim: ClaimData | undefined;
    let rank: Rank = 'normal';
    let retracted = false;
    let last: ClaimVersion | undefined;
    let previous: ClaimVersion | undefined;
    let exact = true;
    for (const version of record.versions) {
      if (version.position > knownAt) break;
      const before = previous;
      previous = version;
      if (!this.reportedHere(version, knownAt)) {
        exact = false;
        if (this.reportedAtOf(version, knownAt) === null) this.unreported.add(`${record.claimId}@${version.position}`);
        continue;
      }
      last = version;
      if (version.event === 'ClaimRanked') rank = version.rank;
      else if (version.event === 'ClaimRetracted') retracted = true;
      else if (version.event !== 'ClaimCorrected' || exact || claim === undefined || !before) claim = version.claim;
      else claim = applyChanges(claim, changesBetween(before.claim, version.claim));
    }
    if (!last || !claim) return undefined;
    if (exact) return last;
    return {
      ...last,
      claim,
      rank,
      retracted,
      valid: claim.time === last.claim.time ? last.valid : validInterval(claim.time),
    };
  }

  /** Recomputes every version's reportedAt from the sources as they stand now (after a publication date was corrected). */
  refreshReportedAt(): void {
    for (const record of this.claims.values())
      for (const version of record.versions) version.reportedAt = this.reportedAtFrom(version, NOW);
  }

  /** Live at knownAt: recorded by then, not retracted, not deprecated (domain.md, How views decide). */
  liveAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    const version = this.versionAt(record, knownAt);
    return version && !version.retracted && version.rank !== 'deprecated' ? version : undefined;
  }

  /**
   * Folds one claim event into the claim's versions; answers the claim's record, or undefined when
   * it changed nothing. `record` is the claim's as this ledger holds it (undefined for a claim it
   * does not hold yet), which the caller has looked up: the fold looks each claim up once per event.
   */
  applyClaimEvent(event: RecordedEvent<ClaimEvent>, record: ClaimRecord | undefined): ClaimRecord | undefined {
    const claimId = event.data.claimId;
    const earlier = record?.versions ?? NO_VERSIONS;
    const version = nextVersion(earlier, event);
    if (!version) return undefined;
    this.strings.internVersion(version, earlier[earlier.length - 1]);
    version.reportedAt = this.reportedAtFrom(version, NOW);
    if (record) {
      indexClaim(this, record, version.claim, earlier);
      record.versions.push(version);
      return record;
    }
    // made with its one version: an empty list would reserve room for sixteen, and most claims keep one
    const recorded: ClaimRecord = { claimId, ordinal: this.claims.size, firstPosition: event.position, versions: [version] };
    indexClaim(this, recorded, version.claim);
    this.claims.set(claimId, recorded);
    return recorded;
  }

  /** A claim's versions as a snapshot kept them, its pooled values named; the snapshot's index lines file it. */
  restoreClaim(record: ClaimRecord): void {
    record.versions.forEach((version, i) => this.strings.internVersion(version, record.versions[i - 1], true));
    this.claims.set(record.claimId, record);
  }

  /** The values the ledger's claims repeat, which a snapshot writes once and its claims name. */
  get pool(): StringPool {
    return this.strings;
  }
}

const index = () => new Map<string, ClaimRecord[]>();

/** The fields a correction changed, from the claim before it and after: `null` for a field it removed. */
function changesBetween(before: ClaimData, after: ClaimData): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  const was = before as Record<string, unknown>;
  const is = after as Record<string, unknown>;
  for (const key of Object.keys(is)) if (is[key] !== was[key]) changes[key] = is[key];
  for (const key of Object.keys(was)) if (!(key in is)) changes[key] = null;
  return changes;
}
