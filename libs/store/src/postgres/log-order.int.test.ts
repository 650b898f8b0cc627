import { randomUUID } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, postgresOrSkip } from '@timeline/testing';
import type { EventToAppend, StoredEvent, StreamAppend } from '../event-store.port';
import { PostgresEventStore } from './postgres.store';

const APPENDERS = 16;
/** The appenders share this many stores, each with a pool of its own, as that many processes would. */
const WRITERS = 4;
const EVENTS = 30_000;

const event = (n: number): EventToAppend => ({ eventId: randomUUID(), type: 'Counted', data: { n }, metadata: {} });

/** Positions strictly one after another from 1: every event once, in order. */
const consecutive = (events: StoredEvent[]) => events.every((e, i) => e.position === i + 1);

describe('PostgreSQL store: one order for every reader', async () => {
  if (!(await postgresOrSkip())) {
    it.skip('SKIPPED: PostgreSQL is not answering', () => undefined);
    return;
  }
  const databases: string[] = [];
  afterAll(async () => {
    await Promise.all(databases.map((url) => dropTestDatabase(url)));
  });

  it(`given ${APPENDERS} appenders writing ${EVENTS} events in single and multi-stream batches, in ${WRITERS} stores, when a subscriber and a paging reader follow the log from another store, then each sees every event once in position order`, async () => {
    const url = await createTestDatabase();
    databases.push(url);
    const writers = await Promise.all(Array.from({ length: WRITERS }, () => PostgresEventStore.open(`${url}?pool=4`)));
    const reader = await PostgresEventStore.open(`${url}?pool=4`, { pollMs: 5000 });
    try {
      const subscribed: StoredEvent[] = [];
      const subscription = reader.subscribe(0, (events) => void subscribed.push(...events));

      let written = 0;
      let done = false;
      const paged: StoredEvent[] = [];
      const pager = (async () => {
        for (;;) {
          const finished = done;
          const page = await reader.readAll(paged.at(-1)?.position ?? 0, 700);
          paged.push(...page);
          if (finished && !page.length) return;
          if (!page.length) await new Promise((resolve) => setTimeout(resolve, 2));
        }
      })();

      const started = performance.now();
      await Promise.all(
        Array.from({ length: APPENDERS }, async (_, a) => {
          const revisions = new Map<string, number>();
          for (let round = 0; written < EVENTS; round++) {
            const streams =
              round % 3 === 0 ? [`a${a}-s${round % 7}`, `a${a}-t${round % 5}`, `a${a}-u${round % 4}`] : [`a${a}-s${round % 7}`];
            const requests: StreamAppend[] = streams.map((stream, i) => ({
              stream,
              expected: revisions.get(stream) ?? 'no_stream',
              events: Array.from({ length: 1 + ((round + i) % 4) }, () => event(written)),
            }));
            written += requests.reduce((sum, r) => sum + r.events.length, 0);
            const results = await writers[a % WRITERS]!.append(requests);
            results.forEach((r) => revisions.set(r.stream, r.revision));
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      done = true;
      await pager;
      const head = await reader.headPosition();
      const deadline = Date.now() + 10_000;
      while (subscribed.length < head && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      await subscription.close();
      console.log(
        `[postgres] ${head} events by ${APPENDERS} appenders in ${WRITERS} stores in ${seconds.toFixed(1)} s: ${Math.round(head / seconds)} events/s`,
      );

      expect(head).toBe(written);
      const log = await reader.readAll(0, head + 1);
      expect(log).toHaveLength(head);
      expect(consecutive(log)).toBe(true);
      expect(subscribed).toHaveLength(head);
      expect(consecutive(subscribed)).toBe(true);
      expect(paged).toHaveLength(head);
      expect(consecutive(paged)).toBe(true);
      expect(subscribed.map((e) => e.eventId)).toEqual(log.map((e) => e.eventId));

      // the whole log as a fold reads it: pages read one ahead of the caller, up to a position inside a page
      const folded: StoredEvent[] = [];
      for await (const page of reader.readLog(0, head - 10)) folded.push(...page);
      expect(folded.map((e) => e.eventId)).toEqual(log.slice(0, head - 10).map((e) => e.eventId));
    } finally {
      await Promise.all([...writers, reader].map((store) => store.close()));
    }
  }, 180_000);
});
