import pg from 'pg';
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
import { PollingSubscriptions } from '../polling-subscription';
import { appendEachAnswered } from './append-transaction';
import { connectionFailure, postgresSettings, type PostgresSettings } from './connection';
import { LogListener } from './log-listener';
import { migrate } from './migrations';

/** Events a page of the log holds when the whole log is read. */
const PAGE = 5000;

/** Appends waiting together that one transaction takes at most. */
const GROUP = 500;

const COLUMNS = 'position, stream, revision, event_id, type, data, metadata';

interface Row {
  position: number;
  stream: string;
  revision: number;
  event_id: string;
  type: string;
  data: unknown;
  metadata: Record<string, unknown>;
}

export interface PostgresStoreOptions {
  /**
   * How often a subscription reads the log when no notification has come: the fallback for a
   * notification lost while the listening connection was down.
   */
  pollMs?: number;
  onError?: (error: unknown) => void;
}

/**
 * The log in a PostgreSQL database: one `events` table, positions gap-free integers from 1.
 *
 * The order guarantee: a reader that has passed position P never later finds an event at or
 * below P. Positions are not a sequence (a sequence hands out numbers in one order and the
 * transactions holding them commit in another, so a reader could pass P+1 while P is still
 * uncommitted, and skip it forever). Instead each append takes a transaction-level advisory
 * lock on the log's head, reads the head, inserts after it and commits, and only then is the
 * lock released: appends commit one after another in position order, and a rolled-back append
 * leaves no gap. Any snapshot that sees an event therefore sees every event before it.
 *
 * The price is that appends serialise on the lock for the length of one commit, flush to disk
 * included. Each process therefore runs one append transaction at a time and lets the appends
 * made meanwhile share the next one: one lock, one flush for all of them. Expectations are
 * checked under the lock, so it also guarantees each stream's revisions, with the
 * (stream, revision) unique key as the database's own check behind it.
 *
 * Subscriptions are woken by LISTEN/NOTIFY (the NOTIFY is sent in the append's transaction, so
 * it arrives after the commit, from any process) and poll as a fallback. The schema is migrated
 * at open, under an advisory lock, so instances started together do not race.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres' as const;
  readonly keepsEvents = true;
  private readonly subscriptions: PollingSubscriptions;
  private listener: LogListener | undefined;
  private readonly waiting: { requests: EncodedAppend[]; resolve: (r: AppendResult[]) => void; reject: (e: unknown) => void }[] =
    [];
  private writing: Promise<void> | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly settings: PostgresSettings,
    private readonly options: PostgresStoreOptions,
  ) {
    this.subscriptions = new PollingSubscriptions(this, options.pollMs ?? 1000, options.onError);
  }

  /** Connects to the database named by `url` and brings its schema up to date. */
  static async open(url: string, options: PostgresStoreOptions = {}): Promise<PostgresEventStore> {
    const settings = postgresSettings(url);
    const pool = new pg.Pool({ ...settings.client, max: settings.poolSize });
    // an idle connection the server closed is dropped by the pool; the next query opens another
    pool.on('error', (error) => options.onError?.(error));
    try {
      await migrate(pool);
    } catch (error) {
      await pool.end();
      throw connectionFailure(error, settings);
    }
    return new PostgresEventStore(pool, settings, options);
  }

  /**
   * Appends are acknowledged once the transaction holding them has committed. One transaction
   * of this process is under way at a time; appends made meanwhile wait and share the next one
   * (group commit), as appends serialise on the head lock anyway.
   */
  append(requests: StreamAppend[]): Promise<AppendResult[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ requests: requests.map(encoded), resolve, reject });
      this.writing ??= this.write();
    });
  }

  private async write(): Promise<void> {
    while (this.waiting.length) {
      const group = this.waiting.splice(0, GROUP);
      const outcomes = await appendEachAnswered(
        this.pool,
        group.map((g) => g.requests),
      );
      group.forEach((g, i) => {
        const outcome = outcomes[i];
        if (!outcome) g.reject(new Error('the append transaction gave no outcome'));
        else if (outcome.ok) g.resolve(outcome.results);
        else g.reject(outcome.error);
      });
      this.subscriptions.wakeAll();
    }
    this.writing = undefined;
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM events WHERE stream = $1 ORDER BY revision`, [stream]);
    return rows.map(toStored);
  }

  async readAll(after: LogPosition, limit: number): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<Row>(`SELECT ${COLUMNS} FROM events WHERE position > $1 ORDER BY position LIMIT $2`, [
      after,
      limit,
    ]);
    return rows.map(toStored);
  }

  /** Reads the next page while the caller folds the one it was given. */
  async *readLog(after: LogPosition, to: LogPosition): AsyncGenerator<StoredEvent[]> {
    const read = (from: LogPosition) => this.readBetween(from, to);
    let next: Promise<StoredEvent[]> | undefined = after < to ? read(after) : undefined;
    try {
      while (next) {
        const page = await next;
        const last = page.at(-1);
        next = last && page.length === PAGE && last.position < to ? read(last.position) : undefined;
        if (page.length) yield page;
      }
    } finally {
      // a caller that stops early leaves the page read ahead unread: its failure is nobody's
      next?.catch(() => undefined);
    }
  }

  async headPosition(): Promise<LogPosition> {
    const { rows } = await this.pool.query<{ head: number }>('SELECT coalesce(max(position), 0) AS head FROM events');
    return rows[0]?.head ?? 0;
  }

  subscribe(after: LogPosition, handler: EventsHandler): Subscription {
    this.listener ??= new LogListener(
      this.settings.client,
      () => this.subscriptions.wakeAll(),
      this.options.onError ?? (() => undefined),
    );
    return this.subscriptions.subscribe(after, handler);
  }

  async close(): Promise<void> {
    await this.writing;
    await this.subscriptions.closeAll();
    await this.listener?.close();
    this.listener = undefined;
    if (!this.pool.ended) await this.pool.end();
  }

  private async readBetween(after: LogPosition, to: LogPosition): Promise<StoredEvent[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${COLUMNS} FROM events WHERE position > $1 AND position <= $2 ORDER BY position LIMIT $3`,
      [after, to, PAGE],
    );
    return rows.map(toStored);
  }
}

function toStored(row: Row): StoredEvent {
  return {
    stream: row.stream,
    revision: row.revision,
    position: row.position,
    eventId: row.event_id,
    type: row.type,
    data: row.data,
    metadata: row.metadata,
  };
}
