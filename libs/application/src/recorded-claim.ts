import type { AppendResult } from '@timeline/store';

export interface RecordedClaim {
  claimId: string;
  revision: number;
  position: number;
}

/** The outcome of an append: `created` when something was stored, `unchanged` for a retry. */
export interface ClaimsRecorded {
  outcome: 'created' | 'unchanged';
  claims: RecordedClaim[];
}

/** What one append stored for a claim: the stream's revision and the position of its last event. */
export function recordedClaim(claimId: string, result: AppendResult | undefined): RecordedClaim {
  const position = result?.positions.at(-1);
  // the store answers one result per append, with one position per event appended
  if (!result || position === undefined) throw new Error(`the store gave no position for claim "${claimId}"`);
  return { claimId, revision: result.revision, position };
}
