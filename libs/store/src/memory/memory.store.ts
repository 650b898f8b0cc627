import {
  type AppendResult,
  type EventsHandler,
  type EventStore,
  type LogPosition,
  type StoredEvent,
  type StreamAppend,
  type Subscription,
} from '../event-store.port';
import { PollingSubscription } from '../polling-subscription';
import { planAppend, type StoredStreams } from '../plan-append';
import { promised } from '../promised';
import { logPages } from '../read-log';

/** The whole log in memory: for tests and throwaway runs. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  readonly keepsEvents = false;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly subscriptions = new Set<PollingSubscription>();
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
    for (const subscription of this.subscriptions) subscription.wake();
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
    const subscription = new PollingSubscription(
      (from, limit) => this.readAll(from, limit),
      () => this.headPosition(),
      after,
      handler,
      1000,
      () => undefined,
    );
    this.subscriptions.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      close: async () => {
        this.subscriptions.delete(subscription);
        await subscription.close();
      },
    };
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((s) => s.close()));
    this.subscriptions.clear();
  }
}

function copy(event: StoredEvent): StoredEvent {
  return structuredClone(event);
}
