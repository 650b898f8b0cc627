import type { StreamAppend } from './event-store.port';
import type { PlannableAppend } from './plan-append';

/** An event as it is written: data and metadata serialised once, when the append is made. */
export interface EncodedEvent {
  eventId: string;
  type: string;
  data: string;
  metadata: string;
}

export type EncodedAppend = PlannableAppend<EncodedEvent>;

/**
 * The append as a store writes it. Serialising here, before the append is queued, also keeps a
 * caller that changes its objects afterwards from changing what is stored.
 */
export function encoded(request: StreamAppend): EncodedAppend {
  return {
    stream: request.stream,
    expected: request.expected,
    events: request.events.map((e) => ({
      eventId: e.eventId,
      type: e.type,
      data: JSON.stringify(e.data),
      metadata: JSON.stringify(e.metadata),
    })),
  };
}
