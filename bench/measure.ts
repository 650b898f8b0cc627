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
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

/** Runs `f` n times, answering the rate per second and each call's latency in ms. */
export async function timed(
  n: number,
  f: (i: number) => unknown | Promise<unknown>,
): Promise<{ rate: number; latencies: number[]; ms: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await f(i);
    latencies.push(performance.now() - t);
  }
  const ms = performance.now() - start;
  return { rate: (n / ms) * 1000, latencies, ms };
}

export function line(r: Result): string {
  const value = r.value >= 100 ? r.value.toFixed(0) : r.value.toFixed(2);
  return `${r.name}: ${value} ${r.unit} (${r.ratio.toFixed(2)}x vs ${r.reference}) — target ${r.target}: ${r.met === null ? 'not judged' : r.met ? 'met' : 'MISSED'}`;
}
