import { createHash } from 'node:crypto';
import { DomainError } from '@timeline/domain';
import {
  casualtiesOn,
  casualtySeries,
  controlAt,
  controlDays,
  controlSteps,
  endOfDay,
  NOW,
  placeHistory,
  territoryOn,
  type CampaignLedger,
  type ControlView,
} from '@timeline/views';
import type { KnownAtInput, ServingViews } from './serving-views';
import { sliced } from './sliced';

export interface ViewScope {
  knownAt?: KnownAtInput;
  operation?: string;
}

/** An instant given as a local day (its end) or as an ISO instant. */
export interface DayOrInstant {
  day?: string;
  at?: string;
}

export interface CasualtyFilter {
  side?: string;
  category?: string;
}

/** A serialised answer and the version of the log it was made from. */
export interface VersionedJson {
  json: string;
  version: string;
}

export function instantOf(ledger: CampaignLedger, when: DayOrInstant): number {
  return when.day ? endOfDay(ledger, when.day) : Date.parse(when.at ?? '');
}

/** The control, casualty and territory views of a campaign. */
export class ViewQueries {
  constructor(private readonly serving: ServingViews) {}

  /** A day's map can be a megabyte: serialised once per state of the log and versioned. */
  async control(campaignId: string, query: DayOrInstant & ViewScope): Promise<VersionedJson> {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    const at = instantOf(ledger, query);
    const key = `json|control|${JSON.stringify(query)}`;
    const answer = (view: ControlView) =>
      JSON.stringify({ ...view, ...(query.day ? { day: query.day } : {}), knownAt: knownAtEcho });
    // what is known now is cached and warm; a view of the past is computed in slices between other requests
    const json =
      knownAt === NOW
        ? views.memo(campaignId, key, knownAt, () => answer(controlAt(views, ledger, at, knownAt, query.operation)))
        : answer(await sliced(controlSteps(views, ledger, at, knownAt, query.operation)));
    return { json, version: `${views.position}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}` };
  }

  async controlDays(campaignId: string, query: ViewScope) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return { campaignId, knownAt: knownAtEcho, days: controlDays(views, ledger, knownAt, query.operation) };
  }

  async placeHistory(campaignId: string, place: string, query: ViewScope) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    if (!ledger.places.has(place)) throw DomainError.notFound(`place "${place}" does not exist in campaign "${campaignId}"`);
    return { campaignId, place, knownAt: knownAtEcho, changes: placeHistory(views, ledger, place, knownAt) };
  }

  async casualties(campaignId: string, query: { day: string } & CasualtyFilter & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return { campaignId, day: query.day, knownAt: knownAtEcho, figures: casualtiesOn(views, ledger, query.day, knownAt, query) };
  }

  async casualtySeries(campaignId: string, query: CasualtyFilter & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return { campaignId, knownAt: knownAtEcho, series: casualtySeries(views, ledger, knownAt, query) };
  }

  async territory(campaignId: string, query: { day: string } & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho } = await this.serving.forCampaign(campaignId, query.knownAt);
    return {
      campaignId,
      day: query.day,
      knownAt: knownAtEcho,
      factions: territoryOn(views, ledger, query.day, knownAt, query.operation),
    };
  }
}
