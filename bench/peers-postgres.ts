import type { Pool } from 'pg';
import { emmettEvents, rawRows, type Peer, type PeerPair } from './peer';
import { countEmmettPages } from './peer-workloads';
import { benchDatabase } from './postgres-database';

/**
 * Emmett's PostgreSQL event store beside raw `pg` inserts, in a database made for the run on the
 * server at `serverUrl` and dropped when the pair is closed. Both write through a pool of pg's
 * default size (10).
 */
export async function emmettPostgresPair(serverUrl: string): Promise<PeerPair> {
  const { default: pg } = await import('pg');
  const database = await benchDatabase(serverUrl, `bench_peers_${process.pid}`);
  try {
    const connectionString = database.url;
    const durability = `synchronous_commit=${await database.show('synchronous_commit')}, fsync=${await database.show('fsync')} (SHOW), for Emmett and raw alike, each through a pool of 10 connections`;
    const { getPostgreSQLEventStore, readMessagesBatch } = await import('@event-driven-io/emmett-postgresql');
    const { dumbo, endPool } = await import('@event-driven-io/dumbo');
    const store = getPostgreSQLEventStore(connectionString);
    await store.schema.migrate();
    // the same pool as the store's: Emmett's pools are shared by connection string
    const reader = dumbo({ connectionString });
    const pool = new pg.Pool({ connectionString });
    const raw = await pgRaw(pool);
    return {
      name: 'Emmett PostgreSQL',
      store: {
        append: async (append) =>
          void (await store.appendToStream(append.stream, emmettEvents(append), { expectedStreamVersion: 0n })),
        readAll: (size) => countEmmettPages((after) => readMessagesBatch(reader.execute, { after, batchSize: size }), size),
      },
      raw,
      rawName: 'raw pg',
      durability,
      close: async () => {
        await store.close();
        await reader.close();
        // the store takes its shared pool more than once and gives it back once: end it outright
        await endPool({ connectionString, force: true });
        await pool.end();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Inserts through `pg`: a multi-row INSERT, one transaction an append; JSON stored as jsonb as Emmett stores it. */
async function pgRaw(pool: Pool): Promise<Peer> {
  await pool.query(
    'CREATE TABLE events (position BIGSERIAL PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data JSONB NOT NULL, metadata JSONB NOT NULL, UNIQUE (stream, revision))',
  );
  return {
    append: async (append) => {
      const rows = rawRows(append);
      const values = rows.map(
        (_, i) => `($${i * 6 + 1}, $${i * 6 + 2}, $${i * 6 + 3}, $${i * 6 + 4}, $${i * 6 + 5}, $${i * 6 + 6})`,
      );
      await pool.query(
        `INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES ${values.join(', ')}`,
        rows.flat(),
      );
    },
    readAll: async (size) => {
      let after = '0';
      let read = 0;
      for (;;) {
        const { rows } = await pool.query<{ position: string | bigint }>(
          'SELECT * FROM events WHERE position > $1 ORDER BY position LIMIT $2',
          [after, size],
        );
        read += rows.length;
        if (rows.length < size) return read;
        after = String(rows.at(-1)!.position);
      }
    },
  };
}
