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
import { planAppend } from '../plan-append';

/** The whole log in memory: for tests and throwaway runs. */
export class MemoryEventStore implements EventStore {
  readonly kind = 'memory' as const;
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly subscriptions = new Set<PollingSubscription>();

  async append(requests: StreamAppend[]): Promise<AppendResult[]> {
    const plan = planAppend(requests, (stream) => this.streams.get(stream) ?? [], this.log.length);
    if (plan.kind === 'stored') return plan.results;
    for (const planned of plan.events) {
      // Stored as the other stores store it: serialised, so no caller can change it afterwards.
      const event: StoredEvent = JSON.parse(JSON.stringify(planned));
      this.log.push(event);
      const stream = this.streams.get(event.stream) ?? [];
      stream.push(event);
      this.streams.set(event.stream, stream);
    }
    for (const subscription of this.subscriptions) subscription.wake();
    return plan.results;
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    return (this.streams.get(stream) ?? []).map(copy);
  }

  async readAll(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    return this.log.slice(after, after + limit).map(copy);
  }

  async headPosition(): Promise<LogPosition> {
    return this.log.length;
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
