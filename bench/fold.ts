import { performance } from 'node:perf_hooks';
import { Timeline } from '@timeline/application';

/**
 * Folds a store as a fresh start does and prints how long it took and the heap it left, for
 * profiling the fold: `node --expose-gc --cpu-prof --cpu-prof-dir=prof dist/bench/fold.js <store.db>`
 * (a store of generated claims: `node dist/bench/rebuild-scale.js 1000000` leaves one).
 */
async function main() {
  const [file] = process.argv.slice(2);
  if (!file) throw new Error('usage: node dist/bench/fold.js <store.db>');
  const timeline = await Timeline.open(`sqlite:${file}`);
  const t0 = performance.now();
  await timeline.projectionAdmin.caughtUpViews();
  const folded = performance.now() - t0;
  (globalThis as { gc?: () => void }).gc?.();
  console.log(`fold ${folded.toFixed(0)} ms; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);
  await timeline.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
