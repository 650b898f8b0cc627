import { assertNever } from '../common/domain-error';
import type { ClaimData } from './claim.events';

/** The place a claim names: always for control, when given for the other kinds. */
export function placeOf(claim: ClaimData): string | undefined {
  switch (claim.type) {
    case 'control':
    case 'casualties':
    case 'territory':
    case 'incident':
      return claim.place;
    default:
      return assertNever(claim);
  }
}
