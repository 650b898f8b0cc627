import { setTimeout as sleep } from 'node:timers/promises';

/**
 * How long a slice of an expensive answer may hold the event loop: what a write or a cheap read
 * arriving meanwhile may have to wait for (with 4 ms, a day's map under hammering measured 1.7×
 * its p99 alone; with 2 ms, 1.4×: README, "What it guarantees").
 */
const SLICE_MS = 2;
/** After each slice, the loop is left to everything else this long: expensive answers get at most a fifth of it. */
const GAP_MS = 8;

/**
 * One lane for every expensive answer of the process (views of the past, whole-campaign tables):
 * slices run one at a time, each followed by a gap, so however many clients ask, those answers
 * take at most SLICE_MS / (SLICE_MS + GAP_MS) of the event loop and the requests that do not
 * need them — writes, today's map — keep their latency. An expensive answer takes longer instead.
 */
let lane: Promise<unknown> = Promise.resolve();

function inLane<T>(slice: () => T): Promise<T> {
  const turn = lane.then(slice);
  lane = turn.then(
    () => sleep(GAP_MS),
    () => sleep(GAP_MS),
  );
  return turn;
}

/** Steps a computation that yields after each small step until a slice's time is used up. */
function runSlice<T>(steps: Generator<unknown, T>): IteratorResult<unknown, T> {
  const start = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done || performance.now() - start >= SLICE_MS) return step;
  }
}

/** Runs a computation that yields after each small step, a slice at a time in the expensive lane. */
export async function sliced<T>(steps: Generator<unknown, T>): Promise<T> {
  for (;;) {
    const step = await inLane(() => runSlice(steps));
    if (step.done) return step.value;
  }
}

/** The items of a generator, gathered a slice at a time in the expensive lane. */
export async function* inSlices(items: Generator<string>): AsyncGenerator<string> {
  for (;;) {
    const { batch, done } = await inLane(() => {
      const start = performance.now();
      let text = '';
      for (;;) {
        const item = items.next();
        if (item.done) return { batch: text, done: true };
        text += item.value;
        if (performance.now() - start >= SLICE_MS) return { batch: text, done: false };
      }
    });
    if (batch) yield batch;
    if (done) return;
  }
}
