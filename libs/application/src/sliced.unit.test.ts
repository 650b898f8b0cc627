import { describe, expect, it } from 'vitest';
import { inSlices, sliced } from './sliced';

/** Keeps the thread busy for `ms`. */
function spin(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end);
}

/** A computation of `ms` of busy work in steps of 0.1 ms, yielding after each step; answers its step count. */
function* busy(ms: number): Generator<void, number> {
  const steps = ms * 10;
  for (let step = 0; step < steps; step++) {
    spin(0.1);
    yield;
  }
  return steps;
}

/** Watches the event loop while `work` runs: the longest it went without a turn, and how many turns it took. */
async function watchLoop<T>(work: Promise<T>): Promise<{ value: T; longestMs: number; turns: number }> {
  let longestMs = 0;
  let turns = 0;
  let last = performance.now();
  let done = false;
  const watching = (async () => {
    while (!done) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      longestMs = Math.max(longestMs, now - last);
      last = now;
      turns++;
    }
  })();
  const value = await work;
  done = true;
  await watching;
  return { value, longestMs, turns };
}

describe('the expensive lane', () => {
  it('given 300 ms of work, then it never holds the event loop for more than a few ms, and the work is done', async () => {
    const { value, longestMs, turns } = await watchLoop(sliced(busy(300)));
    expect(value).toBe(3000);
    // at once it would hold the loop 300 ms; a slice is 2 ms, and a loaded machine may hold the
    // process itself a few tens of ms
    expect(longestMs).toBeLessThan(100);
    expect(turns).toBeGreaterThan(100);
  });

  it('given 200 ms of work, then it takes the loop at most about a fifth of the time: the rest is left to others', async () => {
    const start = performance.now();
    await sliced(busy(200));
    // 200 ms of slices with a gap of four times their length after each: about 1 s
    expect(performance.now() - start).toBeGreaterThan(700);
  });

  it('given two computations at once, then their slices take turns and each gets its own answer', async () => {
    const order: string[] = [];
    function* named(name: string, steps: number): Generator<void, string> {
      for (let i = 0; i < steps; i++) {
        order.push(name);
        spin(0.5);
        yield;
      }
      return name;
    }
    const answers = await Promise.all([sliced(named('a', 40)), sliced(named('b', 40))]);
    expect(answers).toEqual(['a', 'b']);
    const switches = order.filter((name, i) => i > 0 && name !== order[i - 1]).length;
    expect(switches).toBeGreaterThan(4);
  });

  it('gathers the items of a generator a slice at a time, in order and whole', async () => {
    function* items(): Generator<string> {
      for (let i = 0; i < 20_000; i++) yield `${i}\n`;
    }
    const batches: string[] = [];
    for await (const batch of inSlices(items())) batches.push(batch);
    expect(batches.join('')).toBe(Array.from({ length: 20_000 }, (_, i) => `${i}\n`).join(''));
  });
});
