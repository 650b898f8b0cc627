import { performance } from 'node:perf_hooks';
import { Timeline } from '@timeline/application';
import { MemoryEventStore } from '@timeline/store';
import { syntheticCampaign, syntheticAppends } from '@timeline/synthetic';
import { auditControl, casualtiesOn, controlAt, endOfDay, NOW } from '@timeline/views';

/** Folds a generated campaign and times the view queries: `node dist/bench/views-scale.js 1000000`. */
async function main() {
  const claims = Number(process.argv[2] ?? 100_000);
  const t0 = performance.now();
  const synthetic = syntheticCampaign({ claims, seed: 7 });
  const store = new MemoryEventStore();
  for (const append of syntheticAppends(synthetic)) await store.append([append]);
  const t1 = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const timeline = new Timeline(store);
  await timeline.start();
  const t2 = performance.now();
  global.gc?.();
  const views = await timeline.projectionAdmin.caughtUpViews();
  const ledger = views.ledger('synthetic')!;
  const day = '2024-12-10';
  const time = (label: string, f: () => unknown, n = 1) => {
    const s = performance.now();
    for (let i = 0; i < n; i++) f();
    console.log(`${label}: ${((performance.now() - s) / n).toFixed(3)} ms`);
  };
  console.log(`generate+append ${claims}: ${(t1 - t0).toFixed(0)} ms; fold: ${(t2 - t1).toFixed(0)} ms`);
  console.log(
    `heap used by the fold (incl. memory store): ${((process.memoryUsage().heapUsed - heapBefore) / 2 ** 20).toFixed(0)} MiB; rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`,
  );
  time('control day (cold)', () => controlAt(views, ledger, endOfDay(ledger, day), NOW));
  time('control day (warm)', () => controlAt(views, ledger, endOfDay(ledger, day), NOW), 20);
  time('casualties day (cold)', () => casualtiesOn(views, ledger, day, NOW));
  time('casualties day (warm)', () => casualtiesOn(views, ledger, day, NOW), 20);
  time(
    'control day knownAt (historical)',
    () => controlAt(views, ledger, endOfDay(ledger, day), Math.floor(views.position / 2)),
    5,
  );
  time(
    'control day reportedBy (as reported)',
    () => controlAt(views, ledger.asReportedBy(endOfDay(ledger, day)), endOfDay(ledger, day), NOW),
    5,
  );
  time('audit control place-3', () => auditControl(views, ledger, 'place-3', endOfDay(ledger, day)));
  await timeline.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
