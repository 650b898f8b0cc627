import type pg from 'pg';
import { meetsExpectation, type AppendResult } from '../event-store.port';
import type { EncodedAppend, EncodedEvent } from '../encoded-append';
import { planAppend, type PlannedEvent } from '../plan-append';

/** What one append of a shared transaction answers. */
export type Outcome = { ok: true; results: AppendResult[] } | { ok: false; error: unknown };

interface StoredPlace {
  stream: string;
  eventId: string;
  revision: number;
  position: number;
}

/**
 * The log as the appends of one transaction see it: what was committed, read under the head
 * lock, and the events the appends before them in the transaction planned. Each append is
 * planned on it in turn, so appends sharing a commit check their expectations, and number their
 * events, exactly as if they had committed one after another.
 */
export class PlannedLog {
  readonly planned: PlannedEvent<EncodedEvent>[] = [];

  private constructor(
    private readonly client: pg.PoolClient,
    private head: number,
    private readonly last: Map<string, number | 'no_stream'>,
  ) {}

  /** Reads the head and the last revision of every stream the appends name. */
  static async read(client: pg.PoolClient, appends: EncodedAppend[][]): Promise<PlannedLog> {
    const streams = [...new Set(appends.flat().map((request) => request.stream))];
    const { rows } = await client.query<{ head: number; revisions: (number | null)[] }>(
      `SELECT (SELECT coalesce(max(position), 0) FROM events) AS head,
              array(SELECT (SELECT e.revision FROM events e WHERE e.stream = s.stream ORDER BY e.revision DESC LIMIT 1)
                    FROM unnest($1::text[]) WITH ORDINALITY AS s(stream, i) ORDER BY s.i) AS revisions`,
      [streams],
    );
    const row = rows[0];
    const last = new Map(streams.map((stream, i) => [stream, row?.revisions[i] ?? ('no_stream' as const)]));
    return new PlannedLog(client, row?.head ?? 0, last);
  }

  /** Plans one append after those planned before it; a failed expectation fails it alone. */
  async plan(requests: EncodedAppend[]): Promise<Outcome> {
    const lastRevision = (stream: string) => this.last.get(stream) ?? 'no_stream';
    // a stream's stored events are read only when an expectation fails: the one case of a retry
    const met = requests.every((request) => meetsExpectation(request.expected, lastRevision(request.stream)));
    const stored = met ? [] : await this.eventsWhereExpected(requests);
    try {
      const plan = planAppend(
        requests,
        {
          lastRevision,
          eventsFrom: (stream, from, count) => stored.filter((e) => e.stream === stream && e.revision >= from).slice(0, count),
        },
        this.head,
      );
      if (plan.kind === 'append') {
        this.planned.push(...plan.events);
        for (const result of plan.results) this.last.set(result.stream, result.revision);
        this.head = plan.events.at(-1)?.position ?? this.head;
      }
      return { ok: true, results: plan.results };
    } catch (error) {
      return { ok: false, error };
    }
  }

  /** The events, committed or planned, at the revisions each append expected to write, in order. */
  private async eventsWhereExpected(requests: EncodedAppend[]): Promise<StoredPlace[]> {
    const ranges = requests.flatMap((request) => {
      if (typeof request.expected !== 'number' && request.expected !== 'no_stream') return [];
      const first = request.expected === 'no_stream' ? 0 : request.expected + 1;
      return [{ stream: request.stream, first, end: first + request.events.length }];
    });
    if (!ranges.length) return [];
    const { rows } = await this.client.query<StoredPlace>(
      `SELECT e.stream, e.event_id AS "eventId", e.revision, e.position
       FROM unnest($1::text[], $2::integer[], $3::integer[]) AS r(stream, first, last)
       JOIN events e ON e.stream = r.stream AND e.revision >= r.first AND e.revision < r.last`,
      [ranges.map((r) => r.stream), ranges.map((r) => r.first), ranges.map((r) => r.end)],
    );
    const planned = this.planned
      .filter((p) => ranges.some((r) => r.stream === p.stream && p.revision >= r.first && p.revision < r.end))
      .map((p) => ({ stream: p.stream, eventId: p.event.eventId, revision: p.revision, position: p.position }));
    return [...rows, ...planned].sort((a, b) => a.position - b.position);
  }
}
