import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { Timeline } from '@timeline/application';
import { auditQuery } from './scale.bench';

/**
 * The audit line alone on a folded store, profiled from the first audit on (the fold is left out):
 * `node dist/bench/audit.js <store.db> [samples] [profile.cpuprofile]`, then
 * `node dist/bench/profile-summary.js <profile.cpuprofile>`.
 */
async function main() {
  const [file, samples = '500', profile] = process.argv.slice(2);
  if (!file) throw new Error('usage: node dist/bench/audit.js <store.db> [samples] [profile.cpuprofile]');
  const timeline = await Timeline.open(`sqlite:${file}`);
  const views = await timeline.projectionAdmin.caughtUpViews();
  const claims = [...views.ledgers.values()].reduce((n, ledger) => n + ledger.claims.size, 0);
  const session = new Session();
  if (profile) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const result = auditQuery(views, claims, Number(samples));
  if (profile) {
    const { profile: taken } = await session.post('Profiler.stop');
    writeFileSync(profile, JSON.stringify(taken));
  }
  console.log(`${result.name}: ${result.value.toFixed(2)} ${result.unit}; ${result.notes}`);
  await timeline.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
