import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { clusterProgramsInstalled, startThrowawayCluster, type ThrowawayCluster } from '@timeline/testing';
import { waitFor } from '../contract/event-store.contract';
import type { AppendResult, EventToAppend, StoredEvent } from '../event-store.port';
import { PostgresEventStore } from './postgres.store';

const event = (type: string): EventToAppend => ({ eventId: randomUUID(), type, data: {}, metadata: {} });

/** Tries an append until the server takes it: the first tries after a restart may meet closed connections. */
async function appendOnceUp(append: () => Promise<AppendResult[]>): Promise<AppendResult[]> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const results = await append().catch(() => undefined);
    if (results) return results;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the store took no append in 10 s after the restart');
}

describe('PostgreSQL store: the server restarts', () => {
  if (!clusterProgramsInstalled()) {
    const message = 'the PostgreSQL server programs are not installed (set PG_BIN to their folder)';
    if (process.env.REQUIRE_POSTGRES === '1') throw new Error(message);
    console.warn(`[postgres] SKIPPED: ${message}`);
    it.skip(`SKIPPED: ${message}`, () => undefined);
    return;
  }
  let cluster: ThrowawayCluster | undefined;
  const stores: PostgresEventStore[] = [];
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    cluster?.remove();
  });

  it('given a subscription, when the server is stopped and started again, then appends go on and the subscription receives them, its own and another instance’s', async () => {
    cluster = await startThrowawayCluster();
    const errors: unknown[] = [];
    // polling is slower than the test waits: what arrives comes through the renewed LISTEN
    const store = await PostgresEventStore.open(cluster.url, { pollMs: 60_000, onError: (e) => errors.push(e) });
    const other = await PostgresEventStore.open(cluster.url, { onError: () => undefined });
    stores.push(store, other);
    const seen: StoredEvent[] = [];
    const subscription = store.subscribe(0, (events) => void seen.push(...events));
    await subscription.caughtUp;
    await store.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
    await waitFor(() => seen.length === 1);

    cluster.stop();
    await expect(store.append([{ stream: 'x', expected: 0, events: [event('Refused')] }])).rejects.toThrow();
    cluster.start();

    await appendOnceUp(() => other.append([{ stream: 'x', expected: 0, events: [event('B')] }]));
    await waitFor(() => seen.length === 2, 15_000);
    await appendOnceUp(() => store.append([{ stream: 'y', expected: 'no_stream', events: [event('C')] }]));
    await waitFor(() => seen.length === 3);
    await subscription.close();
    expect(seen.map((e) => [e.type, e.position])).toEqual([
      ['A', 1],
      ['B', 2],
      ['C', 3],
    ]);
    expect(errors.length).toBeGreaterThan(0);
  }, 120_000);
});
