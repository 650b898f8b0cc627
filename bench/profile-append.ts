import { mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@timeline/store';
import { timed } from './measure';
import { claimAppends } from './store.bench';

/**
 * A CPU profile of batched appends (100 claims a call) through the store API and nothing else:
 * the appends are made before the profiler starts, so hashing their ids is not counted.
 * Usage: node dist/bench/profile-append.js <batches> <out.cpuprofile>, then
 * node dist/bench/profile-summary.js <out.cpuprofile>
 */
async function main() {
  const [batchesArg, out] = process.argv.slice(2);
  if (!out) throw new Error('usage: node dist/bench/profile-append.js <batches> <out.cpuprofile>');
  const batches = Array.from({ length: Number(batchesArg) }, (_, b) => claimAppends(100, `p${b}-`));
  const store = new SqliteEventStore(join(mkdtempSync(join(tmpdir(), 'profile-store-')), 'store.db'));
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  const { rate } = await timed(batches, (batch) => store.append(batch));
  const { profile } = await session.post('Profiler.stop');
  session.disconnect();
  await store.close();
  writeFileSync(out, JSON.stringify(profile));
  console.log(`${(rate * 100).toFixed(0)} claims/s through the store API; profile in ${out}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
