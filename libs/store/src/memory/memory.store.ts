import {
  type AppendResult,
  type EventsHandler,
  type EventStore,
  type LogPosition,
  type StoredEvent,
  type StreamAppend,
  type Subscription,
} from '../event-store.port';
import { PollingSubscriptions } from '../polling-subscription';
import { planAppend, type StoredStreams } from '../plan-append';
import { promised } from '../promised';
import { logPages } from '../read-log';

/** The whole log in memory: for tests and throwaway runs. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  readonly keepsEvents = false;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly subscriptions = new PollingSubscriptions(this, 1000);
  private readonly storedStreams: StoredStreams = {
    lastRevision: (stream) => {
      const length = this.streams.get(stream)?.length ?? 0;
      return length ? length - 1 : 'no_stream';
    },
    eventsFrom: (stream, from, count) => (this.streams.get(stream) ?? []).slice(from, from + count),
  };

  append(requests: StreamAppend[]): Promise<AppendResult[]> {
    return promised(() => this.appendNow(requests));
  }

  private appendNow(requests: StreamAppend[]): AppendResult[] {
    const plan = planAppend(requests, this.storedStreams, this.log.length);
    if (plan.kind === 'stored') return plan.results;
    for (const planned of plan.events) {
      const { stream, revision, position } = planned;
      // Stored as the other stores store it: serialised, so no caller can change it afterwards.
      const event = JSON.parse(JSON.stringify({ ...planned.event, stream, revision, position })) as StoredEvent;
      this.log.push(event);
      const events = this.streams.get(stream) ?? [];
      events.push(event);
      this.streams.set(stream, events);
    }
    this.subscriptions.wakeAll();
    return plan.results;
  }

  readStream(stream: string): Promise<StoredEvent[]> {
    return promised(() => (this.streams.get(stream) ?? []).map(copy));
  }

  readAll(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    return promised(() => this.log.slice(after, after + limit).map(copy));
  }

  readLog(after: LogPosition, to: LogPosition): AsyncIterable<StoredEvent[]> {
    return logPages(this, after, to, 5000);
  }

  headPosition(): Promise<LogPosition> {
    return promised(() => this.log.length);
  }

  subscribe(after: LogPosition, handler: EventsHandler): Subscription {
    return this.subscriptions.subscribe(after, handler);
  }

  async close(): Promise<void> {
    await this.subscriptions.closeAll();
  }
}

function copy(event: StoredEvent): StoredEvent {
  return structuredClone(event);
}
