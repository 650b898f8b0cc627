import type { z } from 'zod';
import type { SERVER_EVENTS } from '@timeline/contracts';

type Replay = (typeof SERVER_EVENTS)['/replay'];
export type Snapshot = z.infer<Replay['replay:snapshot']>;
export type Frame = z.infer<Replay['replay:frame']>;
export type Correction = z.infer<Replay['replay:correction']>;
export type Live = z.infer<Replay['replay:live']>;
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

export interface SourceRef {
  sourceId: string;
  publisher: string | null;
}

export interface AuditChange<T> {
  position: number;
  recordedAt: string;
  event: string;
  claimId: string;
  sources: SourceRef[];
  actor: string | null;
  before: T | null;
  after: T | null;
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
    claims: { claimId: string; time: { from: string; to: string; precision: string }; quote: string; sources: SourceRef[] }[];
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

export interface ControlView {
  places: (PlaceState & { name: string })[];
}
