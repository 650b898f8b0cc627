import { assertNever, canonicalJson, type ClaimData, type ClaimEvent, type RecordedEvent } from '@timeline/domain';
import { NOW, type CampaignLedger, type ClaimVersion } from '@timeline/views';
import { claimSummary } from './claim-summary';
import { frameClaim, frameSources } from './frame-mappers';
import type { FrameClaimChange } from './frame.types';

/**
 * What one event of a claim's stream did, once the ledger has folded it: the claim as the event
 * left it, each field it changed with its value before and after, the sources it cites and why.
 * Undefined when the event changed nothing (a claim recorded again under its id).
 */
export function claimChange(ledger: CampaignLedger, event: RecordedEvent<ClaimEvent>): FrameClaimChange | undefined {
  const record = ledger.claims.get(event.data.claimId);
  const versions = record?.versions ?? [];
  const index = versions.findIndex((v) => v.position === event.position);
  const after = versions[index];
  if (!after) return undefined;
  const before = versions[index - 1];
  const { kind, reason } = whatItDid(event);
  return {
    kind,
    event: event.type,
    position: event.position,
    recordedAt: event.metadata.recordedAt,
    actor: event.metadata.actor,
    reason,
    fields: before ? changedFields(before, after) : [],
    summaryBefore: before ? claimSummary(ledger, before.claim) : null,
    claim: frameClaim(ledger, event.data.claimId, after, NOW),
    rank: after.rank,
    retracted: after.retracted,
    sources: frameSources(ledger, after.eventSources, NOW),
  };
}

function whatItDid(event: ClaimEvent): { kind: FrameClaimChange['kind']; reason: string | null } {
  switch (event.type) {
    case 'ControlClaimed':
    case 'CasualtiesReported':
    case 'TerritoryReported':
    case 'IncidentReported':
      return { kind: 'recorded', reason: null };
    case 'ClaimCorrected':
      return { kind: 'corrected', reason: event.data.reason };
    case 'ClaimRanked':
      return { kind: 'ranked', reason: event.data.reason };
    case 'ClaimRetracted':
      return { kind: 'retracted', reason: event.data.reason };
    default:
      return assertNever(event);
  }
}

/** The claim's fields that differ between two versions, then its rank and retraction if they changed. */
function changedFields(before: ClaimVersion, after: ClaimVersion): FrameClaimChange['fields'] {
  const was = before.claim as Record<string, unknown>;
  const is = after.claim as Record<string, unknown>;
  const fields: FrameClaimChange['fields'] = [];
  for (const field of fieldNames(before.claim, after.claim)) {
    if (canonicalJson(was[field]) !== canonicalJson(is[field]))
      fields.push({ field, before: was[field] ?? null, after: is[field] ?? null });
  }
  if (before.rank !== after.rank) fields.push({ field: 'rank', before: before.rank, after: after.rank });
  if (before.retracted !== after.retracted) fields.push({ field: 'retracted', before: before.retracted, after: after.retracted });
  return fields;
}

/** The fields of either version, but the time as written: the normalised `time` says the same. */
function fieldNames(before: ClaimData, after: ClaimData): string[] {
  const names = new Set([...Object.keys(after), ...Object.keys(before)]);
  names.delete('writtenTime');
  return [...names];
}
