import {
  ANY,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  KurrentDBClient,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type AppendStreamState,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  WrongExpectedState,
  type AppendResult,
  type EventsHandler,
  type EventStore,
  type ExpectedState,
  type LogPosition,
  type StoredEvent,
  type StreamAppend,
  type Subscription,
} from '../event-store.port';
import { logPages } from '../read-log';

/**
 * KurrentDB / EventStoreDB through the official client. Every append states the stream's
 * expected state (so the server deduplicates retried event ids); a batch over several streams
 * goes through `multiStreamAppend`, atomic on the server. Positions are commit positions.
 */
export class KurrentDbEventStore implements EventStore {
  readonly kind = 'kurrentdb' as const;
  readonly keepsEvents = true;
  private readonly client: KurrentDBClient;
  private readonly subscriptions = new Set<Subscription>();

  constructor(connectionString: string) {
    this.client = KurrentDBClient.connectionString(connectionString);
  }

  async append(requests: StreamAppend[]): Promise<AppendResult[]> {
    try {
      const [request] = requests;
      if (request && requests.length === 1) {
        const result = await this.client.appendToStream(request.stream, request.events.map(toEventData), {
          streamState: toStreamState(request.expected),
        });
        const position = commitOf(result.position?.commit);
        const revision = Number(result.nextExpectedRevision);
        return [{ stream: request.stream, revision, positions: request.events.map(() => position) }];
      }
      const result = await this.client.multiStreamAppend(
        requests.map((request) => ({
          streamName: request.stream,
          expectedState: toStreamState(request.expected),
          events: request.events.map((event) => toEventData({ ...event, metadata: stringValues(event.metadata) })),
        })),
      );
      const position = commitOf(result.position);
      return requests.map((request) => {
        const response = result.responses.find((r) => r.streamName === request.stream);
        return {
          stream: request.stream,
          revision: Number(response?.revision ?? -1),
          positions: request.events.map(() => position),
        };
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) {
        const actual =
          typeof error.actualState === 'bigint' || typeof error.actualState === 'number'
            ? Number(error.actualState)
            : 'no_stream';
        const stream = error.streamName ?? requests[0]?.stream ?? '';
        const expected = requests.find((r) => r.stream === stream)?.expected ?? 'any';
        throw new WrongExpectedState(stream, expected, actual);
      }
      throw error;
    }
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(stream, { fromRevision: START, direction: FORWARDS })) {
        const stored = toStored(resolved);
        if (stored) events.push(stored);
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return events;
  }

  async readAll(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    const fromPosition = after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START;
    for await (const resolved of this.client.readAll({
      fromPosition,
      direction: FORWARDS,
      maxCount: limit + 1000,
      filter: excludeSystemEvents(),
    })) {
      const stored = toStored(resolved);
      if (!stored || stored.position <= after) continue;
      // The events of one atomic append share a position: never end a page inside one.
      if (events.length >= limit && stored.position !== events.at(-1)?.position) break;
      events.push(stored);
    }
    return events;
  }

  readLog(after: LogPosition, to: LogPosition): AsyncIterable<StoredEvent[]> {
    return logPages(this, after, to, 5000);
  }

  async headPosition(): Promise<LogPosition> {
    for await (const resolved of this.client.readAll({
      fromPosition: 'end',
      direction: 'backwards',
      maxCount: 1,
      filter: excludeSystemEvents(),
    })) {
      return commitOf(resolved.event?.position?.commit);
    }
    return 0;
  }

  subscribe(after: LogPosition, handler: EventsHandler): Subscription {
    const subscription = this.client.subscribeToAll({
      fromPosition: after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : START,
      filter: excludeSystemEvents(),
    });
    let markCaughtUp!: () => void;
    const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
    subscription.on('caughtUp', () => markCaughtUp());
    const loop = (async () => {
      try {
        for await (const resolved of subscription) {
          const stored = toStored(resolved);
          if (stored && stored.position > after) await handler([stored]);
        }
      } finally {
        markCaughtUp();
      }
    })();
    const handle: Subscription = {
      caughtUp,
      close: async () => {
        this.subscriptions.delete(handle);
        await subscription.unsubscribe();
        await loop.catch(() => undefined);
      },
    };
    this.subscriptions.add(handle);
    return handle;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    await this.client.dispose();
  }
}

function toStreamState(expected: ExpectedState): AppendStreamState {
  if (expected === 'any') return ANY;
  if (expected === 'no_stream') return NO_STREAM;
  if (expected === 'exists') return STREAM_EXISTS;
  return BigInt(expected);
}

function toEventData(event: { eventId: string; type: string; data: unknown; metadata: Record<string, unknown> }) {
  return jsonEvent({
    id: event.eventId,
    type: event.type,
    data: event.data as Record<string, unknown>,
    metadata: event.metadata,
  });
}

/** `multiStreamAppend` takes string-valued metadata only: each value travels as JSON text. */
function stringValues(metadata: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(metadata).map(([k, v]) => [k, JSON.stringify(v)]));
}

function decodeMetadata(metadata: unknown): Record<string, unknown> {
  if (!metadata || typeof metadata !== 'object') return {};
  const decoded: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(metadata as Record<string, unknown>)) {
    if (typeof value === 'string' && /^["{[\dtfn-]/.test(value)) {
      try {
        decoded[key] = JSON.parse(value);
        continue;
      } catch {
        // a plain string value
      }
    }
    decoded[key] = value;
  }
  return decoded;
}

function commitOf(commit: bigint | number | undefined): number {
  const position = Number(commit ?? 0);
  if (!Number.isSafeInteger(position)) throw new Error(`log position ${String(commit)} exceeds 2^53`);
  return position;
}

function toStored(resolved: ResolvedEvent | AllStreamResolvedEvent): StoredEvent | undefined {
  const event = resolved.event;
  if (!event || event.type.startsWith('$') || event.streamId.startsWith('$')) return undefined;
  return {
    stream: event.streamId,
    revision: Number(event.revision),
    position: commitOf(event.position?.commit),
    eventId: event.id,
    type: event.type,
    data: event.data,
    metadata: decodeMetadata(event.metadata),
  };
}
