import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Timeline } from '@timeline/application';
import { type StreamAppend, SqliteEventStore } from '@timeline/store';
import { syntheticCampaign, syntheticAppends } from '@timeline/synthetic';
import { auditControl, casualtiesOn, controlAt, endOfDay, NOW } from '@timeline/views';

/** Rebuild of N generated claims from SQLite vs read + JSON.parse + a trivial fold of the same rows. */
async function main() {
  const claims = Number(process.argv[2] ?? 100_000);
  const reuse = process.argv[3];
  const file = reuse ?? join(mkdtempSync(join(tmpdir(), 'timeline-bench-')), 'store.db');
  const store = new SqliteEventStore(file);
  let batch: StreamAppend[] = [];
  const t0 = performance.now();
  for (const append of reuse ? [] : syntheticAppends(syntheticCampaign({ claims, seed: 7 }))) {
    // one transaction per 500 appends keeps generation quick; streams differ within a batch
    if (batch.some((b) => b.stream === append.stream)) {
      await store.append(batch);
      batch = [];
    }
    batch.push(append);
    if (batch.length === 500) {
      await store.append(batch);
      batch = [];
    }
  }
  if (batch.length) await store.append(batch);
  const events = await store.headPosition();
  console.log(`generated ${claims} claims (${events} events) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await store.close();

  const db = new Database(file, { readonly: true });
  const r0 = performance.now();
  const counts = new Map<string, number>();
  for (const row of db.prepare('SELECT type, data FROM events ORDER BY position').iterate() as IterableIterator<{
    type: string;
    data: string;
  }>) {
    const data = JSON.parse(row.data) as { campaignId?: string };
    counts.set(row.type, (counts.get(row.type) ?? 0) + (data.campaignId ? 1 : 0));
  }
  const reference = performance.now() - r0;
  db.close();

  const timeline = await Timeline.open(`sqlite:${file}`);
  const f0 = performance.now();
  await timeline.projectionAdmin.caughtUpViews();
  const full = performance.now() - f0;
  const b0 = performance.now();
  await timeline.projectionAdmin.rebuildNow();
  const viewsOnly = performance.now() - b0;
  console.log(`reference read+parse+fold: ${reference.toFixed(0)} ms`);
  console.log(`start-up fold (catalog, claims list, views): ${full.toFixed(0)} ms (${(full / reference).toFixed(2)}x)`);
  console.log(`rebuild of the views: ${viewsOnly.toFixed(0)} ms (${(viewsOnly / reference).toFixed(2)}x)`);
  (globalThis as { gc?: () => void }).gc?.();
  console.log(
    `after a full GC: heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB, rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB (catalog + views of ${claims} claims)`,
  );
  const views = await timeline.projectionAdmin.caughtUpViews();
  const ledger = views.ledger('synthetic')!;
  const time = (label: string, f: () => unknown, n = 1) => {
    const s = performance.now();
    for (let i = 0; i < n; i++) f();
    console.log(`${label}: ${((performance.now() - s) / n).toFixed(3)} ms`);
  };
  const at = endOfDay(ledger, '2024-12-10');
  time('control for a day, first query', () => controlAt(views, ledger, at, NOW));
  time('control for a day, again', () => controlAt(views, ledger, at, NOW), 100);
  time('control for another day (place timelines cached)', () => controlAt(views, ledger, endOfDay(ledger, '2024-12-11'), NOW));
  time('casualties for a day, first query', () => casualtiesOn(views, ledger, '2024-12-10', NOW));
  time('casualties for a day, again', () => casualtiesOn(views, ledger, '2024-12-10', NOW), 100);
  time('audit of one place at a day', () => auditControl(views, ledger, 'place-3', at), 5);
  time('control for a day as known at mid-log', () => controlAt(views, ledger, at, Math.floor(views.position / 2)));
  await timeline.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
