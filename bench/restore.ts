import { performance } from 'node:perf_hooks';
import { controlAt, endOfDay, NOW } from '@timeline/views';
import { restoredViews } from './restored-views';

/**
 * Restores a store's views from its snapshot as a restart does, then answers one day's map, and
 * prints how long each took and the heap the restore left, for profiling a cold start:
 * `node --expose-gc --max-old-space-size=8192 [--cpu-prof] dist/bench/restore.js <store.db> <snapshot> [campaign] [day]`
 * (the service writes `views.snapshot.ndjson` beside its store when it stops).
 */
async function main() {
  const { timeline, views, ledger, day, gc, restoredMs: restored, resumedFrom } = await restoredViews('restore');
  gc();
  const heap = process.memoryUsage().heapUsed;
  const v0 = performance.now();
  controlAt(views, ledger, endOfDay(ledger, day), NOW);
  const firstView = performance.now() - v0;
  console.log(
    `restore ${restored.toFixed(0)} ms (from position ${resumedFrom}); heap ${(heap / 2 ** 20).toFixed(0)} MiB; first day view (${day}) ${firstView.toFixed(0)} ms`,
  );
  await timeline.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
