import { campaignPath, getJson } from './api';
import type { ClaimValues } from './claim-revisions';

/** `GET /campaigns/:c/claims/:id`, as the edit dialogs read it: its fields now, its revision, rank and retraction. */
export interface ClaimNow extends ClaimValues {
  claimId: string;
  type: 'control' | 'casualties' | 'territory' | 'incident';
  quote: string;
  revision: number;
  rank: string;
  retracted: boolean;
}

/** The claim as it stands now: an edit is checked against its revision. */
export function claimNow(campaignId: string, claimId: string): Promise<ClaimNow> {
  return getJson<ClaimNow>(`${campaignPath(campaignId)}/claims/${encodeURIComponent(claimId)}`);
}

/** Where an edit of the claim is posted: `corrections`, `retraction` or `rank`. */
export function claimEditPath(campaignId: string, claimId: string, edit: 'corrections' | 'retraction' | 'rank'): string {
  return `${campaignPath(campaignId)}/claims/${encodeURIComponent(claimId)}/${edit}`;
}
