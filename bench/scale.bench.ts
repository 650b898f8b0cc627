import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Timeline } from '@timeline/application';
import { auditControl, controlAt, endOfDay, NOW, type TimelineViews } from '@timeline/views';
import { percentile, type Result } from './measure';

/** Reading, parsing and trivially folding every row of the store, on one thread: the rebuild's reference (ms). */
export function readAndParse(file: string): number {
  const db = new Database(file, { readonly: true });
  const r0 = performance.now();
  const counts = new Map<string, number>();
  for (const row of db.prepare('SELECT type, data, metadata FROM events ORDER BY position').iterate() as IterableIterator<{
    type: string;
    data: string;
    metadata: string;
  }>) {
    JSON.parse(row.metadata);
    const data = JSON.parse(row.data) as { campaignId?: string };
    counts.set(row.type, (counts.get(row.type) ?? 0) + (data.campaignId ? 1 : 0));
  }
  const reference = performance.now() - r0;
  db.close();
  return reference;
}

/** Folding the whole log into every view, beside reading, parsing and trivially folding the same rows. */
export async function rebuild(file: string, claims: number): Promise<{ result: Result; timeline: Timeline }> {
  const reference = readAndParse(file);
  const timeline = await Timeline.open(`sqlite:${file}`);
  await timeline.projectionAdmin.caughtUpViews();
  const t0 = performance.now();
  await timeline.projectionAdmin.rebuildNow();
  const ours = performance.now() - t0;
  const ratio = ours / reference;
  return {
    timeline,
    result: {
      name: `rebuild of the views, ${claims.toLocaleString('en')} claims`,
      value: ours / 1000,
      unit: 's',
      reference: `read + JSON.parse + trivial fold of the same rows, one thread (${(reference / 1000).toFixed(2)} s)`,
      referenceValue: reference / 1000,
      ratio,
      target: '≤ 1.5x (both cores may be used)',
      met: ratio <= 1.5,
    },
  };
}

/**
 * The heap after a full collection, holding the views of every claim, beside the size of the same
 * events as JSON (their data and metadata, as stored); then again once every place's timeline and
 * casualty figure known now is warmed, as a running service holds them. Run with --expose-gc.
 */
export async function heapHeld(file: string, claims: number, views: TimelineViews): Promise<Result> {
  const db = new Database(file, { readonly: true });
  const { bytes, events } = db
    .prepare('SELECT SUM(LENGTH(CAST(data AS BLOB)) + LENGTH(CAST(metadata AS BLOB))) AS bytes, COUNT(*) AS events FROM events')
    .get() as { bytes: number; events: number };
  db.close();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('the heap is measured after a full collection: run node with --expose-gc');
  gc();
  const heap = process.memoryUsage().heapUsed;
  const ratio = heap / bytes;
  await views.warm();
  gc();
  const warmed = process.memoryUsage().heapUsed;
  return {
    name: `heap holding ${claims.toLocaleString('en')} claims and all views`,
    value: heap / 2 ** 20,
    unit: 'MiB',
    reference: `the same ${events.toLocaleString('en')} events as JSON (${(bytes / 2 ** 20).toFixed(0)} MiB)`,
    referenceValue: bytes / 2 ** 20,
    ratio,
    target: '≤ 1x',
    met: ratio <= 1,
    notes: `${(heap / claims).toFixed(0)} bytes a claim on the heap; ${(bytes / claims).toFixed(0)} bytes a claim as JSON; ${(warmed / 2 ** 20).toFixed(0)} MiB (${(warmed / bytes).toFixed(2)}x) once the answers known now are warmed, as a running service holds them`,
  };
}

/** One place's control audit at a day, over many places. */
export function auditQuery(views: TimelineViews, claims: number, samples: number): Result {
  const ledger = views.ledger('synthetic')!;
  const places = [...ledger.controlByPlace.keys()];
  const latencies: number[] = [];
  for (let i = 0; i < samples; i++) {
    const t = performance.now();
    // the synthetic campaign has places, and the modulo keeps the index among them
    auditControl(views, ledger, places.at((i * 7919) % places.length)!, endOfDay(ledger, '2024-12-10'));
    latencies.push(performance.now() - t);
  }
  const p99 = percentile(latencies, 99);
  return {
    name: `audit of one place's control at ${claims.toLocaleString('en')} claims`,
    value: p99,
    unit: 'ms p99',
    reference: 'the 20 ms target',
    referenceValue: 20,
    ratio: p99 / 20,
    target: 'p99 < 20 ms',
    met: p99 < 20,
    notes: `p50 ${percentile(latencies, 50).toFixed(2)} ms over ${samples} places`,
  };
}

/**
 * A day's control map as publicly reported by the day's end, beside the same map as known at an
 * earlier log position: both are computed afresh (no cache answers either), so the ratio is what
 * weighing each claim version's report date costs.
 */
export function reportedDayView(views: TimelineViews, claims: number, samples: number): Result {
  const ledger = views.ledger('synthetic')!;
  const at = endOfDay(ledger, '2024-12-10');
  const knownAt = Math.floor(views.position / 2);
  const timed = (compute: () => unknown) => {
    const latencies: number[] = [];
    for (let i = 0; i < samples; i++) {
      const t = performance.now();
      compute();
      latencies.push(performance.now() - t);
    }
    return percentile(latencies, 50);
  };
  const reference = timed(() => controlAt(views, ledger, at, knownAt));
  const reported = ledger.asReportedBy(at);
  const ours = timed(() => controlAt(views, reported, at, NOW));
  const ratio = ours / reference;
  return {
    name: `day view as reported by (reportedBy) at ${claims.toLocaleString('en')} claims`,
    value: ours,
    unit: 'ms p50',
    reference: `the same day's view as known at an earlier position (knownAt; p50 ${reference.toFixed(1)} ms)`,
    referenceValue: reference,
    ratio,
    target: '≤ 2x',
    met: ratio <= 2,
    notes: `${samples} views each; ${reported.unreported.size.toLocaleString('en')} versions set aside as undated`,
  };
}
