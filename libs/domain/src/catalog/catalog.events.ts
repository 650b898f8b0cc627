import type { CampaignChanges, CampaignRegistration } from './campaign.schema';
import type { PublisherRegistration } from './publisher.schema';
import type { PlaceRegistration } from './place.schema';
import type { Grade, SourceRegistration } from './source.schema';

export type CampaignRegistered = { type: 'CampaignRegistered'; data: CampaignRegistration };
/** An admin's change of a campaign's window, claim window, area or admin areas, with why. */
export type CampaignAmended = {
  type: 'CampaignAmended';
  data: { campaignId: string; changes: CampaignChanges; reason: string };
};
export type PlaceRegistered = { type: 'PlaceRegistered'; data: PlaceRegistration & { campaignId: string } };
export type PlaceCorrected = {
  type: 'PlaceCorrected';
  data: { campaignId: string; placeId: string; changes: Partial<Omit<PlaceRegistration, 'placeId'>>; reason: string };
};
export type SourceRegistered = { type: 'SourceRegistered'; data: SourceRegistration & { campaignId: string } };
export type SourceCorrected = {
  type: 'SourceCorrected';
  data: {
    campaignId: string;
    sourceId: string;
    /** The fields changed; `note: null` removes the note. */
    changes: Partial<Omit<SourceRegistration, 'sourceId' | 'note'>> & { note?: string | null };
    reason: string;
  };
};
export type PublisherRegistered = { type: 'PublisherRegistered'; data: PublisherRegistration };
export type PublisherAssessed = { type: 'PublisherAssessed'; data: { publisher: string; reliability: Grade; reason: string } };

export type CatalogEvent =
  | CampaignRegistered
  | CampaignAmended
  | PlaceRegistered
  | PlaceCorrected
  | SourceRegistered
  | SourceCorrected
  | PublisherRegistered
  | PublisherAssessed;

export const CATALOG_EVENT_TYPES = [
  'CampaignRegistered',
  'CampaignAmended',
  'PlaceRegistered',
  'PlaceCorrected',
  'SourceRegistered',
  'SourceCorrected',
  'PublisherRegistered',
  'PublisherAssessed',
] as const satisfies readonly CatalogEvent['type'][];

export const campaignStream = (campaignId: string) => `campaign-${campaignId}`;
export const placeStream = (campaignId: string, placeId: string) => `place-${campaignId}/${placeId}`;
export const sourceStream = (campaignId: string, sourceId: string) => `source-${campaignId}/${sourceId}`;
export const publisherStream = (publisher: string) => `publisher-${publisher}`;
/** A publisher's registration, in a stream of its own beside the one of its assessments. */
export const publisherRegistrationStream = (publisher: string) => `${publisherStream(publisher)}/registration`;
