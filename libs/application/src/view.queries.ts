import { createHash } from 'node:crypto';
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
  /** An ISO instant: only the claim versions publicly reported by then (domain.md, "Three clocks"). */
  reportedBy?: string;
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
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { operation: query.operation },
    );
    const at = instantOf(ledger, query);
    const key = `json|control|${JSON.stringify(query)}`;
    const answer = (view: ControlView) =>
      JSON.stringify({ ...view, ...(query.day ? { day: query.day } : {}), knownAt: knownAtEcho, ...reported() });
    // what is known now is cached and warm; a view of the past is computed in slices between other requests
    const json =
      knownAt === NOW
        ? views.memo(ledger, key, knownAt, () => answer(controlAt(views, ledger, at, knownAt, query.operation)))
        : answer(await sliced(controlSteps(views, ledger, at, knownAt, query.operation)));
    return { json, version: `${views.position}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}` };
  }

  async controlDays(campaignId: string, query: ViewScope) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { operation: query.operation },
    );
    const days = controlDays(views, ledger, knownAt, query.operation);
    return { campaignId, knownAt: knownAtEcho, ...reported(), days };
  }

  async placeHistory(campaignId: string, place: string, query: ViewScope) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { place, operation: query.operation },
    );
    const changes = placeHistory(views, ledger, place, knownAt);
    return { campaignId, place, knownAt: knownAtEcho, ...reported(), changes };
  }

  async casualties(campaignId: string, query: { day: string } & CasualtyFilter & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { side: query.side, operation: query.operation },
    );
    const figures = casualtiesOn(views, ledger, query.day, knownAt, query);
    return { campaignId, day: query.day, knownAt: knownAtEcho, ...reported(), figures };
  }

  async casualtySeries(campaignId: string, query: CasualtyFilter & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { side: query.side, operation: query.operation },
    );
    const series = casualtySeries(views, ledger, knownAt, query);
    return { campaignId, knownAt: knownAtEcho, ...reported(), series };
  }

  async territory(campaignId: string, query: { day: string } & ViewScope) {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { operation: query.operation },
    );
    const factions = territoryOn(views, ledger, query.day, knownAt, query.operation);
    return { campaignId, day: query.day, knownAt: knownAtEcho, ...reported(), factions };
  }
}
