/**
 * The event store port. Positions order the whole log: on the embedded, PostgreSQL and
 * in-memory stores they are gap-free integers from 1; on KurrentDB they are commit positions, shared by the
 * events of one atomic append. Either way "after P" means every event whose position is > P.
 */
export type LogPosition = number;

/** What the stream must look like for an append to go through. */
export type ExpectedState = 'any' | 'no_stream' | 'exists' | number;

export interface EventToAppend {
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface StreamAppend {
  stream: string;
  expected: ExpectedState;
  events: EventToAppend[];
}

export interface AppendResult {
  stream: string;
  /** Revision of the stream's last event after the append (0 = its first event). */
  revision: number;
  /** Position of each appended event, in order. */
  positions: LogPosition[];
  /**
   * Set when the append was one already stored, its events found with the same ids at the
   * expected revisions (a retry, or another instance making the same append first): nothing was
   * written. A store that deduplicates without saying so (KurrentDB) leaves it unset.
   */
  alreadyStored?: true;
}

export interface StoredEvent {
  stream: string;
  revision: number;
  position: LogPosition;
  eventId: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface Subscription {
  /** Settles once the subscriber has seen everything stored when it subscribed. */
  readonly caughtUp: Promise<void>;
  close(): Promise<void>;
}

export type EventsHandler = (events: StoredEvent[]) => void | Promise<void>;

export interface EventStore {
  /** Which adapter this is: for messages and health answers, not for callers to branch on. */
  readonly kind: 'memory' | 'sqlite' | 'postgres' | 'kurrentdb';
  /** Whether appended events outlive the process: a snapshot of views folded from a store that keeps nothing is worth nothing. */
  readonly keepsEvents: boolean;
  /**
   * Appends to one or more streams atomically: every stream's expectation holds and all
   * events are stored, or nothing is. Re-sending an append whose events are already stored with
   * the same ids at the expected revisions answers the stored result (an idempotent retry).
   */
  append(requests: StreamAppend[]): Promise<AppendResult[]>;
  readStream(stream: string): Promise<StoredEvent[]>;
  /** Up to `limit` events with position > `after`, in log order. */
  readAll(after: LogPosition, limit: number): Promise<StoredEvent[]>;
  /**
   * The log after `after` up to and including `to`, in order, in pages: what a fold of the whole
   * log reads. A store may read ahead while its caller folds the page it was given.
   */
  readLog(after: LogPosition, to: LogPosition): AsyncIterable<StoredEvent[]>;
  /** Position of the last stored event, 0 when the log is empty. */
  headPosition(): Promise<LogPosition>;
  /** Catch-up then live: every event after `after`, in order, including other processes' appends. */
  subscribe(after: LogPosition, handler: EventsHandler): Subscription;
  close(): Promise<void>;
}

export class WrongExpectedState extends Error {
  constructor(
    readonly stream: string,
    readonly expected: ExpectedState,
    readonly actual: number | 'no_stream',
  ) {
    super(`stream "${stream}" expected ${String(expected)} but is at ${String(actual)}`);
    this.name = 'WrongExpectedState';
  }
}

/** Whether a stream whose last revision is `actual` meets the expectation. */
export function meetsExpectation(expected: ExpectedState, actual: number | 'no_stream'): boolean {
  if (expected === 'any') return true;
  if (expected === 'no_stream') return actual === 'no_stream';
  if (expected === 'exists') return actual !== 'no_stream';
  return actual === expected;
}
