import {
  CampaignAmendment,
  CampaignRegistration,
  coordinatesOutsideArea,
  type FieldError,
  strandedByAmendment,
  unknownAdminArea,
  unknownName,
  campaignStream,
  placeStream,
  publisherStream,
  publisherRegistrationStream,
  sourceStream,
  PlaceCorrection,
  PlaceRegistration,
  PublisherRegistration,
  decideRegistration,
  PublisherAssessment,
  SourceCorrection,
  SourceRegistration,
  type RecordedEvent,
  type TimelineEvent,
  DomainError,
  normalizePublished,
  type PublishedAt,
  parseWith,
  upcast,
} from '@timeline/domain';
import { WrongExpectedState, type EventStore } from '@timeline/store';
import type { CampaignEntry, PlaceEntry, SourceEntry } from '@timeline/views';
import { streamAppend, type CommandContext } from './event-writer';
import type { TimelineReadModels } from './read-models';
import { parsed } from './request-body';
import { withPublisher } from './source-publisher';

export interface Registered {
  outcome: 'created' | 'unchanged';
  id: string;
  revision: number;
  position: number;
}

/** Campaigns, places, sources and publishers: registered once, corrected by new events. */
export class CatalogCommands {
  constructor(
    private readonly store: EventStore,
    private readonly models: TimelineReadModels,
  ) {}

  async registerCampaign(body: unknown, context: CommandContext): Promise<Registered> {
    const campaign = parsed(CampaignRegistration, body);
    return this.register(
      campaignStream(campaign.campaignId),
      campaign.campaignId,
      campaign.campaignId,
      'campaignId',
      { type: 'CampaignRegistered', data: campaign },
      context,
    );
  }

  /**
   * An admin's change of a campaign's window, claim window, area or admin areas. It may widen
   * them; it may not leave a recorded claim or place outside.
   */
  async amendCampaign(campaignId: string, body: unknown, context: CommandContext): Promise<Registered> {
    const { reason, ...changes } = parsed(CampaignAmendment, body);
    await this.models.follower.catchUp();
    const entry = this.models.campaign(campaignId);
    const next = parseWith(CampaignRegistration, { ...entry.campaign, ...changes });
    if (!next.ok) throw DomainError.invalid('the amended campaign is not valid', next.errors);
    const stranded = strandedByAmendment(next.value, {
      places: entry.places.values(),
      claims: this.models.recordedClaims(campaignId),
    });
    if (stranded.length)
      throw DomainError.invalid('the amendment would leave recorded claims or places outside the campaign', stranded);
    const { revision } = await this.readCampaign(campaignId);
    return this.append(
      campaignStream(campaignId),
      revision,
      campaignId,
      campaignId,
      { type: 'CampaignAmended', data: { campaignId, changes, reason } },
      context,
    );
  }

  /** A campaign as registered and amended, with the events of its stream. */
  async readCampaign(
    campaignId: string,
  ): Promise<{ campaign?: CampaignRegistration; events: RecordedEvent[]; revision: number }> {
    const events = (await this.store.readStream(campaignStream(campaignId))).map(upcast);
    await this.models.follower.catchUp();
    const campaign = this.models.catalog.campaigns.get(campaignId)?.campaign;
    return { campaign, events, revision: events.at(-1)?.revision ?? -1 };
  }

  async registerPlace(campaignId: string, body: unknown, context: CommandContext): Promise<Registered> {
    const place = parsed(PlaceRegistration, body);
    await this.models.follower.catchUp();
    const entry = this.models.campaign(campaignId);
    const errors = placeErrors(entry, place);
    if (errors.length) throw DomainError.invalid('the place does not fit the campaign', errors);
    return this.register(
      placeStream(campaignId, place.placeId),
      campaignId,
      place.placeId,
      'placeId',
      { type: 'PlaceRegistered', data: { ...place, campaignId } },
      context,
    );
  }

  async correctPlace(campaignId: string, placeId: string, body: unknown, context: CommandContext): Promise<Registered> {
    const { reason, ...changes } = parsed(PlaceCorrection, body);
    await this.models.follower.catchUp();
    const place = this.models.campaign(campaignId).places.get(placeId);
    if (!place) throw DomainError.notFound(`place "${placeId}" does not exist in campaign "${campaignId}"`);
    const { revision, ...current } = place;
    const merged = parseWith(PlaceRegistration, { ...current, ...changes });
    if (!merged.ok) throw DomainError.invalid('the corrected place is not valid', merged.errors);
    const errors = placeErrors(this.models.campaign(campaignId), merged.value);
    if (errors.length) throw DomainError.invalid('the corrected place does not fit the campaign', errors);
    return this.append(
      placeStream(campaignId, placeId),
      revision,
      campaignId,
      placeId,
      { type: 'PlaceCorrected', data: { campaignId, placeId, changes, reason } },
      context,
    );
  }

  /** A place as its stream left it (none when never registered), with each event as recorded. */
  async readPlace(campaignId: string, placeId: string): Promise<{ place?: PlaceEntry; events: RecordedEvent[] }> {
    const events = (await this.store.readStream(placeStream(campaignId, placeId))).map(upcast);
    await this.models.follower.catchUp();
    return { place: this.models.catalog.campaigns.get(campaignId)?.places.get(placeId), events };
  }

