import type pg from 'pg';
import { withConnection } from './connection';

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

/**
 * Brings the database's schema up to the newest version; answers the versions it applied. A
 * failure closes the connection, which rolls the migration back and frees the lock.
 */
export function migrate(pool: pg.Pool): Promise<number[]> {
  return withConnection(pool, async (client) => {
    // waiting for another instance's migration, or running one that rebuilds an index over the
    // whole log, may take longer than the session's statement limit, which is not for them
    await client.query('SET statement_timeout = 0');
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
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name]);
      await client.query('COMMIT');
    }
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    await client.query('RESET statement_timeout');
    return applying.map((migration) => migration.version);
  });
}
