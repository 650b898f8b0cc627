import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'vitest';
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
