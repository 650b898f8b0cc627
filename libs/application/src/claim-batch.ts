import { ClaimBatchInput, type ClaimData, DomainError, type FieldError } from '@timeline/domain';
import { parsed } from './request-body';

/** `{claims: [...]}` records several claims at once; anything else is one claim. */
export function isBatch(body: unknown): body is { claims: unknown[] } {
  return typeof body === 'object' && body !== null && !Array.isArray(body) && 'claims' in body && !('type' in body);
}

export function parseBatch(body: unknown): unknown[] {
  return parsed(ClaimBatchInput, body).claims;
}

/** The ids a batch gives its claims, so claims of one batch may refer to each other. */
export function batchClaimIds(inputs: unknown[]): Set<string> {
  return new Set(
    inputs.map((input) => (input as { claimId?: unknown })?.claimId).filter((id): id is string => typeof id === 'string'),
  );
}

/** The same claim twice in one batch is stored once; one id with two contents is an error. */
export function dedupeWithinBatch(claims: ClaimData[]): ClaimData[] {
  const byId = new Map<string, ClaimData>();
  const errors: FieldError[] = [];
  claims.forEach((claim, i) => {
    const seen = byId.get(claim.claimId);
    if (!seen) byId.set(claim.claimId, claim);
    else if (JSON.stringify(seen) !== JSON.stringify(claim)) {
      errors.push({
        path: `claims.${i}.claimId`,
        message: `"${claim.claimId}" appears twice in the batch with different content`,
      });
    }
  });
  if (errors.length) throw DomainError.invalid('the batch repeats a claim id', errors);
  return [...byId.values()];
}
