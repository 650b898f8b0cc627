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
  placesPassing,
  territoryOn,
  type CampaignLedger,
  type ControlView,
  type PlaceFilter,
} from '@timeline/views';
import { DomainError, unknownName } from '@timeline/domain';
import { EncodedJson } from './encoded-json';
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

export function instantOf(ledger: CampaignLedger, when: DayOrInstant): number {
  return when.day ? endOfDay(ledger, when.day) : Date.parse(when.at ?? '');
}

/** The position of the log and a digest of what was asked: one version per answer and state. */
function versionOf(position: number, key: string): string {
  return `${position}-${createHash('sha1').update(key).digest('hex').slice(0, 16)}`;
}

/** A place asked for by id that the campaign does not know is refused, with the ids meant. */
function checkPlacesNamed(ledger: CampaignLedger, places: readonly string[] | undefined): void {
  const unknown = (places ?? []).filter((place) => !ledger.catalog.places.has(place));
  if (!unknown.length) return;
  const known = [...ledger.catalog.places.keys()];
  const { campaignId } = ledger.campaign;
  throw DomainError.invalid(`in campaign "${campaignId}": ${unknown.length} unknown place(s)`, [
    {
      path: 'places',
      message: `${unknown.map((place) => unknownName('place', place, known)).join('; ')} (the places are listed at /campaigns/${campaignId}/places)`,
    },
  ]);
}

const weighed = (answer: EncodedJson) => answer.weight;

/** The control, casualty and territory views of a campaign. */
export class ViewQueries {
  constructor(private readonly serving: ServingViews) {}

  /**
   * A day's map can be a megabyte: serialised once per state of the log, versioned, and kept with
   * its compressed forms. A part of the map (a box, some places) is an answer of its own.
   */
  async control(campaignId: string, query: DayOrInstant & ViewScope & PlaceFilter): Promise<EncodedJson> {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { operation: query.operation },
    );
    checkPlacesNamed(ledger, query.places);
    const at = instantOf(ledger, query);
    const key = `json|control|${JSON.stringify(query)}`;
    const answer = (view: ControlView) => {
      const places = query.bbox || query.places ? placesPassing(ledger.catalog, view.places, query, knownAt) : view.places;
      const json = JSON.stringify({
        ...view,
        places,
        ...(query.day ? { day: query.day } : {}),
        knownAt: knownAtEcho,
        ...reported(),
      });
      return new EncodedJson(json, versionOf(views.position, key));
    };
    // what is known now is cached and warm; a view of the past is computed in slices between other requests
    return knownAt === NOW
      ? views.memo(ledger, key, knownAt, () => answer(controlAt(views, ledger, at, knownAt, query.operation)), weighed)
      : answer(await sliced(controlSteps(views, ledger, at, knownAt, query.operation)));
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

  /** A day's figures, serialised and kept compressed once per state of the log, as the map is. */
  async casualties(campaignId: string, query: { day: string } & CasualtyFilter & ViewScope): Promise<EncodedJson> {
    const { views, ledger, knownAt, knownAtEcho, reported } = await this.serving.forCampaign(
      campaignId,
      query.knownAt,
      query.reportedBy,
      { side: query.side, operation: query.operation },
    );
    const key = `json|casualties|${JSON.stringify(query)}`;
    return views.memo(
      ledger,
      key,
      knownAt,
      () => {
        const figures = casualtiesOn(views, ledger, query.day, knownAt, query);
        const json = JSON.stringify({ campaignId, day: query.day, knownAt: knownAtEcho, ...reported(), figures });
        return new EncodedJson(json, versionOf(views.position, key));
      },
      weighed,
    );
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
