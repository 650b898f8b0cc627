import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WrongExpectedState, type AppendResult, type EventToAppend } from '../event-store.port';
import { SqliteEventStore } from './sqlite.store';

const newFile = () => join(mkdtempSync(join(tmpdir(), 'timeline-sqlite-')), 'store.db');
const event = (type: string): EventToAppend => ({ eventId: randomUUID(), type, data: { type }, metadata: { actor: 'test' } });
/** An event with no JSON for its data: planned like any other, its insert then fails (data is NOT NULL). */
const unstorable = (): EventToAppend => ({ ...event('Unstorable'), data: undefined });

const opened: SqliteEventStore[] = [];
const open = (file = newFile()) => {
  const store = new SqliteEventStore(file);
  opened.push(store);
  return store;
};
afterEach(async () => {
  await Promise.all(opened.splice(0).map((store) => store.close()));
});

describe('embedded store: an append that fails while its events are inserted', () => {
  it('given an append alone, when an event of it cannot be inserted, then none of it is stored and the next append takes position 1', async () => {
    const store = open();
    await expect(
      store.append([
        { stream: 'a', expected: 'no_stream', events: [event('A')] },
        { stream: 'b', expected: 'no_stream', events: [unstorable()] },
      ]),
    ).rejects.toThrow(/NOT NULL/);
    expect(await store.headPosition()).toBe(0);
    const [result] = await store.append([{ stream: 'a', expected: 'no_stream', events: [event('A')] }]);
    expect(result?.positions).toEqual([1]);
  });

  it('given appends sharing a commit, when one fails while inserting, then it alone is rolled back and positions stay gap-free', async () => {
    const store = open();
    const outcomes = await Promise.allSettled([
      store.append([{ stream: 'a', expected: 'no_stream', events: [event('A')] }]),
      store.append([
        { stream: 'b', expected: 'no_stream', events: [event('B')] },
        { stream: 'c', expected: 'no_stream', events: [unstorable()] },
      ]),
      store.append([{ stream: 'd', expected: 'no_stream', events: [event('D'), event('D')] }]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((outcomes[2] as PromiseFulfilledResult<AppendResult[]>).value[0]?.positions).toEqual([2, 3]);
    expect(await store.readStream('b')).toEqual([]);
    expect((await store.readAll(0, 100)).map((e) => [e.stream, e.position])).toEqual([
      ['a', 1],
      ['d', 2],
      ['d', 3],
    ]);
  });
});

describe('embedded store: two connections on one file, as two processes would share it', () => {
  it('checks expectations against the other’s appends, answers a retry of the other’s append, and keeps one gap-free order', async () => {
    const file = newFile();
    const [one, two] = [open(file), open(file)];
    const first = [event('A')];
    const stored = await one.append([{ stream: 'x', expected: 'no_stream', events: first }]);
    await expect(two.append([{ stream: 'x', expected: 'no_stream', events: [event('B')] }])).rejects.toBeInstanceOf(
      WrongExpectedState,
    );
    expect(await two.append([{ stream: 'x', expected: 'no_stream', events: first }])).toEqual([
      { ...stored[0], alreadyStored: true },
    ]);
    await two.append([{ stream: 'x', expected: 0, events: [event('B')] }]);

    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        (i % 2 ? one : two).append([{ stream: `s${i}`, expected: 'no_stream', events: [event('S'), event('S')] }]),
      ),
    );
    const positions = (await one.readAll(0, 100)).map((e) => e.position);
    expect(positions).toEqual(Array.from({ length: 42 }, (_, i) => i + 1));
    expect((await one.readStream('x')).map((e) => [e.type, e.revision])).toEqual([
      ['A', 0],
      ['B', 1],
    ]);
  });
});

describe('embedded store: retries, recognised by the events at the expected revisions', () => {
  it('given a stream moved on, when an append at an earlier revision is sent again, then it answers where its events were stored', async () => {
    const store = open();
    await store.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
    const second = [event('B'), event('C')];
    const stored = await store.append([{ stream: 'x', expected: 0, events: second }]);
    await store.append([{ stream: 'x', expected: 2, events: [event('D')] }]);
    expect(await store.append([{ stream: 'x', expected: 0, events: second }])).toEqual([{ ...stored[0], alreadyStored: true }]);
    expect(stored).toEqual([{ stream: 'x', revision: 2, positions: [2, 3] }]);
    await expect(store.append([{ stream: 'x', expected: 0, events: [event('B'), event('C')] }])).rejects.toBeInstanceOf(
      WrongExpectedState,
    );
  });
});
