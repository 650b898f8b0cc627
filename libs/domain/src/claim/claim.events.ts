import type { ValidTime, WrittenTime } from '../time/claim-time';
import type { ClaimInput, ClaimType, Rank } from './claim.schema';

/** A claim as stored: its author's fields, its id and campaign, and its time normalised. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

export type ClaimData = DistributiveOmit<ClaimInput, 'claimId' | 'time'> & {
  claimId: string;
  campaignId: string;
  time: ValidTime;
  writtenTime: WrittenTime;
};
export type ClaimDataOf<T extends ClaimType> = Extract<ClaimData, { type: T }>;

export type ControlClaimed = { type: 'ControlClaimed'; data: ClaimDataOf<'control'> };
export type CasualtiesReported = { type: 'CasualtiesReported'; data: ClaimDataOf<'casualties'> };
export type TerritoryReported = { type: 'TerritoryReported'; data: ClaimDataOf<'territory'> };
export type IncidentReported = { type: 'IncidentReported'; data: ClaimDataOf<'incident'> };
export type ClaimRecordedEvent = ControlClaimed | CasualtiesReported | TerritoryReported | IncidentReported;

/** The fields a correction changed, with a changed time both as written and normalised. */
export type ClaimChanges = Record<string, unknown>;

export type ClaimCorrected = {
  type: 'ClaimCorrected';
  data: {
    campaignId: string;
    claimId: string;
    expectedRevision: number;
    changes: ClaimChanges;
    sources: string[];
    reason: string;
  };
};
export type ClaimRetracted = {
  type: 'ClaimRetracted';
  data: { campaignId: string; claimId: string; expectedRevision: number; reason: string; sources: string[] };
};
export type ClaimRanked = {
  type: 'ClaimRanked';
  data: { campaignId: string; claimId: string; rank: Rank; reason: string };
};

export type ClaimEvent = ClaimRecordedEvent | ClaimCorrected | ClaimRetracted | ClaimRanked;

export const RECORDED_EVENT_TYPE = {
  control: 'ControlClaimed',
  casualties: 'CasualtiesReported',
  territory: 'TerritoryReported',
  incident: 'IncidentReported',
} as const satisfies Record<ClaimType, ClaimRecordedEvent['type']>;

export const CLAIM_EVENT_TYPES = [
  'ControlClaimed',
  'CasualtiesReported',
  'TerritoryReported',
  'IncidentReported',
  'ClaimCorrected',
  'ClaimRetracted',
  'ClaimRanked',
] as const satisfies readonly ClaimEvent['type'][];

export function isClaimRecorded(event: { type: string }): event is ClaimRecordedEvent {
  return event.type in RECORDED_TYPES;
}
const RECORDED_TYPES = Object.fromEntries(Object.values(RECORDED_EVENT_TYPE).map((t) => [t, true]));

export function claimStream(campaignId: string, claimId: string): string {
  return `claim-${campaignId}/${claimId}`;
}
