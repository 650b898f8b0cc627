import type pg from 'pg';
import { meetsExpectation, type AppendResult } from '../event-store.port';
import type { EncodedAppend } from '../encoded-append';
import { planAppend, type StoredStreams } from '../plan-append';

/** The channel every append notifies on commit; its payload is the new head. */
export const LOG_CHANNEL = 'timeline_log';

/**
 * The transaction-level advisory lock on the log's head. Every append takes it before it reads
 * the head and holds it until it commits, so appends commit one at a time in position order.
 */
const LOG_HEAD_LOCK = 7_306_002;

/**
 * One append as one transaction: take the head lock, check every stream's expectation against
 * the committed log, insert the events at the positions after the head, notify, commit. A retry
 * of a stored append, or a failed expectation, ends in a rollback and stores nothing.
 */
export async function appendInTransaction(pool: pg.Pool, requests: EncodedAppend[]): Promise<AppendResult[]> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    // The lock is its own statement, ahead of the reads: under READ COMMITTED each statement sees
    // what was committed when it began, so every read after it sees the previous holder's events.
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOG_HEAD_LOCK})`);
    const plan = planAppend(requests, await storedStreams(client, requests), await head(client));
    if (plan.kind === 'append') {
      await client.query(
        `WITH inserted AS (
           INSERT INTO events (position, stream, revision, event_id, type, data, metadata)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::json[], $7::json[])
           RETURNING position
         )
         SELECT pg_notify('${LOG_CHANNEL}', max(position)::text) FROM inserted`,
        [
          plan.events.map((e) => e.position),
          plan.events.map((e) => e.stream),
          plan.events.map((e) => e.revision),
          plan.events.map((e) => e.event.eventId),
          plan.events.map((e) => e.event.type),
          plan.events.map((e) => e.event.data),
          plan.events.map((e) => e.event.metadata),
        ],
      );
    }
    await client.query(plan.kind === 'append' ? 'COMMIT' : 'ROLLBACK');
    return plan.results;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackFailure: Error) => (broken = rollbackFailure));
    throw error;
  } finally {
    client.release(broken);
  }
}

async function head(client: pg.PoolClient): Promise<number> {
  const { rows } = await client.query<{ head: number }>('SELECT coalesce(max(position), 0) AS head FROM events');
  return rows[0]?.head ?? 0;
}

/**
 * What planning reads of the log, read before planning: each stream's last revision, and, only
 * when an expectation fails (the one case where the append may be a retry), the events stored
 * where the append expected to put its own.
 */
async function storedStreams(client: pg.PoolClient, requests: EncodedAppend[]): Promise<StoredStreams> {
  const streams = requests.map((request) => request.stream);
  const { rows } = await client.query<{ stream: string; revision: number | null }>(
    `SELECT s.stream,
            (SELECT e.revision FROM events e WHERE e.stream = s.stream ORDER BY e.revision DESC LIMIT 1) AS revision
     FROM unnest($1::text[]) AS s(stream)`,
    [streams],
  );
  const last = new Map(rows.map((row) => [row.stream, row.revision ?? ('no_stream' as const)]));
  const lastRevision = (stream: string) => last.get(stream) ?? 'no_stream';
  const stored = requests.every((request) => meetsExpectation(request.expected, lastRevision(request.stream)))
    ? []
    : await eventsWhereExpected(client, requests);
  return {
    lastRevision,
    eventsFrom: (stream, from, count) => stored.filter((e) => e.stream === stream && e.revision >= from).slice(0, count),
  };
}

interface StoredPlace {
  stream: string;
  eventId: string;
  revision: number;
  position: number;
}

/** The stored events at the revisions each append expected to write, in stream and revision order. */
async function eventsWhereExpected(client: pg.PoolClient, requests: EncodedAppend[]): Promise<StoredPlace[]> {
  const expected = requests.flatMap((request) => {
    if (typeof request.expected !== 'number' && request.expected !== 'no_stream') return [];
    const first = request.expected === 'no_stream' ? 0 : request.expected + 1;
    return [{ stream: request.stream, first, count: request.events.length }];
  });
  if (!expected.length) return [];
  const { rows } = await client.query<StoredPlace>(
    `SELECT e.stream, e.event_id AS "eventId", e.revision, e.position
     FROM unnest($1::text[], $2::integer[], $3::integer[]) AS r(stream, first, count)
     JOIN events e ON e.stream = r.stream AND e.revision >= r.first AND e.revision < r.first + r.count
     ORDER BY e.stream, e.revision`,
    [expected.map((e) => e.stream), expected.map((e) => e.first), expected.map((e) => e.count)],
  );
  return rows;
}
