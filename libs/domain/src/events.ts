import { type CatalogEvent, CATALOG_EVENT_TYPES } from './catalog/catalog.events';
import { type ClaimEvent, CLAIM_EVENT_TYPES } from './claim/claim.events';

/** Every event the timeline records. */
export type TimelineEvent = CatalogEvent | ClaimEvent;
export type TimelineEventType = TimelineEvent['type'];

export const TIMELINE_EVENT_TYPES: readonly TimelineEventType[] = [...CATALOG_EVENT_TYPES, ...CLAIM_EVENT_TYPES];

const CLAIM_TYPES: ReadonlySet<string> = new Set(CLAIM_EVENT_TYPES);

/** Whether an event (as recorded, or bare) is one of a claim's stream. */
export function isClaimEvent<E extends TimelineEvent>(event: E): event is Extract<E, ClaimEvent> {
  return CLAIM_TYPES.has(event.type);
}

/** The schema version every event is written with; readers upcast older ones. */
export const SCHEMA_VERSION = 1;

/**
 * What every stored event carries besides its data (domain.md, Events). A type, not an
 * interface, so a recorded event still reads as the store's untyped one.
 */
export type EventMetadata = {
  campaignId: string | null;
  eventId: string;
  recordedAt: string;
  actor: string;
  correlationId: string;
  causationId: string;
  schemaVersion: number;
};
