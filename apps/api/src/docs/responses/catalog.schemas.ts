import { z } from 'zod';
import {
  ACTOR_TYPES,
  CampaignArea,
  CampaignCountry,
  COORDINATE_PRECISIONS,
  Faction,
  GRADES,
  Operation,
  PLACE_KINDS,
  PUBLISHER_KINDS,
  PublishedAt,
} from '@timeline/domain';
import { PublishedTime } from './common.schemas';

const DateWindow = z.object({ from: z.string(), to: z.string() });
const Counts = z.object({ claims: z.number().int(), places: z.number().int(), sources: z.number().int() });

export const CampaignSummary = z.object({
  campaignId: z.string(),
  title: z.string(),
  timeZone: z.string(),
  window: DateWindow,
  counts: Counts,
});

export const Campaign = z.object({
  campaignId: z.string(),
  title: z.string(),
  timeZone: z.string(),
  window: DateWindow,
  claimWindow: DateWindow.optional(),
  area: CampaignArea.optional(),
  adminAreas: z.array(z.string()).optional(),
  country: CampaignCountry.optional(),
  actorTypes: z.record(z.string(), z.enum(ACTOR_TYPES)).optional(),
  blocs: z.array(z.object({ id: z.string(), name: z.string(), color: z.string().describe('#rrggbb') })),
  factions: z.array(Faction),
  operations: z.array(Operation),
  counts: Counts,
});

const placeFields = {
  placeId: z.string(),
  name: z.string(),
  aliases: z.array(z.string()),
  kind: z.enum(PLACE_KINDS),
  governorate: z.string().optional(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  precision: z.enum(COORDINATE_PRECISIONS),
  coordinatesFrom: z.string().optional(),
  parent: z.string().optional(),
};
export const PlaceListed = z.object(placeFields);
export const Place = z.object({ ...placeFields, revision: z.number().int() });

const sourceFields = {
  sourceId: z.string(),
  publisher: z.string(),
  publisherName: z.string(),
  publisherKind: z.enum(PUBLISHER_KINDS),
  title: z.string(),
  url: z.string().nullable(),
  publishedAt: PublishedAt.nullable(),
  published: PublishedTime.nullable(),
  language: z.string(),
  citedIn: z.object({ article: z.string(), ref: z.string() }).optional(),
  note: z.string().optional(),
};
export const SourceListed = z.object(sourceFields);
export const Source = z.object({
  ...sourceFields,
  revision: z.number().int(),
  reliability: z.enum(GRADES).nullable().describe("the publisher's current grade; null when it has none"),
});

export const Publisher = z.object({
  publisher: z.string(),
  name: z.string().optional(),
  kind: z.string().optional(),
  reliability: z.enum(GRADES).optional(),
  assessments: z.array(
    z.object({ reliability: z.enum(GRADES), reason: z.string(), position: z.number().int(), recordedAt: z.string() }),
  ),
});
