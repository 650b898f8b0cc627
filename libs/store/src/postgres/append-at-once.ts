import type pg from 'pg';
import type { EncodedAppend } from '../encoded-append';
import { planAppend } from '../plan-append';
import type { Outcome } from './planned-log';

/**
 * Appends whose every expectation holds, in one statement: the `timeline_append` function
 * (migration 2) takes the log's head lock, reads the head and each stream's last revision,
 * checks the expectations, inserts the events numbered after them and notifies, and the
 * statement's own transaction commits. One round trip, where a transaction of its own takes
 * four (begin and lock, read, insert, commit).
 *
 * It answers nothing, having stored nothing, when an expectation fails, or when the appends
 * cannot be planned independently (a stream named twice, an append of no events): planned one
 * after another in a transaction, they may be a retry to recognise, or fail one by one. Where it
 * stores, the results are planned here from the head and revisions it read, by the rule its
 * insert follows: positions after the head in order, each stream's revisions after its last.
 */
export async function appendAtOnce(client: pg.PoolClient, appends: EncodedAppend[][]): Promise<Outcome[] | undefined> {
  const requests = appends.flat();
  const streams = requests.map((request) => request.stream);
  if (
    new Set(streams).size !== streams.length ||
    requests.some((request) => request.events.length === 0 || !checkedAlike(request.expected))
  )
    return undefined;
  const events = requests.flatMap((request, i) => request.events.map((event, k) => ({ event, request: i + 1, k })));
  const { rows } = await client.query<{ stored: string | null }>(
    'SELECT timeline_append($1::text[], $2::text[], $3::integer[], $4::integer[], $5::text[], $6::text[], $7::json[], $8::json[]) AS stored',
    [
      streams,
      requests.map((request) => String(request.expected)),
      events.map((e) => e.request),
      events.map((e) => e.k),
      events.map((e) => e.event.eventId),
      events.map((e) => e.event.type),
      events.map((e) => e.event.data),
      events.map((e) => e.event.metadata),
    ],
  );
  const stored = rows[0]?.stored;
  if (!stored) return undefined;
  const [headBefore = '0', lastsBefore = ''] = stored.split(':');
  const lastRevisions = lastsBefore.split(',');
  const lasts = new Map(
    streams.map((stream, i) => [stream, lastRevisions[i] ? Number(lastRevisions[i]) : ('no_stream' as const)]),
  );
  let head = Number(headBefore);
  return appends.map((append): Outcome => {
    const plan = planAppend(append, { lastRevision: (stream) => lasts.get(stream) ?? 'no_stream', eventsFrom: () => [] }, head);
    head += append.reduce((sum, request) => sum + request.events.length, 0);
    return { ok: true, results: plan.results };
  });
}

/**
 * An expectation the function checks exactly as `meetsExpectation` does: a revision from 0 up to
 * what an `integer` column holds, or one of the three states. Any other value (which the port's
 * type does not allow, but a caller might send) goes the transaction's way, so that nothing the
 * function stored could then fail to plan here.
 */
function checkedAlike(expected: unknown): boolean {
  if (expected === 'any' || expected === 'no_stream' || expected === 'exists') return true;
  return typeof expected === 'number' && Number.isSafeInteger(expected) && expected >= 0 && expected < 2 ** 31 - 1;
}
