import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import { Timeline } from '../libs/application/src/timeline';
import type { StreamAppend } from '../libs/store/src/event-store.port';
import { SqliteEventStore } from '../libs/store/src/sqlite/sqlite.store';
import { syntheticCampaign } from '../libs/synthetic/src/synthetic-campaign';
import { syntheticAppends } from '../libs/synthetic/src/synthetic-log';

/** Rebuild of N generated claims from SQLite vs read + JSON.parse + a trivial fold of the same rows. */
async function main() {
  const claims = Number(process.argv[2] ?? 100_000);
  const file = join(mkdtempSync(join(tmpdir(), 'timeline-bench-')), 'store.db');
  const store = new SqliteEventStore(file);
  let batch: StreamAppend[] = [];
  const t0 = performance.now();
  for (const append of syntheticAppends(syntheticCampaign({ claims, seed: 7 }))) {
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
  for (const row of db.prepare('SELECT type, data FROM events ORDER BY position').iterate() as IterableIterator<{ type: string; data: string }>) {
    const data = JSON.parse(row.data) as { campaignId?: string };
    counts.set(row.type, (counts.get(row.type) ?? 0) + (data.campaignId ? 1 : 0));
  }
  const reference = performance.now() - r0;
  db.close();

  const timeline = await Timeline.open(`sqlite:${file}`);
  const f0 = performance.now();
  await timeline.models.follower.catchUp();
  const full = performance.now() - f0;
  const b0 = performance.now();
  await timeline.projections.rebuildNow();
  const viewsOnly = performance.now() - b0;
  console.log(`reference read+parse+fold: ${reference.toFixed(0)} ms`);
  console.log(`start-up fold (catalog, claims list, views): ${full.toFixed(0)} ms (${(full / reference).toFixed(2)}x)`);
  console.log(`rebuild of the views: ${viewsOnly.toFixed(0)} ms (${(viewsOnly / reference).toFixed(2)}x)`);
  console.log(`rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB, heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await timeline.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
