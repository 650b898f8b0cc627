import { SCHEMA_VERSION, TIMELINE_EVENT_TYPES, type TimelineEventType } from './events';
import type { RecordedEvent, UntypedRecordedEvent } from './recorded-event';

/** An event's type and data at one schema version, as they read at the next. */
export type Upcaster = (event: { type: string; data: unknown }) => { type: string; data: unknown };

/**
 * The schema's history: event type → the version it was written at → the step to the next
 * version. A version that changed no event of a type has no step for it: the event passes as is.
 */
export type UpcastTable = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/** No event has been written at a schema older than the current one yet. */
export const UPCASTERS: UpcastTable = {};

/** An event this service cannot read: of no timeline type, or written by a newer schema. */
export class UnreadableEvent extends Error {
  constructor(
    readonly position: number,
    readonly eventId: string,
    reason: string,
  ) {
    super(`event ${eventId} at position ${position} cannot be read: ${reason}`);
    this.name = 'UnreadableEvent';
  }
}

const TIMELINE_TYPES: ReadonlySet<string> = new Set(TIMELINE_EVENT_TYPES);

function isTimelineEventType(type: string): type is TimelineEventType {
  return TIMELINE_TYPES.has(type);
}

/**
 * Reads a stored event as the current schema: the steps of `table` from the version it was
 * written at (`metadata.schemaVersion`) up to `target`, in order. An event already at the target
 * is answered as is, with no copy: the views fold a million of them on a rebuild.
 *
 * An unknown type or a newer version is an error, not skipped: the log is written only through
 * the domain's events, so such an event comes from a newer release (or a foreign writer), and
 * folding past it would serve answers, and write snapshots, that silently leave out what it says.
 * The reader stops loudly until it is upgraded or the table maps the event.
 *
 * Data is not validated here: it passed the domain's schemas when it was decided, and each step
 * is written against the shape its version had.
 */
export function upcastWith(table: UpcastTable, target = SCHEMA_VERSION): (stored: UntypedRecordedEvent) => RecordedEvent {
  return (stored) => {
    const version = stored.metadata.schemaVersion;
    const unreadable = (reason: string) => new UnreadableEvent(stored.position, stored.eventId, reason);
    if (typeof version !== 'number' || !Number.isInteger(version)) throw unreadable('it carries no schema version');
    if (version > target) throw unreadable(`it was written at schema version ${version}, newer than ${target}`);
    if (version === target) {
      if (!isTimelineEventType(stored.type)) throw unreadable(`"${stored.type}" is not an event of the timeline`);
      // the trust boundary of the read side: the type is known and the data is at the current schema
      return stored as RecordedEvent;
    }
    let event = { type: stored.type, data: stored.data };
    for (let from = version; from < target; from++) {
      const step = table[event.type]?.[from];
      if (step) event = step(event);
    }
    if (!isTimelineEventType(event.type)) throw unreadable(`"${event.type}" is not an event of the timeline`);
    return { ...stored, ...event, metadata: { ...stored.metadata, schemaVersion: target } } as RecordedEvent;
  };
}

/** Reads a stored event as the current schema with the service's own table (see `upcastWith`). */
export const upcast = upcastWith(UPCASTERS);
