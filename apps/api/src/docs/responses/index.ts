import { z } from 'zod';
import { CasualtyAudit, Conflicts, ControlAudit, SourceImpact, TerritoryAudit } from './audit.schemas';
import { Campaign, CampaignSummary, Place, PlaceListed, Publisher, Source, SourceListed } from './catalog.schemas';
import { ClaimListed, ClaimNow, ClaimPage, ClaimRecorded, ClaimsRecorded } from './claims.schemas';
import { Count, Problem, SourceRef, writeAnswer } from './common.schemas';
import { ControlGeoJson, LogLine } from './export.schemas';
import { HealthDown, HealthReady, Me, Projections, RebuildStarted } from './operations.schemas';
import {
  Casualties,
  CasualtyFigure,
  CasualtySeries,
  ControlDays,
  ControlMap,
  PlaceControl,
  PlaceHistory,
  Territory,
} from './views.schemas';

/**
 * Every answer body the API documents, by the name it has under #/components/schemas. A schema
 * used inside another is referenced by its name there too.
 */
export const RESPONSE_SCHEMAS = {
  Problem,
  Count,
  SourceRef,
  CampaignSummaries: z.array(CampaignSummary),
  CampaignSummary,
  Campaign,
  CampaignRecorded: writeAnswer('campaignId'),
  Places: z.array(PlaceListed),
  PlaceListed,
  Place,
  PlaceRecorded: writeAnswer('placeId'),
  Sources: z.array(SourceListed),
  SourceListed,
  Source,
  SourceRecorded: writeAnswer('sourceId'),
  Publishers: z.array(Publisher),
  Publisher,
  PublisherRecorded: writeAnswer('publisher'),
  ClaimPage,
  ClaimListed,
  ClaimNow,
  ClaimRecorded,
  ClaimsRecorded,
  PlaceControl,
  ControlMap,
  ControlDays,
  PlaceHistory,
  CasualtyFigure,
  Casualties,
  CasualtySeries,
  Territory,
  ControlAudit,
  CasualtyAudit,
  TerritoryAudit,
  SourceImpact,
  Conflicts,
  ControlGeoJson,
  LogLine,
  Projections,
  RebuildStarted,
  HealthReady,
  HealthDown,
  Me,
} satisfies Record<string, z.ZodType>;

export type ResponseName = keyof typeof RESPONSE_SCHEMAS;

/** The JSON Schemas of the answers, named, with `$ref`s between them. */
export function responseComponents(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(RESPONSE_SCHEMAS)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, {
    io: 'output',
    unrepresentable: 'any',
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      return [id, rest];
    }),
  );
}
