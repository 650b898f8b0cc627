import { byId, html } from './dom';
import type { Campaign, CampaignSummary } from './types';

/** The header's choice of a campaign and of one of its operations (or all of them). */
export class CampaignChoice {
  private readonly campaign = byId<HTMLSelectElement>('campaign');
  private readonly operation = byId<HTMLSelectElement>('operation');

  constructor(handlers: { campaign(campaignId: string): void; operation(operationId: string | undefined): void }) {
    this.campaign.addEventListener('change', () => handlers.campaign(this.campaign.value));
    this.operation.addEventListener('change', () => handlers.operation(this.operation.value || undefined));
  }

  /** Lists the campaigns and picks the wanted one, else the one with the most claims; undefined when there is none. */
  list(campaigns: CampaignSummary[], wanted: string | undefined): string | undefined {
    this.campaign.replaceChildren(
      ...campaigns.map((c) => html('option', { value: c.campaignId }, `${c.title} (${c.counts.claims} claims)`)),
    );
    const chosen = campaigns.find((c) => c.campaignId === wanted) ?? mostClaimed(campaigns);
    if (chosen) this.campaign.value = chosen.campaignId;
    return chosen?.campaignId;
  }

  /** Lists the campaign's operations and picks the wanted one; undefined (all operations) when it has no such one. */
  listOperations(operations: Campaign['operations'], wanted: string | undefined): string | undefined {
    this.operation.replaceChildren(
      html('option', { value: '' }, 'All operations'),
      ...operations.map((o) => html('option', { value: o.id }, o.title)),
    );
    const chosen = operations.some((o) => o.id === wanted) ? wanted : undefined;
    this.operation.value = chosen ?? '';
    return chosen;
  }
}

/** The campaign with the most claims: the fullest record is the one to open on; the first listed of equals. */
export function mostClaimed(campaigns: readonly CampaignSummary[]): CampaignSummary | undefined {
  return campaigns.reduce<CampaignSummary | undefined>(
    (best, c) => (best === undefined || c.counts.claims > best.counts.claims ? c : best),
    undefined,
  );
}
