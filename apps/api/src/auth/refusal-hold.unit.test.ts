import { describe, expect, it } from 'vitest';
import { FREE_REFUSALS, HOLD_MS, RefusalHold } from './refusal-hold';

/** A hold on a clock of its own: sleeping moves the clock on and notes how long each sleep was. */
function heldOnAClock(start = 1_000_000) {
  let now = start;
  const sleeps: number[] = [];
  const hold = new RefusalHold(
    () => now,
    (ms) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  );
  return { hold, sleeps, advance: (ms: number) => (now += ms) };
}

describe('holding refusals', () => {
  it('given a client refused as many times as it may have had requests in flight, then none is held', async () => {
    const { hold, sleeps } = heldOnAClock();
    for (let i = 0; i < FREE_REFUSALS; i++) expect(await hold.refuse('client:a', 7)).toBe(7);
    expect(sleeps).toEqual([]);
  });

  it('given a client asking again past those within its wait, then each refusal is held a second and says what is left to wait', async () => {
    const { hold, sleeps } = heldOnAClock();
    for (let i = 0; i < FREE_REFUSALS; i++) await hold.refuse('client:a', 7);
    expect(await hold.refuse('client:a', 7)).toBe(6);
    expect(await hold.refuse('client:a', 6)).toBe(5);
    expect(sleeps).toEqual([HOLD_MS, HOLD_MS]);
  });

  it('given a client that waited as it was told, then its next refusals start a new count and are not held', async () => {
    const { hold, sleeps, advance } = heldOnAClock();
    for (let i = 0; i < FREE_REFUSALS; i++) await hold.refuse('client:a', 3);
    advance(3000);
    for (let i = 0; i < FREE_REFUSALS; i++) await hold.refuse('client:a', 10);
    expect(sleeps).toEqual([]);
  });

  it('counts each client apart', async () => {
    const { hold, sleeps } = heldOnAClock();
    for (let i = 0; i < FREE_REFUSALS; i++) await hold.refuse('client:a', 7);
    await hold.refuse('client:b', 7);
    expect(sleeps).toEqual([]);
    await hold.refuse('client:a', 7);
    expect(sleeps).toEqual([HOLD_MS]);
  });

  it('given a hundred thousand clients and more, then it forgets those whose wait is over first', async () => {
    const { hold, advance } = heldOnAClock();
    for (let i = 0; i < 60_000; i++) await hold.refuse(`client:old-${i}`, 1);
    advance(2000);
    for (let i = 0; i < 50_000; i++) await hold.refuse(`client:new-${i}`, 10);
    expect(hold.size).toBe(50_000);
  });
});
