import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { createTestDatabase, dropTestDatabase, postgresOrSkip } from '@timeline/testing';
import { eventStoreContract } from './contract/event-store.contract';
import { MemoryEventStore } from './memory/memory.store';
import { openEventStore } from './open-store';
import { SqliteEventStore } from './sqlite/sqlite.store';

const newSqliteFile = () => join(mkdtempSync(join(tmpdir(), 'timeline-')), 'store.db');

eventStoreContract('memory', () => Promise.resolve(new MemoryEventStore()));
eventStoreContract('sqlite', () => Promise.resolve(new SqliteEventStore(newSqliteFile())));
// the same store reading every fold of the log on a thread of its own, as it does past 50,000 events
eventStoreContract('sqlite, log read on a thread', () =>
  Promise.resolve(new SqliteEventStore(newSqliteFile(), { threadedReadFrom: 1 })),
);

// Collected once the server has answered; each test on a database of its own, dropped when the file is done.
describe('PostgreSQL store', async () => {
  if (!(await postgresOrSkip())) {
    it.skip('SKIPPED: PostgreSQL is not answering (REQUIRE_POSTGRES=1 makes this a failure)', () => undefined);
    return;
  }
  const databases: string[] = [];
  eventStoreContract('postgres', async () => {
    const url = await createTestDatabase();
    databases.push(url);
    return openEventStore(url);
  });
  afterAll(async () => {
    await Promise.all(databases.map((url) => dropTestDatabase(url)));
  });
});

const kurrentUrl = process.env.KURRENTDB_URL;
if (kurrentUrl) {
  eventStoreContract('kurrentdb', () => openEventStore(kurrentUrl), { sharedLog: true });
} else {
  describe('event store contract: kurrentdb', () => {
    it.skip('SKIPPED: set KURRENTDB_URL (e.g. kurrentdb://localhost:2113?tls=false) to run the contract against a KurrentDB server', () =>
      undefined);
  });
  console.warn('[contract] KurrentDB contract tests SKIPPED: KURRENTDB_URL is not set');
}
