import { changedFields } from '../common/changed-fields';
import type { ClaimChanges, ClaimData } from './claim.events';
import { writtenClaim } from './claim.prepare';
import type { ClaimInput } from './claim.schema';

/**
 * The changes of a correction that brings a recorded claim to a revised version of it, as an
 * author writes them (`prepareCorrection` takes them): the differing fields, the time as written,
 * `null` for a field the revision leaves out. A changed `type` is among them, so the correction
 * is refused: another type is another claim.
 */
export function changesTowards(current: ClaimData, revised: ClaimInput): ClaimChanges {
  return changedFields(writtenClaim(current), revised, ['claimId']);
}
