import type { EventsHandler, LogPosition, StoredEvent, Subscription } from './event-store.port';

const PAGE = 1000;

/**
 * A catch-up-then-live subscription over `readAll`: pages through the log, then waits for a
 * wake-up (an append in this process) or the poll interval (appends by other processes sharing
 * the store), and reads again. The handler is awaited, so events arrive in order and a slow
 * handler slows only its own subscription.
 */
export class PollingSubscription implements Subscription {
  readonly caughtUp: Promise<void>;
  private markCaughtUp!: () => void;
  private closed = false;
  private wakeUp: (() => void) | undefined;
  private woken = false;
  private readonly loop: Promise<void>;

  constructor(
    private readonly readAll: (after: LogPosition, limit: number) => Promise<StoredEvent[]>,
    private readonly headPosition: () => Promise<LogPosition>,
    private position: LogPosition,
    private readonly handler: EventsHandler,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void,
  ) {
    this.caughtUp = new Promise((resolve) => (this.markCaughtUp = resolve));
    this.loop = this.run();
  }

  wake(): void {
    this.woken = true;
    this.wakeUp?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.wake();
    await this.loop;
  }

  private async run(): Promise<void> {
    const target = await this.headPosition().catch(() => 0);
    if (target <= this.position) this.markCaughtUp();
    while (!this.closed) {
      let page: StoredEvent[];
      this.woken = false;
      try {
        page = await this.readAll(this.position, PAGE);
        const last = page.at(-1);
        if (last && !this.closed) {
          await this.handler(page);
          this.position = last.position;
        }
      } catch (error) {
        this.onError(error);
        await this.sleep(this.pollMs);
        continue;
      }
      if (this.position >= target) this.markCaughtUp();
      if (page.length < PAGE) await this.sleep(this.pollMs);
    }
    this.markCaughtUp();
  }

  private sleep(ms: number): Promise<void> {
    if (this.woken || this.closed) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wakeUp = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wakeUp = done;
    });
  }
}

/** What a store's polling subscriptions read: the log after a position, and its head. */
export interface PolledLog {
  readAll(after: LogPosition, limit: number): Promise<StoredEvent[]>;
  headPosition(): Promise<LogPosition>;
}

/** A store's open polling subscriptions: opened over its log, woken by its appends, closed with it. */
export class PollingSubscriptions {
  private readonly open = new Set<PollingSubscription>();

  constructor(
    private readonly log: PolledLog,
    private readonly pollMs: number,
    private readonly onError: (error: unknown) => void = () => undefined,
  ) {}

  subscribe(after: LogPosition, handler: EventsHandler): Subscription {
    const subscription = new PollingSubscription(
      (from, limit) => this.log.readAll(from, limit),
      () => this.log.headPosition(),
      after,
      handler,
      this.pollMs,
      this.onError,
    );
    this.open.add(subscription);
    return {
      caughtUp: subscription.caughtUp,
      close: async () => {
        this.open.delete(subscription);
        await subscription.close();
      },
    };
  }

  /** Something was appended: every subscription reads again now rather than at its next poll. */
  wakeAll(): void {
    for (const subscription of this.open) subscription.wake();
  }

  async closeAll(): Promise<void> {
    await Promise.all([...this.open].map((s) => s.close()));
    this.open.clear();
  }
}
