/** Refusals a client may get at once within one wait, answered without a hold: the requests a client may fairly have in flight. */
export const FREE_REFUSALS = 8;
/** How long a refusal past those is held. */
export const HOLD_MS = 1000;
/** Refusals held at once, over all clients; past them a refusal is answered at once (each held one is an open request). */
const MAX_HELD = 1000;
/** Clients remembered at once; past them, those whose wait is over are forgotten first. */
const MAX_CLIENTS = 100_000;

interface Refused {
  /** When the client's wait ends (ms since the epoch). */
  until: number;
  /** Refusals the client got since its wait began. */
  refusals: number;
}

/**
 * Holds the refusals of clients that keep asking before their `Retry-After` is over. A client
 * refused gets its first refusals at once, as many as it may fairly have had in flight; past
 * those, within the same wait, each refusal is held a second (or what is left of the wait, if
 * less). A client that ignores `Retry-After` and asks again as soon as it is refused would
 * otherwise have the service answer thousands of refusals a second, each costing the event loop
 * more than the writes the budget protects; one that waits as told is never held. Each instance
 * holds its own: behind a load balancer a client's first refusals on each instance come at once.
 */
export class RefusalHold {
  private readonly refused = new Map<string, Refused>();
  private held = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  ) {}

  /** Notes a refusal of `client` that must wait `waitSeconds`; resolves when it may be answered, with the seconds then left to wait. */
  async refuse(client: string, waitSeconds: number): Promise<number> {
    const now = this.now();
    const until = now + waitSeconds * 1000;
    const known = this.refused.get(client);
    const refused = known && known.until > now ? { until, refusals: known.refusals + 1 } : { until, refusals: 1 };
    this.refused.set(client, refused);
    if (this.refused.size > MAX_CLIENTS) this.forgetWaitsOver(now);
    if (refused.refusals <= FREE_REFUSALS || this.held >= MAX_HELD) return waitSeconds;
    this.held++;
    try {
      await this.sleep(Math.min(HOLD_MS, until - now));
    } finally {
      this.held--;
    }
    return Math.max(1, Math.ceil((until - this.now()) / 1000));
  }

  /** Clients remembered: for tests. */
  get size(): number {
    return this.refused.size;
  }

  private forgetWaitsOver(now: number): void {
    for (const [client, { until }] of this.refused) if (until <= now) this.refused.delete(client);
    // every client still waiting: forget them all rather than grow without bound
    if (this.refused.size > MAX_CLIENTS) this.refused.clear();
  }
}
