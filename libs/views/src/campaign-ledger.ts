import type { CampaignRegistration, ClaimEvent, RecordedEvent } from '@timeline/domain';
import { placeAt, sourceAt, type CampaignEntry, type PlaceEntry, type SourceEntry } from './catalog.view';
import { nextVersion, type ClaimRecord, type ClaimVersion } from './claim-history';
import { indexClaim, type ClaimIndexes } from './claim-indexes';
import { latestBefore, NOW, type KnownAt } from './known-at';
import { gradeValue, type PublisherGrades } from './publisher-grades';

const NO_VERSIONS: readonly ClaimVersion[] = [];

/**
 * One campaign's claims folded for the views: every claim with its versions in transaction time,
 * indexed by what views ask for (a place's control claims, a side's casualty claims), beside the
 * campaign's catalog entry, which names the answers (factions and blocs, places, sources), and
 * the publishers' grades over time.
 */
export class CampaignLedger implements ClaimIndexes {
  readonly claims = new Map<string, ClaimRecord>();
  readonly controlByPlace = new Map<string, Set<string>>();
  readonly casualtiesByKey = new Map<string, Set<string>>();
  readonly territoryByFaction = new Map<string, Set<string>>();
  readonly deniedBy = new Map<string, Set<string>>();
  readonly claimsBySource = new Map<string, Set<string>>();
  readonly areaClaims = new Map<string, Set<string>>();

  constructor(
    readonly catalog: CampaignEntry,
    private readonly grades: PublisherGrades,
  ) {}

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
    if (version.claim.attributedTo) return gradeValue(this.grades.at(version.claim.attributedTo, knownAt));
    let best = 0;
    for (const sourceId of version.claim.sources) {
      const publisher = this.sourceAt(sourceId, knownAt)?.publisher;
      if (publisher) best = Math.max(best, gradeValue(this.grades.at(publisher, knownAt)));
    }
    return best;
  }

  /** A claim its indexes name: they file only claims this ledger holds. */
  recordOf(claimId: string): ClaimRecord {
    const record = this.claims.get(claimId);
    if (!record) throw new Error(`claim "${claimId}" is indexed but not in the ledger`);
    return record;
  }

  /** The claim as known at a position: its latest version recorded by then. */
  versionAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    const last = record.versions[record.versions.length - 1];
    if (last && knownAt >= last.position) return last;
    return latestBefore(record.versions, knownAt);
  }

  /** Live at knownAt: recorded by then, not retracted, not deprecated (domain.md, How views decide). */
  liveAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    const version = this.versionAt(record, knownAt);
    return version && !version.retracted && version.rank !== 'deprecated' ? version : undefined;
  }

  /** Folds one claim event into the claim's versions; answers the claim's record, or undefined when it changed nothing. */
  applyClaimEvent(event: RecordedEvent<ClaimEvent>, recordedAt: number): ClaimRecord | undefined {
    const claimId = event.data.claimId;
    const record = this.claims.get(claimId);
    const version = nextVersion(record?.versions ?? NO_VERSIONS, event, recordedAt);
    if (!version) return undefined;
    const folded = record ?? { claimId, firstPosition: event.position, versions: [] };
    if (!record) this.claims.set(claimId, folded);
    folded.versions.push(version);
    indexClaim(this, claimId, version.claim);
    return folded;
  }

  /** A claim's versions as a snapshot kept them. */
  restoreClaim(record: ClaimRecord): void {
    for (const version of record.versions) indexClaim(this, record.claimId, version.claim);
    this.claims.set(record.claimId, record);
  }
}
