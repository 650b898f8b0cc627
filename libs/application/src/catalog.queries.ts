import { DomainError } from '@timeline/domain';
import type { TimelineReadModels } from './read-models';
import type { ServingViews } from './serving-views';

/** Campaigns with their gazetteer and sources, and the publishers with their grades. */
export class CatalogQueries {
  constructor(
    private readonly serving: ServingViews,
    private readonly models: TimelineReadModels,
  ) {}

  async campaigns() {
    await this.serving.caughtUp();
    return [...this.models.catalog.campaigns.values()].map(({ campaign, places, sources }) => ({
      campaignId: campaign.campaignId,
      title: campaign.title,
      timeZone: campaign.timeZone,
      window: campaign.window,
      counts: { claims: this.claimCount(campaign.campaignId), places: places.size, sources: sources.size },
    }));
  }

  async campaign(campaignId: string) {
    const { campaign, places, sources } = await this.entry(campaignId);
    return { ...campaign, counts: { claims: this.claimCount(campaignId), places: places.size, sources: sources.size } };
  }

  async places(campaignId: string) {
    return [...(await this.entry(campaignId)).places.values()].map(withoutRevision);
  }

  async place(campaignId: string, placeId: string) {
    const place = (await this.entry(campaignId)).places.get(placeId);
    if (!place) throw DomainError.notFound(`place "${placeId}" does not exist in campaign "${campaignId}"`);
    return place;
  }

  async sources(campaignId: string) {
    return [...(await this.entry(campaignId)).sources.values()].map(withoutRevision);
  }

  async source(campaignId: string, sourceId: string) {
    const source = (await this.entry(campaignId)).sources.get(sourceId);
    if (!source) throw DomainError.notFound(`source "${sourceId}" does not exist in campaign "${campaignId}"`);
    return { ...source, reliability: this.models.catalog.publishers.get(source.publisher)?.reliability ?? null };
  }

  async publishers() {
    await this.serving.caughtUp();
    return [...this.models.catalog.publishers.values()];
  }

  private async entry(campaignId: string) {
    await this.serving.caughtUp();
    return this.models.campaign(campaignId);
  }

  private claimCount(campaignId: string): number {
    return this.serving.current.ledger(campaignId)?.claims.size ?? 0;
  }
}

function withoutRevision<T extends { revision: number }>(item: T): Omit<T, 'revision'> {
  const { revision: _r, ...rest } = item;
  return rest;
}
