import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type {
  AppendResult,
  EventsHandler,
  EventStore,
  LogPosition,
  StoredEvent,
  StreamAppend,
  Subscription,
} from '../event-store.port';
import { encoded, type EncodedAppend } from '../encoded-append';
import { planAppend, type StoredStreams } from '../plan-append';
import { PollingSubscriptions } from '../polling-subscription';
import { promised } from '../promised';
import { logPages } from '../read-log';
import { readLogOnThread } from './log-reader';

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    position INTEGER PRIMARY KEY,
    stream   TEXT    NOT NULL,
    revision INTEGER NOT NULL,
    event_id TEXT    NOT NULL,
    type     TEXT    NOT NULL,
    data     TEXT    NOT NULL,
    metadata TEXT    NOT NULL,
    UNIQUE (stream, revision)
  );
`;

/** Events a page of the log holds when the whole log is read. */
const PAGE = 5000;

/** What one request group's transaction answers; a group sharing a commit answers one each. */
type Outcome = { ok: true; results: AppendResult[] } | { ok: false; error: unknown };

interface Row {
  position: number;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  data: string;
  metadata: string;
}

export interface SqliteStoreOptions {
  /** How often a subscription looks for appends made by other processes sharing the file. */
  pollMs?: number;
  /**
   * From how many events a read of the log runs on a thread of its own: below it, starting the
   * thread (tens of milliseconds) costs more than it saves.
   */
  threadedReadFrom?: number;
  onError?: (error: unknown) => void;
}

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous=FULL`, so an acknowledged
 * append survives a crash or power loss. Positions are the table's integer key, assigned inside
 * the write transaction, so the log has one gap-free order. Several processes on one host may
 * share the file: writes serialise on SQLite's write lock, and subscriptions poll for appends
 * made elsewhere.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  readonly keepsEvents: boolean;
  private readonly db: Database.Database;
  private readonly subscriptions: PollingSubscriptions;
  private readonly statements;
  private readonly storedStreams: StoredStreams;
  private readonly aloneTransaction;
  private readonly requestSavepoint;
  private readonly groupTransaction;
  private readonly pending: { requests: EncodedAppend[]; resolve: (r: AppendResult[]) => void; reject: (e: unknown) => void }[] =
    [];
  private flushScheduled = false;

  constructor(
    readonly file: string,
    private readonly options: SqliteStoreOptions = {},
  ) {
    this.keepsEvents = file !== ':memory:';
    this.subscriptions = new PollingSubscriptions(this, options.pollMs ?? 100, options.onError);
    if (this.keepsEvents) mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.statements = {
      stream: this.db.prepare<[string], Row>('SELECT * FROM events WHERE stream = ? ORDER BY revision'),
      all: this.db.prepare<[number, number], Row>('SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?'),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(position) AS head FROM events'),
      lastRevision: this.db
        .prepare<[string], number>('SELECT revision FROM events WHERE stream = ? ORDER BY revision DESC LIMIT 1')
        .pluck(),
      eventsFrom: this.db.prepare<[string, number, number], { eventId: string; revision: number; position: number }>(
        'SELECT event_id AS eventId, revision, position FROM events WHERE stream = ? AND revision >= ? ORDER BY revision LIMIT ?',
      ),
      insert: this.db.prepare(
        'INSERT INTO events (position, stream, revision, event_id, type, data, metadata) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
    };
    // Narrow reads on the (stream, revision) key: a stream's events are read only to recognise a retry.
    this.storedStreams = {
      lastRevision: (stream) => this.statements.lastRevision.get(stream) ?? 'no_stream',
      eventsFrom: (stream, from, count) => this.statements.eventsFrom.all(stream, from, count),
    };
    // An append waiting alone needs no savepoint: what it throws rolls its own transaction back.
    this.aloneTransaction = this.db.transaction((requests: EncodedAppend[]) => this.appendNow(requests, this.headNow()).results);
    this.requestSavepoint = this.db.transaction((requests: EncodedAppend[], head: number) => this.appendNow(requests, head));
    // Appends waiting together share one commit (one fsync); each is a savepoint of its own, so
    // one that fails its expectation is rolled back alone and the others still commit. The head
    // is read once and moves only past what a savepoint kept, so positions stay gap-free.
    this.groupTransaction = this.db.transaction((group: EncodedAppend[][]) => {
      let head = this.headNow();
      return group.map((requests): Outcome => {
        try {
          const appended = this.requestSavepoint(requests, head);
          head = appended.head;
          return { ok: true, results: appended.results };
        } catch (error) {
          return { ok: false, error };
        }
      });
    });
  }

  /**
   * Appends are acknowledged only after the transaction that holds them has committed. Appends
   * made while a commit is being prepared wait for the next one and share it (group commit).
   */
  append(requests: StreamAppend[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.pending.push({ requests: requests.map(encoded), resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  private flush(): void {
    this.flushScheduled = false;
    const group = this.pending.splice(0);
    if (!group.length) return;
    let outcomes: Outcome[];
    try {
      // IMMEDIATE takes the write lock before reading, so the expectation checks and the inserts
      // see the same log even when another process appends to the same file.
      const [alone] = group;
      outcomes =
        group.length === 1 && alone
          ? [{ ok: true, results: this.aloneTransaction.immediate(alone.requests) }]
          : this.groupTransaction.immediate(group.map((g) => g.requests));
    } catch (error) {
      for (const g of group) g.reject(error);
      return;
    }
    group.forEach((g, i) => {
      const outcome = outcomes[i];
      // the transaction answers one outcome per request group, in order
      if (!outcome) g.reject(new Error('the append transaction gave no outcome'));
      else if (outcome.ok) g.resolve(outcome.results);
      else g.reject(outcome.error);
    });
    this.subscriptions.wakeAll();
  }

  readStream(stream: string): Promise<StoredEvent[]> {
    return promised(() => this.readStreamNow(stream));
  }

  readAll(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    return promised(() => this.statements.all.all(after, limit).map(toStored));
  }

  readLog(after: LogPosition, to: LogPosition): AsyncIterable<StoredEvent[]> {
    const threaded = this.file !== ':memory:' && to - after >= (this.options.threadedReadFrom ?? 50_000);
    return threaded ? readLogOnThread(this.file, after, to, PAGE) : logPages(this, after, to, PAGE);
  }

  headPosition(): Promise<LogPosition> {
    return promised(() => this.headNow());
  }

  subscribe(after: LogPosition, handler: EventsHandler): Subscription {
    return this.subscriptions.subscribe(after, handler);
  }

  /** `PRAGMA integrity_check`: "ok" when the file is sound. */
  integrityCheck(): string {
    return this.db.pragma('integrity_check', { simple: true }) as string;
  }

  async close(): Promise<void> {
    if (this.pending.length) this.flush();
    await this.subscriptions.closeAll();
    if (this.db.open) this.db.close();
  }

  /** Plans the requests after `head` and inserts their events; answers the results and the new head. */
  private appendNow(requests: EncodedAppend[], head: number): { results: AppendResult[]; head: number } {
    const plan = planAppend(requests, this.storedStreams, head);
    if (plan.kind === 'stored') return { results: plan.results, head };
    for (const { stream, revision, position, event } of plan.events)
      this.statements.insert.run(position, stream, revision, event.eventId, event.type, event.data, event.metadata);
    return { results: plan.results, head: plan.events.at(-1)?.position ?? head };
  }

  private readStreamNow(stream: string): StoredEvent[] {
    return this.statements.stream.all(stream).map(toStored);
  }

  private headNow(): number {
    return this.statements.head.get()?.head ?? 0;
  }
}

function toStored(row: Row): StoredEvent {
  return {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as Record<string, unknown>,
  };
}
