import { meetsExpectation, WrongExpectedState, type AppendResult, type ExpectedState } from './event-store.port';

/** An append to one stream, with its events in whatever form the store will write them. */
export interface PlannableAppend<E extends { eventId: string }> {
  stream: string;
  expected: ExpectedState;
  events: E[];
}

/** What planning needs of the stored log: a stream's head, and its events only to recognise a retry. */
export interface StoredStreams {
  /** Revision of the stream's last event, or `no_stream`. */
  lastRevision(stream: string): number | 'no_stream';
  /** Up to `count` of the stream's events from revision `from` on, in order. */
  eventsFrom(stream: string, from: number, count: number): { eventId: string; revision: number; position: number }[];
}

/** An event given its place: its stream, its revision there and its position in the log. */
export interface PlannedEvent<E> {
  stream: string;
  revision: number;
  position: number;
  event: E;
}

export type AppendPlan<E> =
  { kind: 'stored'; results: AppendResult[] } | { kind: 'append'; events: PlannedEvent<E>[]; results: AppendResult[] };

/**
 * Checks every stream's expectation and numbers the new events, for stores that hold the log
 * themselves. An append whose events already sit at the expected revisions with the same ids is
 * a retry: it answers what was stored. Throws `WrongExpectedState` otherwise. A stream's stored
 * events are read only when its expectation fails, the one case where the append may be a retry.
 */
export function planAppend<E extends { eventId: string }>(
  requests: PlannableAppend<E>[],
  log: StoredStreams,
  lastPosition: number,
): AppendPlan<E> {
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.stream)) throw new Error(`stream "${request.stream}" appears twice in one append`);
    seen.add(request.stream);
  }
  const actuals = requests.map((request) => log.lastRevision(request.stream));
  const unmet = requests.findIndex((request, i) => !meetsExpectation(request.expected, actuals[i] ?? 'no_stream'));
  if (unmet >= 0) {
    const failed = requests[unmet];
    const failure = new WrongExpectedState(failed?.stream ?? '', failed?.expected ?? 'any', actuals[unmet] ?? 'no_stream');
    return { kind: 'stored', results: storedRetry(requests, failure, log) };
  }

  let position = lastPosition;
  const events: PlannedEvent<E>[] = [];
  const results = requests.map((request, i): AppendResult => {
    const actual = actuals[i] ?? 'no_stream';
    const first = actual === 'no_stream' ? 0 : actual + 1;
    const positions: number[] = [];
    request.events.forEach((event, j) => {
      position += 1;
      positions.push(position);
      events.push({ stream: request.stream, revision: first + j, position, event });
    });
    return { stream: request.stream, revision: first + request.events.length - 1, positions };
  });
  return { kind: 'append', events, results };
}

/**
 * The stored result of an append that failed an expectation, when every stream of it already
 * holds its events at the expected revisions (a retry); otherwise the first failure is thrown.
 */
function storedRetry<E extends { eventId: string }>(
  requests: PlannableAppend<E>[],
  failure: WrongExpectedState,
  log: StoredStreams,
): AppendResult[] {
  const results: AppendResult[] = [];
  for (const request of requests) {
    const stored = storedResult(request, log);
    if (!stored) throw failure;
    results.push(stored);
  }
  return results;
}

function storedResult<E extends { eventId: string }>(request: PlannableAppend<E>, log: StoredStreams): AppendResult | undefined {
  if (typeof request.expected !== 'number' && request.expected !== 'no_stream') return undefined;
  if (request.events.length === 0) return undefined;
  const first = request.expected === 'no_stream' ? 0 : request.expected + 1;
  const stored = log.eventsFrom(request.stream, first, request.events.length);
  if (stored.length !== request.events.length) return undefined;
  if (!stored.every((event, i) => event.eventId === request.events[i]?.eventId)) return undefined;
  const last = stored.at(-1);
  if (!last) return undefined;
  return { stream: request.stream, revision: last.revision, positions: stored.map((e) => e.position), alreadyStored: true };
}
