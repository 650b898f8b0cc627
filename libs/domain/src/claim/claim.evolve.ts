import { assertNever } from '../common/domain-error';
import type { ClaimChanges, ClaimData, ClaimEvent } from './claim.events';
import type { Rank } from './claim.schema';

/** A claim's stream folded: nothing yet, or the claim as last corrected with its rank. */
export type ClaimState =
  | { exists: false }
  | {
      exists: true;
      original: ClaimData;
      claim: ClaimData;
      /** Revision of the last event in the stream (0 = the claim as first recorded). */
      revision: number;
      rank: Rank;
      retracted: boolean;
    };

export const initialClaimState = (): ClaimState => ({ exists: false });

export function evolveClaim(state: ClaimState, event: ClaimEvent): ClaimState {
  switch (event.type) {
    case 'ControlClaimed':
    case 'CasualtiesReported':
    case 'TerritoryReported':
    case 'IncidentReported':
      return { exists: true, original: event.data, claim: event.data, revision: 0, rank: 'normal', retracted: false };
    case 'ClaimCorrected':
      if (!state.exists) return state;
      return { ...state, claim: applyChanges(state.claim, event.data.changes), revision: state.revision + 1 };
    case 'ClaimRetracted':
      if (!state.exists) return state;
      return { ...state, retracted: true, revision: state.revision + 1 };
    case 'ClaimRanked':
      if (!state.exists) return state;
      return { ...state, rank: event.data.rank, revision: state.revision + 1 };
    default:
      return assertNever(event);
  }
}

/** A claim with a correction's changes applied; `null` removes a field (a null controller stays). */
export function applyChanges(claim: ClaimData, changes: ClaimChanges): ClaimData {
  const next: Record<string, unknown> = { ...claim };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null && key !== 'controller') delete next[key];
    else next[key] = value;
  }
  return next as ClaimData;
}

export function foldClaim(events: readonly ClaimEvent[]): ClaimState {
  return events.reduce(evolveClaim, initialClaimState());
}
