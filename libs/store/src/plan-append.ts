import { meetsExpectation, WrongExpectedState, type AppendResult, type StoredEvent, type StreamAppend } from './event-store.port';

export type AppendPlan =
  { kind: 'stored'; results: AppendResult[] } | { kind: 'append'; events: StoredEvent[]; results: AppendResult[] };

/**
 * Checks every stream's expectation and numbers the new events, for stores that hold the log
 * themselves. An append whose events already sit at the expected revisions with the same ids is
 * a retry: it answers what was stored. Throws `WrongExpectedState` otherwise.
 */
export function planAppend(
  requests: StreamAppend[],
  streamEvents: (stream: string) => StoredEvent[],
  lastPosition: number,
): AppendPlan {
  const seen = new Set<string>();
  for (const request of requests) {
    if (seen.has(request.stream)) throw new Error(`stream "${request.stream}" appears twice in one append`);
    seen.add(request.stream);
  }
  const retried = requests.map((request) => storedRetry(request, streamEvents(request.stream)));
  if (retried.every((r) => r !== undefined)) return { kind: 'stored', results: retried };

  let position = lastPosition;
  const events: StoredEvent[] = [];
  const results = requests.map((request): AppendResult => {
    const existing = streamEvents(request.stream);
    const actual = existing.length ? existing.length - 1 : 'no_stream';
    if (!meetsExpectation(request.expected, actual)) throw new WrongExpectedState(request.stream, request.expected, actual);
    const positions: number[] = [];
    request.events.forEach((event, i) => {
      position += 1;
      positions.push(position);
      events.push({ ...event, stream: request.stream, revision: existing.length + i, position });
    });
    return { stream: request.stream, revision: existing.length + request.events.length - 1, positions };
  });
  return { kind: 'append', events, results };
}

function storedRetry(request: StreamAppend, existing: StoredEvent[]): AppendResult | undefined {
  if (typeof request.expected !== 'number' && request.expected !== 'no_stream') return undefined;
  const first = request.expected === 'no_stream' ? 0 : request.expected + 1;
  const stored = existing.slice(first, first + request.events.length);
  if (stored.length !== request.events.length || stored.length === 0) return undefined;
  if (!stored.every((event, i) => event.eventId === request.events[i]?.eventId)) return undefined;
  const last = stored.at(-1);
  if (!last) return undefined;
  return { stream: request.stream, revision: last.revision, positions: stored.map((e) => e.position) };
}
