import { CLAIM, KEY, load, type LoadResult } from './http.bench';
import type { Result } from './measure';
import type { ServerProcess } from './server-process';

export interface Hammering {
  /** Anonymous clients, each from a loopback address of its own, each with 4 requests in flight. */
  clients: number;
  seconds: number;
  /** The day of the views asked for, and a log position to ask them as known at. */
  day: string;
  knownAt: number;
}

/**
 * Writes (20 a second, with a key) and cheap reads (a day's control map now, 50 a second) at a
 * steady rate, first alone, then while anonymous clients hammer views as known at a past position
 * and exports: each one's p99 under the hammering beside its p99 alone.
 */
export async function expensiveReadsHammered(server: ServerProcess, hammering: Hammering): Promise<Result[]> {
  const { clients, seconds, day, knownAt } = hammering;
  const base = { url: server.url, mode: 'rate', seconds };
  const writes = {
    ...base,
    method: 'POST',
    path: '/campaigns/synthetic/claims',
    body: CLAIM,
    unique: 'UNIQUE',
    headers: { authorization: `Bearer ${KEY}` },
    rps: 20,
  };
  const cheapReads = { ...base, method: 'GET', path: `/campaigns/synthetic/control?day=${day}`, rps: 50 };
  // the service warms its caches after start: measure once that is done
  await Promise.all([load({ ...cheapReads, seconds: 3 }), load({ ...writes, seconds: 3 })]);
  const [writesAlone, readsAlone] = await Promise.all([load(writes), load(cheapReads)]);
  const hammer = (i: number) =>
    load({
      url: server.url,
      method: 'GET',
      path:
        i % 4 === 3 ? `/campaigns/synthetic/export?format=csv` : `/campaigns/synthetic/control?day=${day}&knownAt=${knownAt + i}`,
      mode: 'closed',
      concurrency: 4,
      seconds,
      localAddress: `127.0.0.${10 + i}`,
      // hammering clients stand for clients elsewhere: on a 2-core machine, eight processes sending
      // as fast as they can would otherwise measure the machine's CPU, not what the service isolates
      lowPriority: true,
    });
  const [writesHammered, readsHammered, ...hammers] = await Promise.all([
    load(writes),
    load(cheapReads),
    ...Array.from({ length: clients }, (_, i) => hammer(i)),
  ]);
  const hammered = sumStatuses(hammers);
  const line = (what: string, alone: LoadResult, loaded: LoadResult): Result => {
    const ratio = loaded.p99 / alone.p99;
    return {
      name: `${what} while ${clients} anonymous clients hammer views as known at and exports`,
      value: loaded.p99,
      unit: 'ms p99',
      reference: `the same alone (p99 ${alone.p99.toFixed(1)} ms)`,
      referenceValue: alone.p99,
      ratio,
      target: 'p99 kept (≤ 1.5x)',
      met: ratio <= 1.5,
      notes: `statuses ${JSON.stringify(loaded.statuses)}; the hammering got ${JSON.stringify(hammered)}, its processes at the lowest CPU priority (clients elsewhere)`,
    };
  };
  return [
    line('writes, 20/s', writesAlone, writesHammered),
    line("cheap reads (a day's map now), 50/s", readsAlone, readsHammered),
  ];
}

function sumStatuses(results: LoadResult[]): Record<string, number> {
  const sum: Record<string, number> = {};
  for (const { statuses } of results) for (const [status, n] of Object.entries(statuses)) sum[status] = (sum[status] ?? 0) + n;
  return sum;
}
