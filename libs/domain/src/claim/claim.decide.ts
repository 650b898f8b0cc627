import { canonicalJson } from '../common/canonical-json';
import { assertNever, DomainError } from '../common/domain-error';
import { type ClaimChanges, type ClaimData, type ClaimEvent, RECORDED_EVENT_TYPE } from './claim.events';
import type { ClaimState } from './claim.evolve';
import type { Rank } from './claim.schema';

export type ClaimCommand =
  | { type: 'RecordClaim'; claim: ClaimData }
  | { type: 'CorrectClaim'; claimId: string; expectedRevision: number; changes: ClaimChanges; sources: string[]; reason: string }
  | { type: 'RetractClaim'; claimId: string; expectedRevision: number; reason: string; sources: string[] }
  | { type: 'RankClaim'; claimId: string; rank: Rank; reason: string };

/**
 * What a command on one claim's stream records. An empty list means the command is already
 * satisfied (the same claim recorded again: an idempotent retry).
 */
export function decideClaim(command: ClaimCommand, state: ClaimState): ClaimEvent[] {
  switch (command.type) {
    case 'RecordClaim': {
      if (!state.exists) return [{ type: RECORDED_EVENT_TYPE[command.claim.type], data: command.claim } as ClaimEvent];
      if (canonicalJson(state.original) === canonicalJson(command.claim)) return [];
      throw DomainError.conflict(`claim "${command.claim.claimId}" already exists with different content`, [
        { path: 'claimId', message: 'is already used by a claim with different content' },
      ]);
    }
    case 'CorrectClaim': {
      const current = existing(state, command.claimId);
      checkRevision(current.revision, command.expectedRevision, command.claimId);
      if (current.retracted) throw retractedError(command.claimId, 'corrected');
      return [
        {
          type: 'ClaimCorrected',
          data: {
            campaignId: current.claim.campaignId,
            claimId: command.claimId,
            expectedRevision: command.expectedRevision,
            changes: command.changes,
            sources: command.sources,
            reason: command.reason,
          },
        },
      ];
    }
    case 'RetractClaim': {
      const current = existing(state, command.claimId);
      checkRevision(current.revision, command.expectedRevision, command.claimId);
      if (current.retracted) throw retractedError(command.claimId, 'retracted again');
      return [
        {
          type: 'ClaimRetracted',
          data: {
            campaignId: current.claim.campaignId,
            claimId: command.claimId,
            expectedRevision: command.expectedRevision,
            reason: command.reason,
            sources: command.sources,
          },
        },
      ];
    }
    case 'RankClaim': {
      const current = existing(state, command.claimId);
      if (current.retracted) throw retractedError(command.claimId, 'ranked');
      return [
        {
          type: 'ClaimRanked',
          data: { campaignId: current.claim.campaignId, claimId: command.claimId, rank: command.rank, reason: command.reason },
        },
      ];
    }
    default:
      return assertNever(command);
  }
}

function existing(state: ClaimState, claimId: string): Extract<ClaimState, { exists: true }> {
  if (!state.exists) throw DomainError.notFound(`claim "${claimId}" does not exist`);
  return state;
}

function checkRevision(actual: number, expected: number, claimId: string): void {
  // a revision the claim never reached is a mistake to fix, not a race to retry
  if (expected > actual) {
    throw DomainError.invalid(`claim "${claimId}" is at revision ${actual}; revision ${expected} does not exist yet`, [
      { path: 'expectedRevision', message: `is ahead of the claim's revision ${actual}: give the revision read, ${actual}` },
    ]);
  }
  if (actual !== expected) {
    throw DomainError.conflict(`claim "${claimId}" is at revision ${actual}, not ${expected}`, [
      { path: 'expectedRevision', message: `is stale: the claim is at revision ${actual}` },
    ]);
  }
}

function retractedError(claimId: string, what: string): DomainError {
  return DomainError.invalid(`claim "${claimId}" is retracted and cannot be ${what}`, [
    { path: 'claimId', message: 'is retracted' },
  ]);
}
