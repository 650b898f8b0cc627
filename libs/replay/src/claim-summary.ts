import { type ClaimData, assertNever } from '@timeline/domain';
import type { CampaignLedger } from '@timeline/views';

/** One line a viewer reads in the feed: what the claim says, in words. */
export function claimSummary(ledger: CampaignLedger, claim: ClaimData): string {
  const faction = (id: string | null | undefined) =>
    id ? (ledger.campaign.factions.find((f) => f.id === id)?.name ?? id) : 'unknown forces';
  const place = (id: string | undefined) => (id ? (ledger.places.get(id)?.name ?? id) : '');
  switch (claim.type) {
    case 'control':
      switch (claim.status) {
        case 'controlled':
          return `${faction(claim.controller)} controls ${place(claim.place)}`;
        case 'contested':
          return `${place(claim.place)} contested by ${faction(claim.contestedBy)}${claim.controller ? ` (held by ${faction(claim.controller)})` : ''}`;
        case 'besieged':
          return `${place(claim.place)} (held by ${faction(claim.controller)}) besieged by ${faction(claim.besiegedBy)}`;
        case 'vacated':
          return `${faction(claim.vacatedBy)} withdrew from ${place(claim.place)}`;
        default:
          return assertNever(claim.status);
      }
    case 'casualties': {
      const count =
        typeof claim.count === 'number' ? String(claim.count) : `${claim.count.best}${claim.count.openEnded ? '+' : ''}`;
      const side = claim.side === 'civilians' ? 'civilians' : faction(claim.side);
      return `${count} ${side} ${claim.category}${claim.scope === 'cumulative' ? ' (total)' : ''}${claim.place ? ` at ${place(claim.place)}` : ''}${claim.attributedTo ? `, per ${claim.attributedTo}` : ''}`;
    }
    case 'territory':
      return `${faction(claim.faction)}: ${[claim.settlements !== undefined ? `${claim.settlements} settlements` : '', claim.areaKm2 !== undefined ? `${claim.areaKm2} km²` : ''].filter(Boolean).join(', ')}${claim.scope === 'cumulative' ? ' in all' : ' taken'}`;
    case 'incident':
      return `${claim.kind}${claim.place ? ` at ${place(claim.place)}` : ''}${claim.actors?.length ? ` (${claim.actors.map(faction).join(', ')})` : ''}`;
    default:
      return assertNever(claim);
  }
}
