import type pg from 'pg';
import type { EncodedAppend } from '../encoded-append';
import { appendAtOnce } from './append-at-once';
import { withConnection } from './connection';
import { PlannedLog, type Outcome } from './planned-log';

/** The channel every append notifies on commit; its payload is the new head. */
export const LOG_CHANNEL = 'timeline_log';

/**
 * The transaction-level advisory lock on the log's head. Every append transaction takes it
 * before it reads the head and holds it until it commits, so transactions commit one at a time
 * in position order.
 */
const LOG_HEAD_LOCK = 7_306_002;

/**
 * Appends made together as one transaction: in one statement where every expectation holds
 * (`appendAtOnce`); otherwise take the head lock, plan each append in turn on the
 * committed log (a failed expectation fails that append alone), insert every planned event,
 * notify, commit — one commit, one flush to disk, for all of them. Answers one outcome per append.
 */
export function appendTogether(pool: pg.Pool, appends: EncodedAppend[][]): Promise<Outcome[]> {
  return withConnection(pool, async (client) => {
    const atOnce = await appendAtOnce(client, appends);
    if (atOnce) return atOnce;
    // The lock is its own statement, ahead of the reads: under READ COMMITTED each statement sees
    // what was committed when it began, so every read after it sees the previous holder's events.
    await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${LOG_HEAD_LOCK})`);
    const log = await PlannedLog.read(client, appends);
    const outcomes: Outcome[] = [];
    for (const requests of appends) outcomes.push(await log.plan(requests));
    const events = log.planned;
    if (events.length) {
      await client.query(
        `WITH inserted AS (
           INSERT INTO events (position, stream, revision, event_id, type, data, metadata)
           SELECT * FROM unnest($1::bigint[], $2::text[], $3::integer[], $4::text[], $5::text[], $6::json[], $7::json[])
           RETURNING position
         )
         SELECT pg_notify('${LOG_CHANNEL}', max(position)::text) FROM inserted`,
        [
          events.map((e) => e.position),
          events.map((e) => e.stream),
          events.map((e) => e.revision),
          events.map((e) => e.event.eventId),
          events.map((e) => e.event.type),
          events.map((e) => e.event.data),
          events.map((e) => e.event.metadata),
        ],
      );
    }
    await client.query(events.length ? 'COMMIT' : 'ROLLBACK');
    return outcomes;
  });
}

/**
 * Appends made together, each answered alone: when the shared transaction fails on what one of
 * them holds (an event the database refuses), each is tried again in a transaction of its own,
 * so only that one fails. Any other failure (the connection lost, perhaps after the commit)
 * fails them all: trying again could store twice an append that expects `any`.
 */
export async function appendEachAnswered(pool: pg.Pool, appends: EncodedAppend[][]): Promise<Outcome[]> {
  try {
    return await appendTogether(pool, appends);
  } catch (error) {
    if (appends.length === 1 || !refusedData(error)) return appends.map(() => ({ ok: false, error }));
    const outcomes: Outcome[] = [];
    for (const requests of appends) {
      const [outcome] = await appendTogether(pool, [requests]).catch((alone: unknown) => [{ ok: false, error: alone } as const]);
      outcomes.push(outcome ?? { ok: false, error: new Error('the append transaction gave no outcome') });
    }
    return outcomes;
  }
}

/** SQLSTATE classes 22 (data exception) and 23 (integrity constraint violation): raised before commit. */
function refusedData(error: unknown): boolean {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && /^2[23]/.test(code);
}
