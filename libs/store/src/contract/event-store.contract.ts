import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { WrongExpectedState, type EventStore, type EventToAppend, type StoredEvent } from '../event-store.port';

/**
 * The behaviour every event store adapter must show. `open` gives a fresh, empty store (or,
 * for a shared server, one whose streams no other test uses: streams are prefixed per run).
 */
export function eventStoreContract(name: string, open: () => Promise<EventStore>, options: { sharedLog?: boolean } = {}) {
  describe(`event store contract: ${name}`, () => {
    let store: EventStore;
    const run = randomUUID().slice(0, 8);
    const stream = (s: string) => `${s}-${run}`;
    const event = (type: string, data: unknown = {}): EventToAppend => ({
      eventId: randomUUID(),
      type,
      data,
      metadata: { campaignId: 'c', actor: 'test', schemaVersion: 1 },
    });
    const mine = (events: StoredEvent[]) => events.filter((e) => e.stream.endsWith(run));

    beforeEach(async () => {
      store = await open();
    });
    afterEach(async () => {
      await store.close();
    });

    it('given an empty stream, when appending with no_stream, then the events get revisions from 0 and increasing positions', async () => {
      const [result] = await store.append([
        { stream: stream('claim-a'), expected: 'no_stream', events: [event('A', { n: 1 }), event('B', { n: 2 })] },
      ]);
      expect(result?.revision).toBe(1);
      const events = await store.readStream(stream('claim-a'));
      expect(events.map((e) => [e.type, e.revision, e.data])).toEqual([
        ['A', 0, { n: 1 }],
        ['B', 1, { n: 2 }],
      ]);
      expect(events[1]?.position).toBeGreaterThanOrEqual(events[0]?.position ?? Infinity);
      expect(events[0]?.metadata).toMatchObject({ campaignId: 'c', actor: 'test', schemaVersion: 1 });
    });

    it('given a stream at revision 0, when appending at a stale revision, then it fails and stores nothing', async () => {
      await store.append([{ stream: stream('claim-b'), expected: 'no_stream', events: [event('A')] }]);
      await store.append([{ stream: stream('claim-b'), expected: 0, events: [event('B')] }]);
      await expect(store.append([{ stream: stream('claim-b'), expected: 0, events: [event('C')] }])).rejects.toBeInstanceOf(
        WrongExpectedState,
      );
      await expect(
        store.append([{ stream: stream('claim-b'), expected: 'no_stream', events: [event('C')] }]),
      ).rejects.toBeInstanceOf(WrongExpectedState);
      expect((await store.readStream(stream('claim-b'))).map((e) => e.type)).toEqual(['A', 'B']);
    });

    it('given no stream, when appending with exists or a revision, then it fails', async () => {
      await expect(
        store.append([{ stream: stream('claim-none'), expected: 'exists', events: [event('A')] }]),
      ).rejects.toBeInstanceOf(WrongExpectedState);
      await expect(store.append([{ stream: stream('claim-none'), expected: 0, events: [event('A')] }])).rejects.toBeInstanceOf(
        WrongExpectedState,
      );
      expect(await store.readStream(stream('claim-none'))).toEqual([]);
    });

    it('when the same append is sent twice with the same event ids, then it is stored once', async () => {
      const events = [event('A', { n: 1 })];
      const first = await store.append([{ stream: stream('claim-retry'), expected: 'no_stream', events }]);
      const second = await store.append([{ stream: stream('claim-retry'), expected: 'no_stream', events }]);
      expect(second[0]?.revision).toBe(first[0]?.revision);
      expect(await store.readStream(stream('claim-retry'))).toHaveLength(1);
      expect(first[0]?.alreadyStored).toBeUndefined();
      // KurrentDB deduplicates without saying so
      if (store.kind !== 'kurrentdb') expect(second[0]).toMatchObject({ positions: first[0]?.positions, alreadyStored: true });
    });

    it('when a batch over several streams has one stale expectation, then none of it is stored', async () => {
      await store.append([{ stream: stream('claim-x'), expected: 'no_stream', events: [event('A')] }]);
      const head = await store.headPosition();
      await expect(
        store.append([
          { stream: stream('claim-y'), expected: 'no_stream', events: [event('A')] },
          { stream: stream('claim-x'), expected: 'no_stream', events: [event('B')] },
        ]),
      ).rejects.toBeInstanceOf(WrongExpectedState);
      expect(await store.readStream(stream('claim-y'))).toEqual([]);
      if (!options.sharedLog) expect(await store.headPosition()).toBe(head);
    });

    it('when a batch over several streams is appended, then every stream has its events', async () => {
      const results = await store.append([
        { stream: stream('claim-p'), expected: 'no_stream', events: [event('A')] },
        { stream: stream('claim-q'), expected: 'no_stream', events: [event('B'), event('C')] },
      ]);
      expect(results.map((r) => r.revision)).toEqual([0, 1]);
      expect(await store.readStream(stream('claim-q'))).toHaveLength(2);
    });

    it('when appends race, each stands or falls alone: a stale one fails, the others are stored', async () => {
      await store.append([{ stream: stream('claim-race'), expected: 'no_stream', events: [event('A')] }]);
      const outcomes = await Promise.allSettled([
        store.append([{ stream: stream('claim-race-1'), expected: 'no_stream', events: [event('A')] }]),
        store.append([{ stream: stream('claim-race'), expected: 'no_stream', events: [event('B')] }]),
        store.append([{ stream: stream('claim-race-2'), expected: 'no_stream', events: [event('A')] }]),
        store.append([{ stream: stream('claim-race-3'), expected: 'no_stream', events: [event('A')] }]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedState);
      for (const s of ['claim-race-1', 'claim-race-2', 'claim-race-3']) expect(await store.readStream(stream(s))).toHaveLength(1);
      expect((await store.readStream(stream('claim-race'))).map((e) => e.type)).toEqual(['A']);
      if (!options.sharedLog) {
        const positions = (await store.readAll(0, 1000)).map((e) => e.position);
        expect(positions).toEqual(positions.map((_, i) => i + 1));
      }
    });

    it('reads the whole log in order after a position, page by page', async () => {
      const before = await store.headPosition();
      for (let i = 0; i < 5; i++)
        await store.append([{ stream: stream(`claim-r${i}`), expected: 'any', events: [event('R', { i })] }]);
      const firstPage = mine(await store.readAll(before, 3));
      expect(firstPage.map((e) => (e.data as { i: number }).i)).toEqual(
        options.sharedLog ? firstPage.map((e) => (e.data as { i: number }).i) : [0, 1, 2],
      );
      const all = mine(await store.readAll(before, 100));
      expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4]);
      const rest = mine(await store.readAll(all[2]?.position ?? 0, 100));
      expect(rest.map((e) => (e.data as { i: number }).i)).toEqual([3, 4]);
      expect(await store.headPosition()).toBeGreaterThanOrEqual(all[4]?.position ?? Infinity);
    });

    it('reads the log after a position up to another, in order, in pages, and stops when asked', async () => {
      const before = await store.headPosition();
      for (let i = 0; i < 7; i++)
        await store.append([
          { stream: stream(`claim-l${i}`), expected: 'any', events: [event('L', { i, text: 'é "quoted" \\ ✓' })] },
        ]);
      const all = mine(await store.readAll(before, 100));
      const upTo = all[4]?.position ?? Infinity;
      const read: StoredEvent[] = [];
      for await (const page of store.readLog(before, upTo)) read.push(...page);
      expect(mine(read)).toEqual(all.slice(0, 5));
      expect(read.every((e) => e.position > before && e.position <= upTo)).toBe(true);
      const positions = read.map((e) => e.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      for await (const page of store.readLog(before, await store.headPosition())) {
        expect(page.length).toBeGreaterThan(0);
        break;
      }
      const nothing: StoredEvent[] = [];
      for await (const page of store.readLog(upTo, upTo)) nothing.push(...page);
      expect(nothing).toEqual([]);
    });

    it('subscribes from a position: catches up, then receives live appends in order', async () => {
      const before = await store.headPosition();
      await store.append([{ stream: stream('claim-s1'), expected: 'any', events: [event('S', { i: 1 })] }]);
      const seen: number[] = [];
      const subscription = store.subscribe(before, (events) => {
        for (const e of mine(events)) seen.push((e.data as { i: number }).i);
      });
      await subscription.caughtUp;
      await store.append([{ stream: stream('claim-s2'), expected: 'any', events: [event('S', { i: 2 })] }]);
      await store.append([{ stream: stream('claim-s3'), expected: 'any', events: [event('S', { i: 3 })] }]);
      await waitFor(() => seen.length === 3);
      await subscription.close();
      expect(seen).toEqual([1, 2, 3]);
    });

    it('keeps what is stored from being changed by the caller', async () => {
      const data = { list: [1] };
      await store.append([{ stream: stream('claim-m'), expected: 'no_stream', events: [event('A', data)] }]);
      data.list.push(2);
      const [read] = await store.readStream(stream('claim-m'));
      (read?.data as { list: number[] }).list.push(3);
      expect((await store.readStream(stream('claim-m')))[0]?.data).toEqual({ list: [1] });
    });
  });
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for condition');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
