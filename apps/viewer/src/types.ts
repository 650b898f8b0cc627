import type { z } from 'zod';
import type { SERVER_EVENTS } from '@timeline/contracts';

type Replay = (typeof SERVER_EVENTS)['/replay'];
export type Snapshot = z.infer<Replay['replay:snapshot']>;
export type Frame = z.infer<Replay['replay:frame']>;
export type Correction = z.infer<Replay['replay:correction']>;
export type Live = z.infer<Replay['replay:live']>;
/** What one event did to a claim: corrected, ranked, retracted or recorded, with each field before and after. */
export type ClaimChange = Correction['change'];
export type Recorded = z.infer<(typeof SERVER_EVENTS)['/live']['claim:recorded']>;
export type PlaceState = Frame['control'][number];
/** A change under way: its claim's window [from, to) contains the instant; it takes effect at `to`. */
export type PendingChange = Snapshot['pending'][number];
export type FrameClaim = Frame['claims'][number];
export type CasualtyFigure = Frame['casualties'][number];

export interface Bloc {
  id: string;
  name: string;
  color: string;
}

export interface Campaign {
  campaignId: string;
  title: string;
  timeZone: string;
  window: { from: string; to: string };
  blocs: Bloc[];
  factions: { id: string; name: string; bloc: string }[];
  operations: { id: string; title: string }[];
}

export interface CampaignSummary {
  campaignId: string;
  title: string;
  counts: { claims: number; places: number; sources: number };
}

export interface Place {
  placeId: string;
  name: string;
  aliases: string[];
  kind: string;
  governorate: string;
  lat: number | null;
  lon: number | null;
  precision: 'exact' | 'approximate' | 'unknown';
  parent?: string | null;
}

export interface Count {
  best: number;
  low: number;
  high: number | null;
  openEnded: boolean;
}

/** A source's publication as an interval in UTC; `from` is null when only "published by `to`" is known. */
export interface Published {
  from: string | null;
  to: string;
  precision: string;
}

export interface SourceRef {
  sourceId: string;
  publisher: string | null;
  title?: string | null;
  url?: string | null;
  /** null when the source is undated: a claim resting on it alone is left out of the reported views */
  published?: Published | null;
}

/** `log`: in the order the events were recorded; `reported`: in the order their reports became public. */
export type AuditOrder = 'log' | 'reported';

export interface AuditChange<T> {
  position: number;
  recordedAt: string;
  /** When the version's report was public; null when none of its sources is dated. */
  reportedAt: string | null;
  event: string;
  /** null for an act on no claim, such as a publisher's grade */
  claimId: string | null;
  sources: SourceRef[];
  actor: string | null;
  /** Why an editor corrected, ranked or retracted the claim; null for its record. */
  reason: string | null;
  before: T | null;
  after: T | null;
  /** In report order: claims made public with this one that changed nothing more. */
  alsoReported?: { position: number; event: string; claimId: string | null }[];
}

export interface Audit<T> {
  order: AuditOrder;
  changes: AuditChange<T>[];
  /** In report order: how many claim versions have no dated source, and so no place in it. */
  unreported?: number;
}

export interface PlaceHistory {
  changes: {
    /** null for a holder inferred before the first report */
    at: string | null;
    inferred?: boolean;
    status: string;
    controller: string | null;
    contestedBy?: string | null;
    besiegedBy?: string | null;
    vacatedBy?: string | null;
    bloc: string | null;
    claims: {
      claimId: string;
      time: { from: string; to: string; precision: string };
      /** When the claim was publicly reported; null when none of its sources is dated. */
      reportedAt: string | null;
      quote: string;
      sources: SourceRef[];
    }[];
  }[];
}

export interface SeriesDay {
  side: string;
  category: string;
  day: string;
  daily: Count;
  range: { low: number; high: number | null } | null;
  preferred: { count: Count; publisher: string | null; claimId: string | null; basis?: string } | null;
}

export interface CasualtySeries {
  series: { side: string; category: string; days: SeriesDay[] }[];
}

/** A place's state in a control view: who holds it since when, and the claims it rests on. */
export type ControlPlace = PlaceState & {
  name: string;
  contestedBy?: string | null;
  besiegedBy?: string | null;
  vacatedBy?: string | null;
  /** When the state began; null when it is inferred from a later claim. */
  since: string | null;
  basis: string[];
  inferred?: boolean;
};

/** `/control?at=`: with `reportedBy`, only the claim versions reported by then, and how many were set aside undated. */
export interface ControlView {
  at: string;
  places: ControlPlace[];
  reportedBy?: string;
  unreported?: number;
}

export interface CasualtyDayFigure {
  side: string;
  category: string;
  daily: Count;
  preferred: { count: Count; publisher: string | null; claimId: string | null } | null;
}

/** `/casualties?day=`: the figures of one local day. */
export interface CasualtyDay {
  day: string;
  figures: CasualtyDayFigure[];
  reportedBy?: string;
  unreported?: number;
}

/** `/claims/:id`, as far as the viewer reads it: each version's sources with their publication. */
export interface ClaimRecord {
  claimId: string;
  quote: string;
  retracted: boolean;
  /** When the claim as it stands was publicly reported, as the service dates it; null when no source of it could be. */
  reportedAt: string | null;
  sourceDetails: SourceRef[];
  history: {
    revision: number;
    position: number;
    event: string;
    reportedAt: string | null;
    sources?: SourceRef[];
    /** The rank a `ClaimRanked` event gave. */
    rank?: string;
  }[];
}
