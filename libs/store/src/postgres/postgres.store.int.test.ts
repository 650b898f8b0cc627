import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, postgresDatabaseUrl, postgresOrSkip } from '@timeline/testing';
import { waitFor } from '../contract/event-store.contract';
import { WrongExpectedState, type AppendResult, type EventToAppend, type StoredEvent } from '../event-store.port';
import { openEventStore } from '../open-store';
import { PostgresEventStore } from './postgres.store';

const event = (type: string): EventToAppend => ({ eventId: randomUUID(), type, data: { type }, metadata: { actor: 'test' } });
/** An event with no JSON for its data: planned like any other, its insert then fails (data is NOT NULL). */
const unstorable = (): EventToAppend => ({ ...event('Unstorable'), data: undefined });

describe('PostgreSQL store', async () => {
  if (!(await postgresOrSkip())) {
    it.skip('SKIPPED: PostgreSQL is not answering', () => undefined);
    return;
  }
  const databases: string[] = [];
  const opened: PostgresEventStore[] = [];
  const newDatabase = async () => {
    const url = await createTestDatabase();
    databases.push(url);
    return url;
  };
  const open = async (url: string, options: { pollMs?: number; onError?: (e: unknown) => void } = {}) => {
    const store = await PostgresEventStore.open(url, options);
    opened.push(store);
    return store;
  };
  /** Runs SQL on the store's database through a connection of the test's own. */
  const sql = async <R extends pg.QueryResultRow>(url: string, text: string, values: unknown[] = []) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      return (await client.query<R>(text, values)).rows;
    } finally {
      await client.end();
    }
  };
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });
  afterAll(async () => {
    await Promise.all(databases.map((url) => dropTestDatabase(url)));
  });

  describe('appends sharing a commit', () => {
    it('given appends waiting together, when one fails its expectation and one cannot be inserted, then each of those fails alone and the rest are stored gap-free', async () => {
      const store = await open(await newDatabase());
      await store.append([{ stream: 'x', expected: 'no_stream', events: [event('X')] }]);
      const outcomes = await Promise.allSettled([
        store.append([{ stream: 'a', expected: 'no_stream', events: [event('A')] }]),
        store.append([{ stream: 'x', expected: 'no_stream', events: [event('X')] }]),
        store.append([
          { stream: 'b', expected: 'no_stream', events: [event('B')] },
          { stream: 'c', expected: 'no_stream', events: [unstorable()] },
        ]),
        store.append([{ stream: 'd', expected: 'no_stream', events: [event('D'), event('D')] }]),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'fulfilled']);
      expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedState);
      expect((outcomes[2] as PromiseRejectedResult).reason).toMatchObject({ code: '23502' });
      expect(await store.readStream('b')).toEqual([]);
      expect((await store.readAll(0, 100)).map((e) => [e.stream, e.position])).toEqual([
        ['x', 1],
        ['a', 2],
        ['d', 3],
        ['d', 4],
      ]);
    });

    it('given the same append sent twice at once, when they share a commit, then it is stored once and both answer where', async () => {
      const store = await open(await newDatabase());
      const events = [event('A'), event('B')];
      const [first, second] = await Promise.all([
        store.append([{ stream: 'x', expected: 'no_stream', events }]),
        store.append([{ stream: 'x', expected: 'no_stream', events }]),
      ]);
      expect(first).toEqual([{ stream: 'x', revision: 1, positions: [1, 2] }]);
      expect(second).toEqual([{ stream: 'x', revision: 1, positions: [1, 2], alreadyStored: true }]);
      expect(await store.headPosition()).toBe(2);
    });
  });

  describe('expectations and retries across processes', () => {
    it('given an expectation of a kind the port does not allow (a revision as a string), then it fails and stores nothing, rather than storing and then failing', async () => {
      const store = await open(await newDatabase());
      await store.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
      await expect(store.append([{ stream: 'x', expected: '0' as never, events: [event('B')] }])).rejects.toBeInstanceOf(
        WrongExpectedState,
      );
      expect(await store.headPosition()).toBe(1);
    });

    it('given a stream moved on by another store, when an append at an earlier revision is sent again, then it answers where its events were stored; other events there fail it', async () => {
      const url = await newDatabase();
      const [one, two] = [await open(url), await open(url)];
      await one.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
      const second = [event('B'), event('C')];
      const stored = await one.append([{ stream: 'x', expected: 0, events: second }]);
      await one.append([{ stream: 'x', expected: 2, events: [event('D')] }]);
      expect(await two.append([{ stream: 'x', expected: 0, events: second }])).toEqual([{ ...stored[0], alreadyStored: true }]);
      expect(stored).toEqual([{ stream: 'x', revision: 2, positions: [2, 3] }]);
      await expect(two.append([{ stream: 'x', expected: 0, events: [event('B'), event('C')] }])).rejects.toBeInstanceOf(
        WrongExpectedState,
      );
      await expect(two.append([{ stream: 'x', expected: 0, events: [second[0]!, event('C')] }])).rejects.toBeInstanceOf(
        WrongExpectedState,
      );
    });

    it('given stores racing to extend one stream, then each revision is won once and the rest fail WrongExpectedState', async () => {
      const url = await newDatabase();
      const stores = await Promise.all([open(url), open(url), open(url)]);
      await stores[0].append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
      const outcomes = await Promise.allSettled(
        Array.from({ length: 12 }, (_, i) => stores[i % 3]!.append([{ stream: 'x', expected: 0, events: [event(`B${i}`)] }])),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes.filter((o) => o.status === 'rejected')) expect(o.reason).toBeInstanceOf(WrongExpectedState);
      expect((await stores[1].readStream('x')).map((e) => e.revision)).toEqual([0, 1]);
    });
  });

  describe('opening', () => {
    it('given several instances starting at once on an empty database, then the schema is migrated once and every one of them works', async () => {
      const url = await newDatabase();
      const stores = await Promise.all(Array.from({ length: 4 }, () => open(url)));
      const versions = await sql<{ version: number }>(url, 'SELECT version FROM schema_migrations ORDER BY version');
      expect(versions.map((v) => v.version)).toEqual([1, 2]);
      await Promise.all(
        stores.map((store, i) => store.append([{ stream: `s${i}`, expected: 'no_stream', events: [event('A')] }])),
      );
      expect(await stores[0]!.headPosition()).toBe(4);
    });

    it('given a URL that does not parse (a port that is not a number), then opening says what a STORE_URL must look like, without its password', async () => {
      await expect(openEventStore('postgres://timeline:s3cret@127.0.0.1:notaport/x')).rejects.toThrow(
        /^STORE_URL "postgres:\/\/\*\*\*@127\.0\.0\.1:notaport\/x" is not a URL: expected postgres:\/\/user.*port from 1 to 65535/,
      );
      // a password holding "/" is what makes a URL not parse: it is not shown either
      await expect(openEventStore('postgres://timeline:ab/cd@127.0.0.1/x')).rejects.toThrow(
        /^STORE_URL "postgres:\/\/\*\*\*@127\.0\.0\.1\/x"/,
      );
    });

    it('given a database that does not exist, then opening says so and that creating it is the operator’s job', async () => {
      const missing = postgresDatabaseUrl(`timeline_missing_${randomUUID().slice(0, 8)}`);
      await expect(openEventStore(missing)).rejects.toThrow(/database "timeline_missing_\w+" does not exist.*create it/);
    });

    it('given pool=3 in the URL, when many reads run at once, then the store holds at most 3 connections', async () => {
      const url = await newDatabase();
      const store = await open(`${url}?pool=3`);
      await store.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
      const database = new URL(url).pathname.slice(1);
      const counts: number[] = [];
      await Promise.all([
        ...Array.from({ length: 40 }, () => store.readStream('x')),
        (async () => {
          for (let i = 0; i < 5; i++) {
            const [row] = await sql<{ n: number }>(
              url,
              "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND application_name = 'timeline'",
              [database],
            );
            counts.push(row?.n ?? 0);
          }
        })(),
      ]);
      expect(Math.max(...counts)).toBeLessThanOrEqual(3);
      await expect(openEventStore(`${url}?pool=none`)).rejects.toThrow(/pool=none/);
    });
  });

  describe('when the server drops every connection of the store', () => {
    it('then the subscription listens again and catches up, and appends go on', async () => {
      const url = await newDatabase();
      const errors: unknown[] = [];
      // polling is slower than the test waits: the events must come through the renewed LISTEN
      const store = await open(url, { pollMs: 60_000, onError: (e) => errors.push(e) });
      const other = await open(url);
      const seen: StoredEvent[] = [];
      const subscription = store.subscribe(0, (events) => void seen.push(...events));
      await subscription.caughtUp;
      await other.append([{ stream: 'x', expected: 'no_stream', events: [event('A')] }]);
      await waitFor(() => seen.length === 1);

      const database = new URL(url).pathname.slice(1);
      const ended = await sql<{ ended: boolean }>(
        url,
        'SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [database],
      );
      expect(ended.length).toBeGreaterThanOrEqual(2);
      await waitFor(() => errors.length > 0);

      let appended: AppendResult[] | undefined;
      for (let attempt = 0; !appended && attempt < 50; attempt++)
        appended = await other.append([{ stream: 'x', expected: 0, events: [event('B')] }]).catch(() => undefined);
      await waitFor(() => seen.length === 2);
      await store.append([{ stream: 'y', expected: 'no_stream', events: [event('C')] }]);
      await waitFor(() => seen.length === 3);
      await subscription.close();
      expect(seen.map((e) => [e.type, e.position])).toEqual([
        ['A', 1],
        ['B', 2],
        ['C', 3],
      ]);
    });
  });
});
