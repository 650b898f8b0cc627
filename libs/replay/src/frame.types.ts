import type { Rank } from '@timeline/domain';
import type { Count, SourceRef } from '@timeline/views';

/** A place's state as a frame or a snapshot carries it. */
export interface PlaceFrameState {
  place: string;
  status: string;
  controller: string | null;
  /** Who attacks, besieges or left the place, as its claim names them. */
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  bloc: string | null;
  disputed: boolean;
  /** The latest end among the claims behind the state; null when it is inferred. */
  lastReportedAt: string | null;
  /** Inferred from a later claim's `takenFrom`: the claim that implies it. */
  inferredFrom?: string;
}

/** A change under way at a place: its claim's window contains the instant. */
export interface PendingFrameChange {
  place: string;
  claimId: string;
  status: string;
  controller: string | null;
  bloc: string | null;
  from: string;
  to: string;
  precision: string;
}

export interface CasualtyFrameFigure {
  side: string;
  category: string;
  day: string;
  daily: Count;
  preferred: { count: Count; publisher: string | null; claimId: string | null } | null;
}

/** A source as a frame names it: its publisher and when it was published. */
export type FrameSource = SourceRef;

export interface FrameClaim {
  claimId: string;
  type: string;
  time: { from: string; to: string; precision: string };
  summary: string;
  quote: string;
  place: string | null;
  /** When the claim's report was public (its version's reportedAt); null when no source is dated. */
  reportedAt: string | null;
  /** In a replay as reported: the claim took effect before this hour and is news of it, published now. */
  newsOfThePast?: true;
  sources: FrameSource[];
}

export interface FrameContent {
  at: string;
  until: string;
  claims: FrameClaim[];
  /** The claims whose window opens in this hour: their change is under way from here to their end. */
  opening: FrameClaim[];
  control: PlaceFrameState[];
  /** The changes under way whose window opened in this hour. */
  pending: PendingFrameChange[];
  casualties: CasualtyFrameFigure[];
  summary: { byBloc: Record<string, number> };
}

export interface SnapshotContent {
  at: string;
  control: PlaceFrameState[];
  /** Every change under way at `at`. */
  pending: PendingFrameChange[];
  casualties: CasualtyFrameFigure[];
  summary: { byBloc: Record<string, number> };
}

/** What a claim recorded after a replay was pinned changes in the hour it takes effect. */
export interface Correction {
  /** The end of the claim's interval: the correction is due once a session has streamed it. */
  to: number;
  at: string;
  /** The claim as a frame carries it; null when it is no longer live (retracted, denied). */
  claim: FrameClaim | null;
  control: PlaceFrameState[];
  casualties: CasualtyFrameFigure[];
}

/** What one event of a claim's stream did to it, as a correction or the live feed tells it. */
export interface FrameClaimChange {
  kind: 'recorded' | 'corrected' | 'ranked' | 'retracted';
  /** The event's type, as the log names it. */
  event: string;
  position: number;
  recordedAt: string;
  actor: string;
  /** Why the claim was corrected, ranked or retracted; null for a record. */
  reason: string | null;
  /** Field by field, the value before the event and after it (null where the field was absent). */
  fields: { field: string; before: unknown; after: unknown }[];
  /** The claim's summary before the event; null for a record. */
  summaryBefore: string | null;
  /** The claim as the event left it, retracted or deprecated included. */
  claim: FrameClaim;
  rank: Rank;
  retracted: boolean;
  /** The sources the event itself cites: a correction's or a retraction's, the claim's own for a record. */
  sources: FrameSource[];
}
