import {
  assertNever,
  type ClaimData,
  type ClaimEvent,
  type ClaimState,
  evolveClaim,
  initialClaimState,
  isClaimRecorded,
  type Rank,
  type RecordedEvent,
} from '@timeline/domain';

/** A claim as it stood after one event of its stream: one row of its transaction-time history. */
export interface ClaimVersion {
  /** Its event's position; when the event was recorded is the log's (CampaignLedger.recordedAt). */
  position: number;
  event: ClaimEvent['type'];
  actor: string;
  /** Sources the event itself cites (the claim's for a record, the correction's for a correction). */
  eventSources: string[];
  /** Why an editor corrected, ranked or retracted the claim; null for its record. */
  reason: string | null;
  claim: ClaimData;
  rank: Rank;
  retracted: boolean;
  /**
   * The claim's valid time in epoch ms, cached from `claim.time`: one object for every version of
   * the ledger with the same valid time (StringPool.internVersion), not two numbers of its own.
   */
  valid: ValidInterval;
  /**
   * When the event's report was public: the earliest end of its sources' publications (epoch ms),
   * null when none of them is dated. It follows the sources as they stand now; a view of the past
   * from before a publication date was corrected computes it afresh (CampaignLedger.reportedAtOf).
   */
  reportedAt: number | null;
}

/** A valid time as epoch ms, from inclusive to exclusive. */
export interface ValidInterval {
  readonly from: number;
  readonly to: number;
}

/**
 * A rank, or a retraction citing no source, is the record's editors' own act: it applies in
 * every reported view, whatever the date (domain.md, "Three clocks").
 */
export function isEditorial(version: ClaimVersion): boolean {
  return version.eventSources.length === 0 && (version.event === 'ClaimRanked' || version.event === 'ClaimRetracted');
}

export interface ClaimRecord {
  claimId: string;
  /** Its place among its ledger's claims in the order they were first recorded: what a snapshot names it by. */
  ordinal: number;
  /** Position at which the claim was first recorded: the last tie-break of the views. */
  firstPosition: number;
  versions: ClaimVersion[];
}

/**
 * A live version of a claim as a view weighs it. The views known now keep one for every live
 * claim, so its id, first position and valid time are read from the claim's record and version
 * (the interval shared by every version of that time) rather than copied: no boxed numbers of
 * its own.
 */
export abstract class WeighedClaim<V extends ClaimVersion> {
  constructor(
    protected readonly record: ClaimRecord,
    readonly version: V,
  ) {}

  get claimId(): string {
    return this.record.claimId;
  }

  get firstPosition(): number {
    return this.record.firstPosition;
  }

  get to(): number {
    return this.version.valid.to;
  }
}

/** A record is made with its first version, so it always has a first and a latest one. */
export function firstVersion(record: ClaimRecord): ClaimVersion {
  return versionOf(record, record.versions[0]);
}

export function latestVersion(record: ClaimRecord): ClaimVersion {
  return versionOf(record, record.versions[record.versions.length - 1]);
}

function versionOf(record: ClaimRecord, version: ClaimVersion | undefined): ClaimVersion {
  if (!version) throw new Error(`claim "${record.claimId}" has a record without versions`);
  return version;
}

export const RANK_VALUE: Record<Rank, number> = { preferred: 2, normal: 1, deprecated: 0 };

/**
 * The claim's next version after one event of its stream, folded by the domain's `evolveClaim`;
 * undefined when the event changes nothing: a claim recorded again under its id, or a change to
 * a claim never recorded.
 */
export function nextVersion(versions: readonly ClaimVersion[], event: RecordedEvent<ClaimEvent>): ClaimVersion | undefined {
  const last = versions[versions.length - 1];
  // evolveClaim would start the claim afresh: the log keeps the first record of an id
  if (last && isClaimRecorded(event)) return undefined;
  const state = evolveClaim(stateOf(versions), event);
  if (!state.exists) return undefined;
  const sameTime = last !== undefined && last.claim === state.claim;
  // versions are built with one literal shape: the fold runs once per event of the whole log
  return {
    position: event.position,
    event: event.type,
    actor: event.metadata.actor,
    eventSources: sourcesCited(event),
    reason: reasonGiven(event),
    claim: state.claim,
    rank: state.rank,
    retracted: state.retracted,
    valid: sameTime ? last.valid : validInterval(state.claim.time),
    reportedAt: null,
  };
}

export function validInterval(time: { from: string; to: string }): ValidInterval {
  return { from: Date.parse(time.from), to: Date.parse(time.to) };
}

/** No claim yet; `evolveClaim` never changes the state it is given, so one serves every claim. */
const NO_CLAIM = initialClaimState();

/** The claim's stream folded so far, as `evolveClaim` knows it, from its versions. */
function stateOf(versions: readonly ClaimVersion[]): ClaimState {
  const first = versions[0];
  const last = versions[versions.length - 1];
  if (!first || !last) return NO_CLAIM;
  return {
    exists: true,
    original: first.claim,
    claim: last.claim,
    revision: versions.length - 1,
    rank: last.rank,
    retracted: last.retracted,
  };
}

function reasonGiven(event: ClaimEvent): string | null {
  return event.type === 'ClaimCorrected' || event.type === 'ClaimRanked' || event.type === 'ClaimRetracted'
    ? event.data.reason
    : null;
}

function sourcesCited(event: ClaimEvent): string[] {
  switch (event.type) {
    case 'ControlClaimed':
    case 'CasualtiesReported':
    case 'TerritoryReported':
    case 'IncidentReported':
    case 'ClaimCorrected':
    case 'ClaimRetracted':
      return event.data.sources;
    case 'ClaimRanked':
      return [];
    default:
      return assertNever(event);
  }
}
