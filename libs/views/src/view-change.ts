import { assertNever, type ClaimData } from '@timeline/domain';
import type { CampaignLedger } from './campaign-ledger';
import { casualtyKey } from './claim-indexes';
import { placesOfControl } from './coverage';
import { NOW } from './known-at';

/** What an event changed, for those who push updates (replays) or drop cached answers. */
export interface ViewChange {
  campaignId: string;
  places: string[];
  casualtyKeys: string[];
}

/** What a claim's change touches: what its version before and after the change say. */
export function claimChange(ledger: CampaignLedger, before: ClaimData | undefined, after: ClaimData): ViewChange {
  const places = new Set<string>();
  const keys = new Set<string>();
  for (const claim of before ? [before, after] : [after]) {
    switch (claim.type) {
      case 'control':
        for (const place of placesOfControl(ledger, claim, NOW)) places.add(place);
        break;
      case 'casualties':
        keys.add(casualtyKey(claim));
        break;
      case 'territory':
      case 'incident':
        break;
      default:
        assertNever(claim);
    }
    // a denial changes the dispute flag of the places of the claims it names
    for (const denied of claim.denies ?? []) {
      const target = ledger.claims.get(denied)?.versions.at(-1)?.claim;
      if (target?.type === 'control') for (const place of placesOfControl(ledger, target, NOW)) places.add(place);
    }
  }
  return { campaignId: ledger.campaign.campaignId, places: [...places], casualtyKeys: [...keys] };
}
