import {
  type CampaignRegistration,
  type PlaceRegistration,
  type Grade,
  type SourceRegistration,
  type ClaimData,
  applyChanges,
  type Rank,
} from '@timeline/domain';

/** An event as the views read it: what the store gives, reduced to what they need. */
export interface LogEvent {
  type: string;
  data: unknown;
  position: number;
  metadata: Record<string, unknown>;
}

/** A claim as it stood after one event of its stream: one row of its transaction-time history. */
export interface ClaimVersion {
  position: number;
  recordedAt: number;
  event: string;
  actor: string;
  /** Sources the event itself cites (the claim's for a record, the correction's for a correction). */
  eventSources: string[];
  claim: ClaimData;
  rank: Rank;
  retracted: boolean;
  /** Interval of the claim's valid time in epoch ms, cached from `claim.time`. */
  from: number;
  to: number;
}

export interface ClaimRecord {
  claimId: string;
  /** Position at which the claim was first recorded: the last tie-break of the views. */
  firstPosition: number;
  versions: ClaimVersion[];
}

/** A known-at bound: the events recorded up to a log position. */
export type KnownAt = number;
export const NOW: KnownAt = Number.MAX_SAFE_INTEGER;

/**
 * One campaign's log folded for the views: every claim with its versions in transaction time,
 * indexed by what views ask for (a place's control claims, a side's casualty claims), and the
 * catalog the answers name (factions and blocs, places, sources, publisher grades over time).
 */
export class CampaignLedger {
  campaign: CampaignRegistration;
  /** Places and sources as known now; their earlier versions are kept for knownAt. */
  readonly places = new Map<string, PlaceRegistration>();
  readonly sources = new Map<string, SourceRegistration>();
  private readonly placeVersions = new Map<string, { position: number; place: PlaceRegistration }[]>();
  private readonly sourceVersions = new Map<string, { position: number; source: SourceRegistration }[]>();
  readonly claims = new Map<string, ClaimRecord>();
  /** Every place a control claim named in any version → its claim ids. */
  readonly controlByPlace = new Map<string, Set<string>>();
  /** `side|category` → casualty claim ids (any version). */
  readonly casualtiesByKey = new Map<string, Set<string>>();
  /** faction → territory claim ids. */
  readonly territoryByFaction = new Map<string, Set<string>>();
  /** claim id → ids of claims that deny it (any version). */
  readonly deniedBy = new Map<string, Set<string>>();
  /** source id → claim ids whose versions cite it. */
  readonly claimsBySource = new Map<string, Set<string>>();

  constructor(
    campaign: CampaignRegistration,
    private readonly grades: PublisherGrades,
  ) {
    this.campaign = campaign;
  }

  bloc(faction: string | null | undefined): string | null {
    if (!faction) return null;
    return this.campaign.factions.find((f) => f.id === faction)?.bloc ?? null;
  }

  /** The ledger as lines of plain data, for a snapshot; versions repeat no unchanged claim. */
  *toSnapshot(): Generator<unknown> {
    yield { kind: 'campaign', campaign: this.campaign, places: [...this.placeVersions], sources: [...this.sourceVersions] };
    for (const record of this.claims.values()) {
      yield {
        kind: 'claim',
        campaignId: this.campaign.campaignId,
        claimId: record.claimId,
        firstPosition: record.firstPosition,
        versions: record.versions.map((v, i) => ({
          ...v,
          claim: i > 0 && record.versions[i - 1].claim === v.claim ? null : v.claim,
        })),
      };
    }
  }

  restorePlacesAndSources(
    places: [string, { position: number; place: PlaceRegistration }[]][],
    sources: [string, { position: number; source: SourceRegistration }[]][],
  ): void {
    for (const [id, versions] of places) {
      this.placeVersions.set(id, versions);
      this.places.set(id, versions[versions.length - 1].place);
    }
    for (const [id, versions] of sources) {
      this.sourceVersions.set(id, versions);
      this.sources.set(id, versions[versions.length - 1].source);
    }
  }

  restoreClaim(line: {
    claimId: string;
    firstPosition: number;
    versions: (Omit<ClaimVersion, 'claim'> & { claim: ClaimData | null })[];
  }): void {
    const versions: ClaimVersion[] = [];
    for (const v of line.versions) {
      const claim = v.claim ?? versions[versions.length - 1].claim;
      versions.push({ ...v, claim });
      this.index(line.claimId, claim);
    }
    this.claims.set(line.claimId, { claimId: line.claimId, firstPosition: line.firstPosition, versions });
  }

  /** A place or source as known at a position (a later correction is not yet known then). */
  placeAt(placeId: string, knownAt: KnownAt): PlaceRegistration | undefined {
    return knownAt === NOW ? this.places.get(placeId) : latestBefore(this.placeVersions.get(placeId), knownAt)?.place;
  }

  sourceAt(sourceId: string, knownAt: KnownAt): SourceRegistration | undefined {
    return knownAt === NOW ? this.sources.get(sourceId) : latestBefore(this.sourceVersions.get(sourceId), knownAt)?.source;
  }

  recordPlace(place: PlaceRegistration, position: number): void {
    this.places.set(place.placeId, place);
    pushTo(this.placeVersions, place.placeId, { position, place });
  }

  recordSource(source: SourceRegistration, position: number): void {
    this.sources.set(source.sourceId, source);
    pushTo(this.sourceVersions, source.sourceId, { position, source });
  }

