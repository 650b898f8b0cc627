import type { EventStore } from './event-store.port';
import { MemoryEventStore } from './memory/memory.store';
import { SqliteEventStore } from './sqlite/sqlite.store';
import { describeStoreUrl } from './store-url';

export { describeStoreUrl };

/**
 * The store named by `STORE_URL`: `sqlite:<file>` (embedded), `memory:` (tests),
 * `postgres://user@host:port/db?pool=10` or `postgresql://…` (PostgreSQL; `pool` is the most
 * connections it opens, 10 by default), `kurrentdb://…` or `esdb://…` (KurrentDB / EventStoreDB
 * connection string).
 */
export async function openEventStore(
  url: string,
  options: { pollMs?: number; onError?: (e: unknown) => void } = {},
): Promise<EventStore> {
  if (url === 'memory:' || url === 'memory') return new MemoryEventStore();
  if (url.startsWith('sqlite:')) {
    const file = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (!file) throw new Error('STORE_URL sqlite: needs a file, e.g. sqlite:./data/timeline.db');
    return new SqliteEventStore(file, options);
  }
  if (/^postgres(ql)?:\/\//.test(url)) {
    const { PostgresEventStore } = await import('./postgres/postgres.store.js');
    return PostgresEventStore.open(url, options);
  }
  if (/^(kurrentdb|kdb|esdb|esdb\+discover|kurrentdb\+discover):\/\//.test(url)) {
    const { KurrentDbEventStore } = await import('./kurrentdb/kurrentdb.store.js');
    return new KurrentDbEventStore(url);
  }
  throw new Error(
    `STORE_URL "${describeStoreUrl(url)}" is not sqlite:<file>, memory:, a postgres:// URL or a kurrentdb:// / esdb:// connection string`,
  );
}