  async registerSource(campaignId: string, body: unknown, context: CommandContext): Promise<Registered> {
    const given = parsed(SourceRegistration, body);
    await this.models.follower.catchUp();
    const source = withPublisher(given, this.models.catalog.publishers);
    checkPublished(source.publishedAt, this.models.campaign(campaignId).campaign.timeZone);
    return this.register(
      sourceStream(campaignId, source.sourceId),
      campaignId,
      source.sourceId,
      'sourceId',
      { type: 'SourceRegistered', data: { ...source, campaignId } },
      context,
    );
  }

  async correctSource(campaignId: string, sourceId: string, body: unknown, context: CommandContext): Promise<Registered> {
    const { reason, ...given } = parsed(SourceCorrection, body);
    await this.models.follower.catchUp();
    const entry = this.models.campaign(campaignId);
    const source = entry.sources.get(sourceId);
    if (!source) throw DomainError.notFound(`source "${sourceId}" does not exist in campaign "${campaignId}"`);
    // another publisher brings its name and kind unless the correction gives them
    const changes =
      given.publisher === undefined
        ? given
        : withPublisher({ ...given, publisher: given.publisher }, this.models.catalog.publishers);
    checkPublished(changes.publishedAt, entry.campaign.timeZone);
    return this.append(
      sourceStream(campaignId, sourceId),
      source.revision,
      campaignId,
      sourceId,
      { type: 'SourceCorrected', data: { campaignId, sourceId, changes, reason } },
      context,
    );
  }

  /** A source as its stream left it (none when never registered), with each event as recorded. */
  async readSource(campaignId: string, sourceId: string): Promise<{ source?: SourceEntry; events: RecordedEvent[] }> {
    const events = (await this.store.readStream(sourceStream(campaignId, sourceId))).map(upcast);
    await this.models.follower.catchUp();
    return { source: this.models.catalog.campaigns.get(campaignId)?.sources.get(sourceId), events };
  }

  async registerPublisher(body: unknown, context: CommandContext): Promise<Registered> {
    const publisher = parsed(PublisherRegistration, body);
    return this.register(
      publisherRegistrationStream(publisher.publisher),
      null,
      publisher.publisher,
      'publisher',
      { type: 'PublisherRegistered', data: publisher },
      context,
    );
  }

  async assessPublisher(publisher: string, body: unknown, context: CommandContext): Promise<Registered> {
    const assessment = parsed(PublisherAssessment, body);
    await this.models.follower.catchUp();
    if (!this.models.catalog.publishers.has(publisher)) {
      throw DomainError.notFound(`publisher "${publisher}" is unknown: no source names it and it was never registered`, [
        { path: 'publisher', message: unknownName('publisher', publisher, this.models.catalog.publishers.keys()) },
      ]);
    }
    return this.append(
      publisherStream(publisher),
      'any',
      null,
      publisher,
      { type: 'PublisherAssessed', data: { publisher, ...assessment } },
      context,
    );
  }

  private async register(
    stream: string,
    campaignId: string | null,
    id: string,
    idField: string,
    event: TimelineEvent,
    context: CommandContext,
  ): Promise<Registered> {
    for (let attempt = 0; ; attempt++) {
      const existing = (await this.store.readStream(stream)).map(upcast);
      const [first] = existing;
      const decision = decideRegistration(first?.data, event.data, idField, `"${id}"`);
      // unchanged only when the stream holds the registration: `first` is there
      if (decision === 'unchanged' && first) {
        return { outcome: 'unchanged', id, revision: existing.at(-1)?.revision ?? first.revision, position: first.position };
      }
      try {
        return await this.append(stream, 'no_stream', campaignId, id, event, context);
      } catch (error) {
        if (!(error instanceof WrongExpectedState) || attempt >= 2) throw error;
      }
    }
  }

  private async append(
    stream: string,
    expected: number | 'no_stream' | 'any',
    campaignId: string | null,
    id: string,
    event: TimelineEvent,
    context: CommandContext,
  ): Promise<Registered> {
    const [result] = await this.store.append([streamAppend(stream, expected, [event], campaignId, context)]);
    const position = result?.positions[0];
    // the store answers one result per append, with one position per event appended
    if (!result || position === undefined) throw new Error(`the store gave no position for "${id}"`);
    return { outcome: result.alreadyStored ? 'unchanged' : 'created', id, revision: result.revision, position };
  }
}

/** A publication time the schema admits may still name no time in the campaign's zone (a skipped hour, to before from). */
function checkPublished(publishedAt: PublishedAt | null | undefined, timeZone: string): void {
  if (publishedAt === null || publishedAt === undefined) return;
  const result = normalizePublished(publishedAt, timeZone);
  if (!result.ok) throw DomainError.invalid("the publication time names no time in the campaign's zone", result.errors);
}

/** What a place must satisfy in its campaign: a known parent, coordinates in its area, a governorate among its admin areas. */
function placeErrors(entry: CampaignEntry, place: PlaceRegistration): FieldError[] {
  const errors: FieldError[] = [];
  if (place.parent !== undefined && !entry.places.has(place.parent))
    errors.push({ path: 'parent', message: unknownName('place', place.parent, entry.places.keys()) });
  errors.push(...coordinatesOutsideArea(place, entry.campaign.area));
  errors.push(...unknownAdminArea(place.governorate, entry.campaign.adminAreas));
  return errors;
}
