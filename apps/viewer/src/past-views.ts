/**
 * The service's budget for a client without a key: 10 views of the past (asked with `knownAt` or
 * `reportedBy`) in a window of 10 s, by default. The window is kept half a second longer here, so
 * that requests sent just inside it do not arrive just outside.
 */
const LIMIT = 10;
const WINDOW_MS = 10_500;

/**
 * The views of the past this page asked for lately, in every window of that length: the parts of
 * the page that ask for them again while a replay moves wait until they fit, rather than be refused.
 * Instants are `performance.now()` values, passed in.
 */
export class PastViews {
  private spent: number[] = [];

  constructor(
    private readonly limit = LIMIT,
    private readonly windowMs = WINDOW_MS,
  ) {}

  /** How long to wait from `now` before `count` more fit in the budget: 0 when they fit now. */
  waitFor(count: number, now: number): number {
    this.forget(now);
    const over = this.spent.length + Math.min(count, this.limit) - this.limit;
    if (over <= 0) return 0;
    return Math.max(0, (this.spent[over - 1] ?? now) + this.windowMs - now);
  }

  /** The steady pace at which asking for `count` views at a time stays within the budget, in ms. */
  spacing(count: number): number {
    return (count * this.windowMs) / this.limit;
  }

  /** Counts `count` views asked for at `now`. */
  spend(count: number, now: number): void {
    this.forget(now);
    for (let i = 0; i < count; i++) this.spent.push(now);
  }

  private forget(now: number): void {
    this.spent = this.spent.filter((at) => at > now - this.windowMs);
  }
}
