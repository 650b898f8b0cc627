import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { streamAppend } from '../libs/application/src/event-writer';
import { SqliteEventStore } from '../libs/store/src/sqlite/sqlite.store';
import { percentile, timed, type Result } from './measure';

const DATA = { claimId: 'c', type: 'control', place: 'homs', status: 'controlled', controller: 'hts', sources: ['s'], quote: 'On 6 December 2024, opposition forces captured Al-Rastan.', time: { from: '2024-12-05T21:00:00.000Z', to: '2024-12-06T21:00:00.000Z', precision: 'day' } };
const context = () => ({ actor: 'bench', correlationId: 'bench', now: new Date() });

function rawStore(): { db: Database.Database; insert: Database.Statement } {
  const db = new Database(join(mkdtempSync(join(tmpdir(), 'bench-raw-')), 'raw.db'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.exec('CREATE TABLE events (position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, event_id TEXT NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, UNIQUE (stream, revision))');
  return { db, insert: db.prepare('INSERT INTO events (stream, revision, event_id, type, data, metadata) VALUES (?, 0, ?, ?, ?, ?)') };
}

/** One durable append per call through the store API, beside a raw better-sqlite3 insert. */
export async function singleAppend(n: number): Promise<Result> {
  const raw = rawStore();
  const meta = JSON.stringify({ actor: 'bench' });
  const reference = await timed(n, (i) => raw.insert.run(`claim-x/${i}`, `id-${i}`, 'ControlClaimed', JSON.stringify({ ...DATA, claimId: `c${i}` }), meta));
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'store.db'));
  const ours = await timed(n, (i) => store.append([streamAppend(`claim-x/${i}`, 'no_stream', [{ type: 'ControlClaimed', data: { ...DATA, claimId: `c${i}` } as never }], 'x', context())]));
  await store.close();
  raw.db.close();
  const ratio = ours.rate / reference.rate;
  const p99 = percentile(ours.latencies, 99);
  const refP99 = percentile(reference.latencies, 99);
  return {
    name: 'durable single append (store API)', value: ours.rate, unit: 'appends/s', reference: `raw better-sqlite3 insert, synchronous=FULL (${reference.rate.toFixed(0)}/s)`, referenceValue: reference.rate,
    ratio, target: '≥ 0.6x; p99 ≤ reference p99 + 1 ms', met: ratio >= 0.6 && p99 <= refP99 + 1,
    notes: `p99 ${p99.toFixed(3)} ms vs ${refP99.toFixed(3)} ms`,
  };
}

/** 100 claims per append call, beside a raw 100-row transaction. */
export async function batchedAppend(batches: number): Promise<Result> {
  const raw = rawStore();
  const meta = JSON.stringify({ actor: 'bench' });
  const tx = raw.db.transaction((b: number) => {
    for (let i = 0; i < 100; i++) raw.insert.run(`claim-x/${b}-${i}`, `id-${b}-${i}`, 'ControlClaimed', JSON.stringify({ ...DATA, claimId: `c${b}-${i}` }), meta);
  });
  const reference = await timed(batches, (b) => tx(b));
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'bench-store-')), 'store.db'));
  const ours = await timed(batches, (b) => store.append(Array.from({ length: 100 }, (_, i) => streamAppend(`claim-x/${b}-${i}`, 'no_stream', [{ type: 'ControlClaimed', data: { ...DATA, claimId: `c${b}-${i}` } as never }], 'x', context()))));
  await store.close();
  raw.db.close();
  const ratio = ours.rate / reference.rate;
  return {
    name: 'batched append, 100 claims a call (store API)', value: ours.rate * 100, unit: 'claims/s', reference: `raw 100-row transaction (${(reference.rate * 100).toFixed(0)} rows/s)`, referenceValue: reference.rate * 100,
    ratio, target: '≥ 0.7x', met: ratio >= 0.7,
  };
}
