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
  {
    version: 2,
    name: 'appends in one round trip',
    // See append-at-once.ts. Each statement of a volatile function takes a snapshot of its own,
    // so the reads after the lock see every append committed before it was granted.
    sql: `
      CREATE FUNCTION timeline_append(
        streams text[], expected text[],
        requests integer[], offsets integer[], event_ids text[], types text[], data json[], metadata json[]
      ) RETURNS text LANGUAGE plpgsql AS $fn$
      DECLARE
        head bigint;
        last integer;
        lasts integer[] := '{}';
        firsts integer[] := '{}';
      BEGIN
        PERFORM pg_advisory_xact_lock(7306002);
        SELECT coalesce(max(position), 0) INTO head FROM events;
        FOR i IN 1 .. cardinality(streams) LOOP
          last := (SELECT e.revision FROM events e WHERE e.stream = streams[i] ORDER BY e.revision DESC LIMIT 1);
          -- a comparison with no stream's NULL is NULL, not false: coalesce it to unmet
          IF NOT coalesce(expected[i] = 'any'
               OR (expected[i] = 'no_stream' AND last IS NULL)
               OR (expected[i] = 'exists' AND last IS NOT NULL)
               OR (expected[i] ~ '^[0-9]+$' AND last = expected[i]::integer), false) THEN
            RETURN NULL;
          END IF;
          lasts[i] := last;
          firsts[i] := coalesce(last + 1, 0);
        END LOOP;
        -- event n of the call is request requests[n]'s event offsets[n]
        INSERT INTO events (position, stream, revision, event_id, type, data, metadata)
        SELECT head + e.n, streams[e.request], firsts[e.request] + e.k, e.event_id, e.type, e.data, e.metadata
        FROM unnest(requests, offsets, event_ids, types, data, metadata)
          WITH ORDINALITY AS e(request, k, event_id, type, data, metadata, n);
        PERFORM pg_notify('timeline_log', (head + cardinality(event_ids))::text);
        -- the head and each stream's last revision before, empty for none: "12:3,,0"
        RETURN head || ':' || array_to_string(lasts, ',', '');
      END
      $fn$`,
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
