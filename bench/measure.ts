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

export function line(r: Result): string {
  const value = r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
  return `${r.name}: ${value} ${r.unit} (${r.ratio.toFixed(2)}x vs ${r.reference}) — target ${r.target}: ${r.met === null ? 'not judged' : r.met ? 'met' : 'MISSED'}`;
}
