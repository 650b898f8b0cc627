import { performance } from 'node:perf_hooks';
import { Timeline } from '@timeline/application';
import { controlAt, endOfDay, NOW } from '@timeline/views';

/**
 * Restores a store's views from its snapshot as a restart does, then answers one day's map, and
 * prints how long each took and the heap the restore left, for profiling a cold start:
 * `node --expose-gc --max-old-space-size=8192 [--cpu-prof] dist/bench/restore.js <store.db> <snapshot> [campaign] [day]`
 * (the service writes `views.snapshot.ndjson` beside its store when it stops).
 */
async function main() {
  const [file, snapshotFile, campaignId = 'synthetic', day = '2024-12-10'] = process.argv.slice(2);
  if (!file || !snapshotFile)
    throw new Error('usage: node --expose-gc dist/bench/restore.js <store.db> <snapshot> [campaign] [day]');
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  const t0 = performance.now();
  const timeline = await Timeline.open(`sqlite:${file}`);
  // no snapshot written while measuring, none at the close
  const { resumedFrom } = await timeline.start({ snapshotFile, snapshotEvery: Number.MAX_SAFE_INTEGER, snapshotStopBudgetMs: 0 });
  const views = await timeline.projectionAdmin.caughtUpViews();
  const restored = performance.now() - t0;
  if (resumedFrom === 0) throw new Error(`${snapshotFile} was not used: the log was folded from the start`);
  gc();
  const heap = process.memoryUsage().heapUsed;
  const ledger = views.ledger(campaignId);
  if (!ledger) throw new Error(`no campaign ${campaignId} in ${file}`);
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
