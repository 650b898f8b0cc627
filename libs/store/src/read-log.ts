import type { EventStore, LogPosition, StoredEvent } from './event-store.port';

/**
 * The log after `after` up to `to`, page by page, read with `readAll`: the reader of a store
 * with none faster of its own.
 */
export async function* logPages(
  store: Pick<EventStore, 'readAll'>,
  after: LogPosition,
  to: LogPosition,
  pageSize: number,
): AsyncGenerator<StoredEvent[]> {
  let from = after;
  while (from < to) {
    const page = await store.readAll(from, pageSize);
    const last = page[page.length - 1];
    if (!last) return;
    if (last.position <= to) yield page;
    else {
      const upTo = page.filter((event) => event.position <= to);
      if (upTo.length) yield upTo;
      return;
    }
    from = last.position;
  }
}
