import type { CatalogEvent } from './catalog/catalog.events';
import { CATALOG_EVENT_TYPES } from './catalog/catalog.events';
import type { ClaimEvent } from './claim/claim.events';
import { CLAIM_EVENT_TYPES } from './claim/claim.events';

/** Every event the timeline records. */
export type TimelineEvent = CatalogEvent | ClaimEvent;
export type TimelineEventType = TimelineEvent['type'];

export const TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = [...CATALOG_EVENT_TYPES, ...CLAIM_EVENT_TYPES];

/** The schema version every event is written with; readers upcast older ones. */
export const SCHEMA_VERSION = 1;

/** What every stored event carries besides its data (domain.md, Events). */
export interface EventMetadata {
  campaignId: string | null;
  eventId: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
}
