import { setImmediate as nextTurn } from 'node:timers/promises';

/** How long a slice of an expensive answer may hold the event loop before others get a turn. */
const SLICE_MS = 4;

/**
 * Runs a computation that yields after each small step, giving the event loop back every few
 * milliseconds: a view of the past or a whole-campaign table then delays other requests by a
 * slice, not by its whole cost.
 */
export async function sliced<T>(steps: Generator<unknown, T>): Promise<T> {
  let sliceStart = performance.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (performance.now() - sliceStart >= SLICE_MS) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** The items of a generator, handed over in slices with a turn of the event loop between them. */
export async function* inSlices(items: Generator<string>): AsyncGenerator<string> {
  let sliceStart = performance.now();
  let batch = '';
  for (const item of items) {
    batch += item;
    if (performance.now() - sliceStart >= SLICE_MS) {
      yield batch;
      batch = '';
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  if (batch) yield batch;
}
