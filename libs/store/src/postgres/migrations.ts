import type pg from 'pg';

/**
 * The schema, one version after another. A version once released is never edited: a change is a
 * new version. Each runs in a transaction of its own with its row in `schema_migrations`.
 */
const MIGRATIONS: readonly { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'the log',
    sql: `
      CREATE TABLE events (
        position    bigint      PRIMARY KEY,
        stream      text        NOT NULL,
        revision    integer     NOT NULL,
        event_id    text        NOT NULL,
        type        text        NOT NULL,
        data        json        NOT NULL,
        metadata    json        NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT events_stream_revision UNIQUE (stream, revision)
      )`,
  },
];

/** Session-level advisory lock held while migrating: instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_306_001;

/** Brings the database's schema up to the newest version; answers the versions it applied. */
export async function migrate(pool: pg.Pool): Promise<number[]> {
  const client = await pool.connect();
  let failure: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`
      CREATE TABLE IF NOT EXISTS schema_migrations (
        version    integer     PRIMARY KEY,
        name       text        NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`);
    const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations');
    const applied = new Set(rows.map((row) => row.version));
    const applying = MIGRATIONS.filter((migration) => !applied.has(migration.version));
    for (const migration of applying) {
      await client.query('BEGIN');
      try {
        // a migration may rebuild an index over the whole log: the session's statement limit is not for it
        await client.query('SET LOCAL statement_timeout = 0');
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
    }
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    return applying.map((migration) => migration.version);
  } catch (error) {
    // a connection left mid-migration is closed, not reused: closing it also frees the lock
    failure = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    client.release(failure);
  }
}
