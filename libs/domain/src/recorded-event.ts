import type { EventMetadata, TimelineEvent } from './events';

/**
 * An event as the log holds it, before anything is known of its data: the shape every store
 * adapter reads back. The domain names it itself so that it needs no store to be read.
 */
export interface UntypedRecordedEvent {
  stream: string;
  revision: number;
  position: number;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

/**
 * An event of the timeline as recorded: where it stands in its stream and in the log, what it
 * says (one of the domain's events, at the current schema) and its metadata. Every fold reads
 * this one union; `upcast` is the only way in from the store.
 */
export type RecordedEvent<E extends TimelineEvent = TimelineEvent> = E & {
  stream: string;
  revision: number;
  position: number;
  eventId: string;
  metadata: EventMetadata;
};
