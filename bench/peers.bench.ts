import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { percentile, type Result } from './measure';
import type { PeerPair } from './peer';
import { APPENDERS, both, claimStreams, concurrently, counts, readAll, sequential, withLogsCounted } from './peer-workloads';
import { emmettPostgresPair } from './peers-postgres';
import { emmettSqlitePair, ourSqlitePair } from './peers-sqlite';

export interface PeerSize {
  /** Appends of one event, each to a new stream. */
  singles: number;
  /** Appends of 100 events, each to a new stream. */
  batches: number;
  /** Appends each of the 16 concurrent appenders makes, within `seconds`. */
  perAppender: number;
  seconds: number;
}

const BATCH = 100;
const PAGE = 1000;

/** One workload's figure on a store and on the raw reference beside it. */
interface Figure {
  value: number;
  reference: number;
  notes: string;
}

type Figures = Record<'single' | 'batch' | 'concurrent' | 'read', Figure>;

/**
 * Our store, Emmett's SQLite store and Emmett's PostgreSQL store doing the same appends and reads,
 * each beside a raw insert of the same rows on its own engine. An engine that cannot be loaded or
 * reached is reported as skipped, with the reason.
 */
export async function peers(size: PeerSize, postgresUrl: string, report: (r: Result) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-peers-'));
  const engines = [
    { engine: 'SQLite (ours)', open: () => Promise.resolve(ourSqlitePair(dir)) },
    { engine: 'SQLite (Emmett)', open: () => emmettSqlitePair(dir) },
    { engine: 'PostgreSQL', open: () => emmettPostgresPair(postgresUrl) },
  ];
  let ours: Figures | undefined;
  try {
    for (const { engine, open } of engines) {
      let pair: PeerPair;
      try {
        pair = await open();
      } catch (error) {
        console.log(`peers on ${engine}: SKIPPED, ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
        continue;
      }
      try {
        const figures = await measure(pair, size);
        for (const r of lines(pair, figures, ours)) report(r);
        ours ??= figures;
      } finally {
        await pair.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function measure(pair: PeerPair, size: PeerSize): Promise<Figures> {
  const single = await both(pair, (peer) => sequential(peer, claimStreams(size.singles, 1, 's')));
  const batch = await both(pair, (peer) => sequential(peer, claimStreams(size.batches, BATCH, 'b')));
  const appends = claimStreams(APPENDERS * size.perAppender, 1, 'c');
  const { result: concurrent, logged } = await withLogsCounted(() =>
    both(pair, (peer) => concurrently(peer, appends, size.seconds)),
  );
  const read = await both(pair, (peer) => readAll(peer, PAGE));
  const stored = (peer: 'raw' | 'store') => size.singles + size.batches * BATCH + concurrent[peer].stored;
  const tried = (peer: 'raw' | 'store') => `${counts(concurrent[peer].failed)} failed of ${concurrent[peer].attempted} attempted`;
  return {
    single: { value: single.store.rate, reference: single.raw.rate, notes: p99s(single) },
    batch: { value: batch.store.rate * BATCH, reference: batch.raw.rate * BATCH, notes: p99s(batch) },
    concurrent: {
      value: concurrent.store.rate,
      reference: concurrent.raw.rate,
      notes: `store: ${tried('store')}; raw: ${tried('raw')}; up to ${appends.length} appends within ${size.seconds} s${logged.size ? `; errors the store logged itself: ${counts(logged)}` : ''}`,
    },
    read: {
      value: read.store.rate,
      reference: read.raw.rate,
      notes: `read ${read.store.read} of ${stored('store')} events stored (raw: ${read.raw.read} of ${stored('raw')}), pages of ${PAGE}`,
    },
  };
}

function p99s({ raw, store }: { raw: { latencies: number[] }; store: { latencies: number[] } }): string {
  return `p99 ${percentile(store.latencies, 99).toFixed(2)} ms vs ${percentile(raw.latencies, 99).toFixed(2)} ms`;
}

function lines(pair: PeerPair, figures: Figures, ours: Figures | undefined): Result[] {
  const workloads = [
    { key: 'single', what: 'single append, one event to a new stream', unit: 'appends/s' },
    { key: 'batch', what: `append of ${BATCH} events to a new stream`, unit: 'events/s' },
    { key: 'concurrent', what: `${APPENDERS} concurrent appenders, one event to a new stream each`, unit: 'appends/s' },
    { key: 'read', what: 'read of the whole log, paged', unit: 'events/s' },
  ] as const;
  return workloads.map(({ key, what, unit }) => {
    const { value, reference, notes } = figures[key];
    const beside = ours ? `; ours ${ours[key].value.toFixed(0)} ${unit} (${(ours[key].value / value).toFixed(2)}x this)` : '';
    return {
      name: `peers: ${what}, ${pair.name}`,
      value,
      unit,
      reference: `${pair.rawName} ${key === 'read' ? 'SELECT' : 'INSERT'} of the same rows (${reference.toFixed(0)} ${unit})`,
      referenceValue: reference,
      ratio: value / reference,
      target: 'peer, no target',
      met: true,
      notes: `${notes}${beside}; ${pair.durability}`,
    };
  });
}
