import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { readJsonLines } from '@timeline/application';
import { benchServer } from './http.bench';
import type { Result } from './measure';

/**
 * A restart of the service holding the store `file` whose snapshot a graceful stop left beside
 * it, until a day's control view answers, beside reading the snapshot file alone (its lines read,
 * parsed and checksummed, as a restore must).
 */
export async function coldStart(file: string, claims: number, day: string): Promise<Result> {
  const snapshot = join(dirname(file), 'views.snapshot.ndjson');
  if (!existsSync(snapshot)) throw new Error(`no snapshot at ${snapshot}: the service writes it when it stops`);
  const r0 = performance.now();
  let lines = 0;
  for (const line of readJsonLines(snapshot)) if (line) lines++;
  const reference = performance.now() - r0;

  const t0 = performance.now();
  const server = await benchServer(file);
  const listening = performance.now() - t0;
  try {
    for (;;) {
      const res = await fetch(`${server.url}/campaigns/synthetic/control?day=${day}`);
      await res.arrayBuffer();
      if (res.ok) break;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await server.kill();
  }
  const ours = performance.now() - t0;
  const resumed = /views resumed from the snapshot at (\d+)/.exec(server.output())?.[1];
  const ratio = ours / reference;
  return {
    name: `cold start holding ${claims.toLocaleString('en')} claims, snapshot present, until a day view answers`,
    value: ours / 1000,
    unit: 's',
    reference: `reading the snapshot file alone (${(statSync(snapshot).size / 2 ** 20).toFixed(0)} MiB, ${lines.toLocaleString('en')} lines: ${(reference / 1000).toFixed(2)} s)`,
    referenceValue: reference / 1000,
    ratio,
    target: '≤ 2x and ≤ 10 s',
    met: resumed !== undefined && ratio <= 2 && ours <= 10_000,
    notes: `${resumed ? `resumed from the snapshot at ${resumed}` : 'NOT resumed from the snapshot'}; listening after ${(listening / 1000).toFixed(2)} s`,
  };
}
