import { z } from 'zod';
import {
  CasualtiesClaimInput,
  CLAIM_EVENT_TYPES,
  ControlClaimInput,
  IncidentClaimInput,
  RANKS,
  TerritoryClaimInput,
  WrittenTime,
} from '@timeline/domain';
import { SourceRef, ValidTime } from './common.schemas';

const stored = {
  claimId: z.string(),
  time: ValidTime.describe('the valid time as a UTC interval'),
  writtenTime: WrittenTime.describe('the time as its author wrote it'),
};
const standing = { revision: z.number().int(), rank: z.enum(RANKS), retracted: z.boolean() };

/** A claim's fields as stored, per type, with the state any answer about it adds. */
function claimWith<T extends z.core.$ZodShape>(extra: T) {
  return z.discriminatedUnion('type', [
    ControlClaimInput.omit({ claimId: true, time: true }).extend({ ...stored, ...standing, ...extra }),
    CasualtiesClaimInput.omit({ claimId: true, time: true }).extend({ ...stored, ...standing, ...extra }),
    TerritoryClaimInput.omit({ claimId: true, time: true }).extend({ ...stored, ...standing, ...extra }),
    IncidentClaimInput.omit({ claimId: true, time: true }).extend({ ...stored, ...standing, ...extra }),
  ]);
}

export const ClaimListed = claimWith({
  position: z.number().int().describe('where the claim was first recorded: the order of the list and its paging cursor'),
  recordedAt: z.string(),
  updatedAt: z.string(),
});

export const ClaimPage = z.object({
  items: z.array(ClaimListed),
  next: z.number().int().nullable().describe('the `after` of the next page; null on the last'),
});

const HistoryEntry = z.object({
  revision: z.number().int(),
  position: z.number().int(),
  recordedAt: z.string(),
  event: z.enum(CLAIM_EVENT_TYPES),
  actor: z.string(),
  correlationId: z.string(),
  reportedAt: z.string().nullable(),
  sources: z.array(SourceRef).describe('the sources the event itself cites'),
  reason: z.string().optional().describe('a correction’s, retraction’s or rank’s reason'),
  changes: z.record(z.string(), z.unknown()).optional().describe('a correction’s changed fields'),
  rank: z.enum(RANKS).optional().describe('the rank a ClaimRanked gave'),
});

export const ClaimNow = claimWith({
  reportedAt: z.string().nullable().describe('when the newest version was publicly reported; null when no source is dated'),
  sourceDetails: z.array(SourceRef),
  history: z.array(HistoryEntry),
});

export const ClaimRecorded = z.object({ claimId: z.string(), revision: z.number().int(), position: z.number().int() });
export const ClaimsRecorded = z.union([ClaimRecorded, z.object({ claims: z.array(ClaimRecorded) })]);
