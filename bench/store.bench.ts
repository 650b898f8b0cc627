import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { streamAppend } from '@timeline/application';
import { SqliteEventStore } from '@timeline/store';
import { percentile, timedSideBySide, type Result } from './measure';

/** A claim's data as the service stores it. */
export const DATA = {
  claimId: 'c',
  type: 'control',
  place: 'homs',
  status: 'controlled',
  controller: 'hts',
  sources: ['s'],
  quote: 'On 6 December 2024, opposition forces captured Al-Rastan.',
  time: { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' },
};
export const context = () => ({ actor: 'bench', correlationId: 'bench', now: new Date() });

function rawStore(): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'bench-raw-')), 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec(
    'CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream, revision))',
  );
  return {
    db,
    insert: db.prepare('INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES (?, 0, ?, ?, ?, ?)'),
  };
}

/** The appends the service would make for `n` new claims: the same rows for ours and the reference. */
export function claimAppends(n: number, prefix: string) {
  return Array.from({ length: n }, (_, i) =>
    streamAppend(
      `claim-x/${prefix}${i}`,
      'no_stream',
      [{ type: 'ControlClaimed', data: { ...DATA, claimId: `${prefix}${i}` } as never }],
      'x',
      context(),
    ),
  );
}

/** Inserts the rows of appends as they are, in one statement each: the physical work alone. */
function insertRaw(raw: ReturnType<typeof rawStore>, append: ReturnType<typeof streamAppend>): void {
  for (const e of append.events)
    raw.insert.run(append.stream, e.eventId, e.type, JSON.stringify(e.data), JSON.stringify(e.metadata));
}

/** One durable append per call through the store API, call by call in turn with a raw better-sqlite3 insert of the same row. */
export async function singleAppend(n: number): Promise<Result> {
  const raw = rawStore();
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'store.db'));
  const { reference, ours } = await timedSideBySide(
    { items: claimAppends(n, 'r'), f: (row) => insertRaw(raw, row) },
    { items: claimAppends(n, 'o'), f: (append) => store.append([append]) },
  );
  await store.close();
  raw.db.close();
  const ratio = ours.rate / reference.rate;
  const p99 = percentile(ours.latencies, 99);
  const refP99 = percentile(reference.latencies, 99);
  return {
    name: 'durable single append (store API)',
    value: ours.rate,
    unit: 'appends/s',
    reference: `raw better-sqlite3 insert of the same row, synchronous=FULL (${reference.rate.toFixed(0)}/s)`,
    referenceValue: reference.rate,
    ratio,
    target: '≥ 0.8x; p99 ≤ reference p99 + 1 ms',
    met: ratio >= 0.8 && p99 <= refP99 + 1,
    notes: `p99 ${p99.toFixed(3)} ms vs ${refP99.toFixed(3)} ms`,
  };
}

/** 100 claims per append call, call by call in turn with a raw 100-row transaction of the same rows. */
export async function batchedAppend(batches: number): Promise<Result> {
  const raw = rawStore();
  const rows = Array.from({ length: batches }, (_, b) => claimAppends(100, `r${b}-`));
  const tx = raw.db.transaction((batch: (typeof rows)[number]) => batch.forEach((append) => insertRaw(raw, append)));
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'store.db'));
  const { reference, ours } = await timedSideBySide(
    { items: rows, f: (batch) => tx(batch) },
    { items: Array.from({ length: batches }, (_, b) => claimAppends(100, `o${b}-`)), f: (batch) => store.append(batch) },
  );
  await store.close();
  raw.db.close();
  const ratio = ours.rate / reference.rate;
  return {
    name: 'batched append, 100 claims a call (store API)',
    value: ours.rate * 100,
    unit: 'claims/s',
    reference: `raw 100-row transaction of the same rows (${(reference.rate * 100).toFixed(0)} rows/s)`,
    referenceValue: reference.rate * 100,
    ratio,
    target: '≥ 0.8x',
    met: ratio >= 0.8,
  };
}
