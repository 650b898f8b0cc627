import { DomainError } from '@timeline/domain';
import {
  auditCasualties,
  auditControl,
  auditTerritory,
  possibleConflicts,
  sourceImpact,
  type CasualtyFigureName,
} from '@timeline/views';
import type { KnownAtInput, ServingViews } from './serving-views';
import { instantOf, type DayOrInstant } from './view.queries';

/** Which events made a figure what it is, and what editors should look at again. */
export class AuditQueries {
  constructor(private readonly serving: ServingViews) {}

  async control(campaignId: string, query: { place: string; knownAt?: KnownAtInput } & DayOrInstant) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    const at = instantOf(ledger, query);
    return {
      campaignId,
      place: query.place,
      at: new Date(at).toISOString(),
      knownAt: knownAtEcho,
      changes: auditControl(views, ledger, query.place, at, knownAt),
    };
  }

  async casualties<Q extends { side: string; category: string; day: string; figure: CasualtyFigureName; knownAt?: KnownAtInput }>(
    campaignId: string,
    query: Q,
  ) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return {
      campaignId,
      ...query,
      knownAt: knownAtEcho,
      changes: auditCasualties(views, ledger, query.side, query.category, query.day, query.figure, knownAt),
    };
  }

  async territory<Q extends { faction: string; day: string; knownAt?: KnownAtInput }>(campaignId: string, query: Q) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return {
      campaignId,
      ...query,
      knownAt: knownAtEcho,
      changes: auditTerritory(views, ledger, query.faction, query.day, knownAt),
    };
  }

  async sourceImpact(campaignId: string, sourceId: string) {
    const { views, ledger } = await this.serving.forCampaign(campaignId);
    if (!ledger.sources.has(sourceId))
      throw DomainError.notFound(`source "${sourceId}" does not exist in campaign "${campaignId}"`);
    return { campaignId, sourceId, impacts: sourceImpact(views, ledger, sourceId) };
  }

  async conflicts(campaignId: string, query: { day?: string; knownAt?: KnownAtInput }) {
    const { ledger, knownAt } = await this.serving.forCampaign(campaignId, query.knownAt);
    return { campaignId, day: query.day ?? null, conflicts: possibleConflicts(ledger, knownAt, query.day) };
  }
}
