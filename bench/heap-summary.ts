import { readFileSync } from 'node:fs';
import { writeHeapSnapshot } from 'node:v8';
import { Timeline } from '@timeline/application';

/**
 * What the heap holding a store's views is made of: folds the store, takes a heap snapshot after a
 * full collection and sums its nodes' own sizes by kind (objects by constructor, strings, arrays,
 * numbers). Usage: node --expose-gc dist/bench/heap-summary.js <store.db> [top]
 * (at 100,000 claims the snapshot is about 150 MB; at a million, several GB).
 */
interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

async function main() {
  const [file, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: node --expose-gc dist/bench/heap-summary.js <store.db> [top]');
  const timeline = await Timeline.open(`sqlite:${file}`);
  await timeline.projectionAdmin.caughtUpViews();
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error('run node with --expose-gc');
  gc();
  console.log(`heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(1)} MiB after a full collection`);
  const snapshot = JSON.parse(readFileSync(writeHeapSnapshot(), 'utf8')) as Snapshot;
  await timeline.close();
  const fields = snapshot.snapshot.meta.node_fields.length;
  const types = snapshot.snapshot.meta.node_types[0];
  const kinds = new Map<string, { bytes: number; count: number }>();
  for (let i = 0; i < snapshot.nodes.length; i += fields) {
    const type = types[snapshot.nodes[i] ?? 0] ?? '?';
    const name = snapshot.strings[snapshot.nodes[i + 1] ?? 0] ?? '';
    const kind = type.includes('string') ? 'string' : type === 'object' ? `object ${name}` : type;
    const entry = kinds.get(kind) ?? { bytes: 0, count: 0 };
    entry.bytes += snapshot.nodes[i + 3] ?? 0;
    entry.count += 1;
    kinds.set(kind, entry);
  }
  for (const [kind, { bytes, count }] of [...kinds].sort((a, b) => b[1].bytes - a[1].bytes).slice(0, Number(topArg ?? 12)))
    console.log(`${(bytes / 2 ** 20).toFixed(1).padStart(8)} MiB ${String(count).padStart(10)}  ${kind}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
