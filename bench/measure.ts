import { performance } from 'node:perf_hooks';

export interface Result {
  name: string;
  value: number;
  unit: string;
  reference: string;
  referenceValue: number;
  /** value ÷ reference for rates, or as stated by `ratioOf`. */
  ratio: number;
  target: string;
  met: boolean | null;
  notes?: string;
  /** When and by which command the line was measured (a partial run keeps the other lines). */
  measuredAt?: string;
  command?: string;
}

export function percentile(samples: number[], p: number): number {
  if (!samples.length) return NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  // an index in [0, length - 1] of a list that is not empty
  return sorted.at(Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length)))!;
}

/** Runs `f` on each item in turn, answering the rate per second and each call's latency in ms. */
export async function timed<T>(
  items: readonly T[],
  /** awaited when it answers a promise */
  f: (item: T) => unknown,
): Promise<{ rate: number; latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (const item of items) {
    const t = performance.now();
    await f(item);
    latencies.push(performance.now() - t);
  }
  const ms = performance.now() - start;
  return { rate: (items.length / ms) * 1000, latencies, ms };
}

/** What one side of a side-by-side run does: its items, and the call made with each. */
export interface Side<T> {
  items: readonly T[];
  /** awaited when it answers a promise */
  f: (item: T) => unknown;
}

/**
 * Runs the reference and ours call by call in turn, so both meet the same machine: on a shared
 * box the cost of an fsync drifts over seconds, and two phases run one after the other would
 * compare two different disks. Each side's rate is its calls over the time spent in them.
 */
export async function timedSideBySide<R, O>(
  reference: Side<R>,
  ours: Side<O>,
): Promise<{ reference: { rate: number; latencies: number[] }; ours: { rate: number; latencies: number[] } }> {
  const latencies = { reference: [] as number[], ours: [] as number[] };
  const call = async <T>(side: Side<T>, item: T, into: number[]) => {
    const t = performance.now();
    await side.f(item);
    into.push(performance.now() - t);
  };
  for (let i = 0; i < Math.max(reference.items.length, ours.items.length); i++) {
    if (i < reference.items.length) await call(reference, reference.items[i] as R, latencies.reference);
    if (i < ours.items.length) await call(ours, ours.items[i] as O, latencies.ours);
  }
  const rate = (samples: number[]) => (samples.length / samples.reduce((sum, ms) => sum + ms, 0)) * 1000;
  return {
    reference: { rate: rate(latencies.reference), latencies: latencies.reference },
    ours: { rate: rate(latencies.ours), latencies: latencies.ours },
  };
}

export function line(r: Result): string {
  const value = r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
  return `${r.name}: ${value} ${r.unit} (${r.ratio.toFixed(2)}x vs ${r.reference}) — target ${r.target}: ${r.met === null ? 'not judged' : r.met ? 'met' : 'MISSED'}`;
}
