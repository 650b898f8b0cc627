import { upcast, type RecordedEvent } from '@timeline/domain';
import type { EventStore, LogPosition, StoredEvent, Subscription } from '@timeline/store';

/** A read model folded from the log, one event at a time. */
export interface Projection {
  apply(event: RecordedEvent): void;
}

/**
 * Folds the log into read models and keeps them following it. `catchUp()` brings them to the
 * store's present head before answering, so a read after a write sees the write even when
 * another process made it; `follow()` keeps them current between requests. Events are upcast
 * once, here, as they come in: every read model and listener sees the current schema.
 */
export class LogFollower {
  private position: LogPosition = 0;
  private subscription: Subscription | undefined;
  private catchingUp: Promise<void> | undefined;
  private readonly listeners = new Set<(events: RecordedEvent[]) => void>();

  constructor(
    private readonly store: EventStore,
    private readonly projections: Projection[],
  ) {}

  get checkpoint(): LogPosition {
    return this.position;
  }

  /** Continues from a checkpoint whose state the projections already hold (a snapshot). */
  resumeFrom(position: LogPosition): void {
    if (this.subscription || this.position !== 0) throw new Error('resume only a follower that has not started');
    this.position = position;
  }

  /** Called with every batch of events after the read models have applied it. */
  onApplied(listener: (events: RecordedEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async catchUp(): Promise<void> {
    // One reader at a time: concurrent callers share the pass in flight, then check again.
    while (this.catchingUp) await this.catchingUp;
    const head = await this.store.headPosition();
    if (head <= this.position) return;
    this.catchingUp = this.readTo(head).finally(() => (this.catchingUp = undefined));
    await this.catchingUp;
  }

  follow(): void {
    if (this.subscription) return;
    this.subscription = this.store.subscribe(this.position, async () => {
      await this.catchUp();
    });
  }

  async stop(): Promise<void> {
    await this.subscription?.close();
    this.subscription = undefined;
  }

  private async readTo(head: LogPosition): Promise<void> {
    for await (const page of this.store.readLog(this.position, head)) this.applyAll(page);
  }

  private applyAll(events: StoredEvent[]): void {
    const fresh: RecordedEvent[] = [];
    for (const stored of events) {
      if (stored.position <= this.position) continue;
      const event = upcast(stored);
      for (const projection of this.projections) projection.apply(event);
      fresh.push(event);
      this.position = event.position;
    }
    if (!fresh.length) return;
    for (const listener of this.listeners) listener(fresh);
  }
}
