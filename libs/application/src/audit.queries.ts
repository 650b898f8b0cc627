import { DomainError } from '@timeline/domain';
import {
  auditCasualties,
  auditControl,
  auditTerritory,
  possibleConflicts,
  sourceImpact,
  type AuditOrder,
  type CasualtyFigureName,
} from '@timeline/views';
import type { KnownAtInput, ServingViews } from './serving-views';
import { instantOf, type DayOrInstant } from './view.queries';

/** What every audit takes beside its figure: what was known, what was reported, and in which order to list the changes. */
export interface AuditScope {
  knownAt?: KnownAtInput;
  reportedBy?: string;
  order?: AuditOrder;
}

/** Which events made a figure what it is, and what editors should look at again. */
export class AuditQueries {
  constructor(private readonly serving: ServingViews) {}

  async control(campaignId: string, query: { place: string } & AuditScope & DayOrInstant) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { place: query.place },
    );
    const at = instantOf(ledger, query);
    const order = query.order ?? 'log';
    const audit = auditControl(views, ledger, query.place, at, knownAt, order);
    return {
      campaignId,
      place: query.place,
      at: new Date(at).toISOString(),
      knownAt: knownAtEcho,
      order,
      ...reported(),
      ...audit,
    };
  }

  async casualties<Q extends { side: string; category: string; day: string; figure: CasualtyFigureName } & AuditScope>(
    campaignId: string,
    query: Q,
  ) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { side: query.side },
    );
    if (!ledger.casualtiesByKey.has(`${query.side}|${query.category}`)) {
      const known = [...ledger.casualtiesByKey.keys()].map((k) => k.replace('|', ' ')).sort();
      throw DomainError.notFound(
        `no casualty figure of side "${query.side}" and category "${query.category}" in campaign "${campaignId}"; it has: ${known.join(', ') || 'none'}`,
      );
    }
    const order = query.order ?? 'log';
    const audit = auditCasualties(views, ledger, query.side, query.category, query.day, query.figure, knownAt, order);
    return { campaignId, ...query, knownAt: knownAtEcho, order, ...reported(), ...audit };
  }

  async territory<Q extends { faction: string; day: string } & AuditScope>(campaignId: string, query: Q) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { faction: query.faction },
    );
    const order = query.order ?? 'log';
    const audit = auditTerritory(views, ledger, query.faction, query.day, knownAt, order);
    return { campaignId, ...query, knownAt: knownAtEcho, order, ...reported(), ...audit };
  }

  async sourceImpact(campaignId: string, sourceId: string, query: { knownAt?: KnownAtInput; reportedBy?: string } = {}) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { source: sourceId },
    );
    const impacts = sourceImpact(views, ledger, sourceId, knownAt);
    return { campaignId, sourceId, knownAt: knownAtEcho, ...reported(), impacts };
  }

  async conflicts(campaignId: string, query: { day?: string; knownAt?: KnownAtInput; reportedBy?: string }) {
    const { ledger, knownAt, reported } = await this.serving.forCampaign(campaignId, query.knownAt, query.reportedBy);
    const conflicts = possibleConflicts(ledger, knownAt, query.day);
    return { campaignId, day: query.day ?? null, ...reported(), conflicts };
  }
}
