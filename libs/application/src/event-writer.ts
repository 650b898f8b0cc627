import { deterministicUuid, SCHEMA_VERSION, type EventMetadata, type TimelineEvent } from '@timeline/domain';
import type { ExpectedState, StreamAppend } from '@timeline/store';

/** Who is recording, when, and as part of which request. */
export interface CommandContext {
  actor: string;
  correlationId: string;
  now: Date;
}

/**
 * An append of domain events with the metadata every stored event carries. Event ids derive from
 * the stream, its expected revision and the content, so a retried append carries the same ids
 * and the store can recognise it.
 */
export function streamAppend(
  stream: string,
  expected: ExpectedState,
  events: TimelineEvent[],
  campaignId: string | null,
  context: CommandContext,
): StreamAppend {
  return {
    stream,
    expected,
    events: events.map((event, i) => {
      const eventId = deterministicUuid(stream, expected, i, event.type, event.data);
      const metadata: EventMetadata = {
        campaignId,
        eventId,
        recordedAt: context.now.toISOString(),
        actor: context.actor,
        correlationId: context.correlationId,
        causationId: context.correlationId,
        schemaVersion: SCHEMA_VERSION,
      };
      return { eventId, type: event.type, data: event.data, metadata };
    }),
  };
}
