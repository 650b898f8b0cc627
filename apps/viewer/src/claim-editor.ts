import { openCorrection } from './correct-dialog';
import type { ClaimEdit, EditContext } from './edit-context';
import { openRanking } from './rank-dialog';
import { openRetraction } from './retract-dialog';

/** The editing dialogs, loaded as one piece on an editor's first edit. */
export function openClaimEdit(edit: ClaimEdit, ctx: EditContext, claimId: string): Promise<void> {
  switch (edit) {
    case 'correct':
      return openCorrection(ctx, claimId);
    case 'rank':
      return openRanking(ctx, claimId);
    case 'retract':
      return openRetraction(ctx, claimId);
  }
}
