import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { performance } from 'node:perf_hooks';
import { controlAt, controlledPlaces, endOfDay, NOW } from '@timeline/views';
import { restoredViews } from './restored-views';

/**
 * What the answers known now cost a restarted service: restores a store's views from its
 * snapshot, then builds every place's timeline and every casualty figure known now, as the
 * warming after a start does, and prints how long each took and what the heap holds before and
 * after, then a day's map from them:
 * `node --expose-gc --max-old-space-size=8192 dist/bench/warm-answers.js <store.db> <snapshot> [campaign] [day]`
 * With `PROFILE=<file.cpuprofile>` in the environment, the building alone is profiled into that
 * file (read it with `node dist/bench/profile-summary.js <file>`).
 */
async function main() {
  const { timeline, views, ledger, day, gc } = await restoredViews('warm-answers');
  const mib = () => (process.memoryUsage().heapUsed / 2 ** 20).toFixed(0);
  gc();
  const before = mib();
  const stopProfiling = process.env.PROFILE ? await profiling(process.env.PROFILE) : undefined;
  const t0 = performance.now();
  const places = controlledPlaces(ledger, NOW);
  for (const place of places) views.timeline(ledger, place, NOW);
  const t1 = performance.now();
  gc();
  const withTimelines = mib();
  const keys = [...ledger.casualtiesByKey.keys()];
  const t2 = performance.now();
  for (const key of keys) views.casualties(ledger, key, NOW);
  const t3 = performance.now();
  await stopProfiling?.();
  gc();
  const withFigures = mib();
  const t4 = performance.now();
  controlAt(views, ledger, endOfDay(ledger, day), NOW);
  const map = performance.now() - t4;
  console.log(
    `timelines of ${places.length} places ${(t1 - t0).toFixed(0)} ms, heap ${before} -> ${withTimelines} MiB; ` +
      `${keys.length} casualty figures ${(t3 - t2).toFixed(0)} ms, heap ${withFigures} MiB; the day's map (${day}) from them ${map.toFixed(0)} ms`,
  );
  await timeline.close();
}

/** Starts the CPU profiler on this thread; answers a function that stops it and writes the profile to `file`. */
async function profiling(file: string): Promise<() => Promise<void>> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return async () => {
    const { profile } = await session.post('Profiler.stop');
    session.disconnect();
    writeFileSync(file, JSON.stringify(profile));
  };
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