  /** Whom a figure is from: the publisher it is attributed to, else its first source's. */
  publisherOf(version: ClaimVersion, knownAt: KnownAt = NOW): string | null {
    return version.claim.attributedTo ?? this.sourceAt(version.claim.sources[0], knownAt)?.publisher ?? null;
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

  /** The claim as known at a position: its latest version recorded by then. */
  versionAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    const versions = record.versions;
    if (knownAt >= versions[versions.length - 1].position) return versions[versions.length - 1];
    return latestBefore(versions, knownAt);
  }

  /** Live at knownAt: recorded by then, not retracted, not deprecated (domain.md, How views decide). */
  liveAt(record: ClaimRecord, knownAt: KnownAt): ClaimVersion | undefined {
    const version = this.versionAt(record, knownAt);
    return version && !version.retracted && version.rank !== 'deprecated' ? version : undefined;
  }

  /** Folds one claim event into the claim's versions; answers the claim's record. */
  applyClaimEvent(event: LogEvent, recordedAt: number): ClaimRecord | undefined {
    const data = event.data as { claimId: string } & Record<string, unknown>;
    const actor = String(event.metadata.actor ?? '');
    let record = this.claims.get(data.claimId);
    let version: ClaimVersion;
    // versions are built with one literal shape: the fold runs once per event of the whole log
    switch (event.type) {
      case 'ControlClaimed':
      case 'CasualtiesReported':
      case 'TerritoryReported':
      case 'IncidentReported': {
        if (record) return undefined;
        const claim = data as unknown as ClaimData;
        version = newVersion(event, recordedAt, actor, claim.sources, claim, 'normal', false);
        record = { claimId: data.claimId, firstPosition: event.position, versions: [] };
        this.claims.set(data.claimId, record);
        break;
      }
      case 'ClaimCorrected': {
        if (!record) return undefined;
        const last = record.versions[record.versions.length - 1];
        const claim = applyChanges(last.claim, data.changes as Record<string, unknown>);
        version = newVersion(event, recordedAt, actor, (data.sources as string[]) ?? [], claim, last.rank, last.retracted);
        break;
      }
      case 'ClaimRetracted':
      case 'ClaimRanked': {
        if (!record) return undefined;
        const last = record.versions[record.versions.length - 1];
        const rank = event.type === 'ClaimRanked' ? (data.rank as Rank) : last.rank;
        version = newVersion(
          event,
          recordedAt,
          actor,
          (data.sources as string[]) ?? [],
          last.claim,
          rank,
          last.retracted || event.type === 'ClaimRetracted',
          last,
        );
        break;
      }
      default:
        return undefined;
    }
    record.versions.push(version);
    this.index(record.claimId, version.claim);
    return record;
  }

  private index(claimId: string, claim: ClaimData): void {
    if (claim.type === 'control') addTo(this.controlByPlace, claim.place, claimId);
    else if (claim.type === 'casualties') addTo(this.casualtiesByKey, `${claim.side}|${claim.category}`, claimId);
    else if (claim.type === 'territory') addTo(this.territoryByFaction, claim.faction, claimId);
    if (claim.denies) for (const denied of claim.denies) addTo(this.deniedBy, denied, claimId);
    for (const source of claim.sources) addTo(this.claimsBySource, source, claimId);
  }
}

function newVersion(
  event: LogEvent,
  recordedAt: number,
  actor: string,
  eventSources: string[],
  claim: ClaimData,
  rank: Rank,
  retracted: boolean,
  sameTimeAs?: ClaimVersion,
): ClaimVersion {
  return {
    position: event.position,
    recordedAt,
    event: event.type,
    actor,
    eventSources,
    claim,
    rank,
    retracted,
    from: sameTimeAs ? sameTimeAs.from : Date.parse(claim.time.from),
    to: sameTimeAs ? sameTimeAs.to : Date.parse(claim.time.to),
  };
}

function addTo(map: Map<string, Set<string>>, key: string, value: string): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

const GRADE_VALUE: Record<Grade, number> = { A: 6, B: 5, C: 4, D: 3, E: 2, F: 1 };
export function gradeValue(grade: Grade | undefined): number {
  return grade ? GRADE_VALUE[grade] : 0;
}

export interface Assessment {
  position: number;
  grade: Grade;
  actor: string;
}

/** Publishers' grades over transaction time: an editor may regrade at any moment. */
export class PublisherGrades {
  private readonly history = new Map<string, Assessment[]>();

  assess(publisher: string, grade: Grade, position: number, actor: string): void {
    pushTo(this.history, publisher, { position, grade, actor });
  }

  at(publisher: string, knownAt: KnownAt): Grade | undefined {
    return latestBefore(this.history.get(publisher), knownAt)?.grade;
  }

  assessmentsOf(publisher: string): readonly Assessment[] {
    return this.history.get(publisher) ?? [];
  }

  toSnapshot(): [string, Assessment[]][] {
    return [...this.history];
  }

  restore(history: [string, Assessment[]][]): void {
    for (const [publisher, assessments] of history) this.history.set(publisher, assessments);
  }
}

export const RANK_VALUE: Record<Rank, number> = { preferred: 2, normal: 1, deprecated: 0 };

function pushTo<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function latestBefore<T extends { position: number }>(versions: T[] | undefined, knownAt: KnownAt): T | undefined {
  let found: T | undefined;
  for (const version of versions ?? []) {
    if (version.position > knownAt) break;
    found = version;
  }
  return found;
}
