import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Database as Sqlite3Database } from 'sqlite3';
import { SqliteEventStore } from '@timeline/store';
import { emmettEvents, rawRows, type Peer, type PeerPair } from './peer';
import { countEmmettPages } from './peer-workloads';

const EVENTS =
  'CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream, revision))';
const INSERT = 'INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES ';
const PAGE = 'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?';

/** `PRAGMA synchronous` answers a number. */
const SYNCHRONOUS: Record<string, string> = { 0: 'OFF', 1: 'NORMAL', 2: 'FULL', 3: 'EXTRA' };

interface RawRow {
  position: number;
  data: string;
  metadata: string;
}

/** Parses a page of raw rows as a store would, answering the position to read after. */
function parsed(rows: RawRow[], after: number): number {
  for (const row of rows) {
    JSON.parse(row.data);
    JSON.parse(row.metadata);
  }
  return rows.at(-1)?.position ?? after;
}

/** Our store beside raw better-sqlite3 inserts, both in WAL with synchronous=FULL. */
export function ourSqlitePair(dir: string): PeerPair {
  const store = new SqliteEventStore(join(dir, 'ours.db'));
  const db = new Database(join(dir, 'raw-better-sqlite3.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(EVENTS);
  const insert = db.prepare(`${INSERT}(?, ?, ?, ?, ?, ?)`);
  const page = db.prepare<[number, number], RawRow>(PAGE);
  const insertAll = db.transaction((rows: ReturnType<typeof rawRows>) => rows.forEach((row) => insert.run(...row)));
  return {
    name: 'ours (SQLite)',
    store: {
      append: async (append) => void (await store.append([append])),
      readAll: async (size) => {
        let after = 0;
        let read = 0;
        for (;;) {
          const events = await store.readAll(after, size);
          read += events.length;
          if (events.length < size) return read;
          after = events.at(-1)!.position;
        }
      },
    },
    raw: {
      append: (append) => Promise.resolve(insertAll(rawRows(append))),
      readAll: (size) => {
        let after = 0;
        let read = 0;
        for (;;) {
          const rows = page.all(after, size);
          read += rows.length;
          after = parsed(rows, after);
          if (rows.length < size) return Promise.resolve(read);
        }
      },
    },
    rawName: 'raw better-sqlite3',
    durability:
      'ours and raw: journal_mode=WAL, synchronous=FULL, one connection; ours shares one commit among concurrent appends',
    close: async () => {
      await store.close();
      db.close();
    },
  };
}

/**
 * Emmett's SQLite event store beside raw node-sqlite3 inserts. Its durability is read from a
 * connection Emmett opens: it sets WAL itself and leaves the rest at the binding's defaults.
 */
export async function emmettSqlitePair(dir: string): Promise<PeerPair> {
  // the binding first: Node 20 rethrows, uncaught, a binding that fails to load under an ES module
  const { default: sqlite3 } = await import('sqlite3').catch((error: Error) => {
    throw new Error(`the sqlite3 binding does not load (npm rebuild sqlite3): ${error.message}`, { cause: error });
  });
  const { getSQLiteEventStore, readMessagesBatch, SQLiteConnectionPool } = await import('@event-driven-io/emmett-sqlite');
  const fileName = join(dir, 'emmett.db');
  const pool = SQLiteConnectionPool({ fileName });
  const store = getSQLiteEventStore({ fileName, pool });
  await store.schema.migrate();
  const settings = await pool.withConnection(async (connection) => {
    const pragma = async (name: string) => Object.values((await connection.querySingle<object>(`PRAGMA ${name}`)) ?? {}).join();
    const synchronous = await pragma('synchronous');
    return `journal_mode=${await pragma('journal_mode')}, synchronous=${SYNCHRONOUS[synchronous] ?? synchronous}, busy_timeout=${await pragma('busy_timeout')} ms`;
  });
  const db = new sqlite3.Database(join(dir, 'raw-sqlite3.db'));
  const raw = await nodeSqlite3Raw(db);
  return {
    name: 'Emmett SQLite',
    store: {
      append: async (append) =>
        void (await store.appendToStream(append.stream, emmettEvents(append), { expectedStreamVersion: 0n })),
      readAll: (size) =>
        countEmmettPages(
          // a connection per page, as Emmett's own consumer reads
          (after) => pool.withConnection((connection) => readMessagesBatch(connection, { after, batchSize: size })),
          size,
        ),
    },
    raw,
    rawName: 'raw node-sqlite3',
    durability: `Emmett: ${settings} (WAL set by Emmett, the rest the sqlite3 binding's defaults), a new connection per call; raw: journal_mode=WAL, synchronous=FULL, one connection`,
    close: async () => {
      await pool.close();
      await new Promise<void>((resolve, reject) => db.close((error) => (error ? reject(error) : resolve())));
    },
  };
}

/** Inserts through node-sqlite3 on one connection: a multi-row INSERT, one transaction an append. */
async function nodeSqlite3Raw(db: Sqlite3Database): Promise<Peer> {
  const run = (sql: string, params: unknown[] = []) =>
    new Promise<void>((resolve, reject) => db.run(sql, params, (error) => (error ? reject(error) : resolve())));
  const all = (sql: string, params: unknown[]) =>
    new Promise<RawRow[]>((resolve, reject) =>
      db.all<RawRow>(sql, params, (error, rows) => (error ? reject(error) : resolve(rows))),
    );
  await run('PRAGMA journal_mode = WAL');
  await run('PRAGMA synchronous = FULL');
  await run(EVENTS);
  return {
    append: (append) => {
      const rows = rawRows(append);
      return run(INSERT + rows.map(() => '(?, ?, ?, ?, ?, ?)').join(', '), rows.flat());
    },
    readAll: async (size) => {
      let after = 0;
      let read = 0;
      for (;;) {
        const rows = await all(PAGE, [after, size]);
        read += rows.length;
        after = parsed(rows, after);
        if (rows.length < size) return read;
      }
    },
  };
}
