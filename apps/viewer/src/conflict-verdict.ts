/** A claim of a possible conflict, as far as deciding between the two goes. */
export interface RankedClaim {
  claimId: string;
  rank: string;
}

/** Where an editor stands on a conflict: not adjudicated yet, or one claim preferred over the other. */
export type Verdict = { resolved: false } | { resolved: true; preferred: string };

/**
 * A conflict is resolved once exactly one of its claims is preferred; a deprecated claim is no
 * longer live, so the service lists no conflict with it at all. Both preferred settles nothing.
 */
export function conflictVerdict(claims: readonly RankedClaim[]): Verdict {
  const preferred = claims.filter((c) => c.rank === 'preferred');
  const [only] = preferred;
  return preferred.length === 1 && only ? { resolved: true, preferred: only.claimId } : { resolved: false };
}
