/**
 * The index of the last item whose key is at or before `target` in a list sorted by that key,
 * or -1 when none is: the one search the views make over positions, instants and ends. `keyAt`
 * is asked only for indices in [0, length); it may answer a list's index lookup as it is.
 */
export function lastAtOrBefore(length: number, keyAt: (index: number) => number | undefined, target: number): number {
  let lo = 0;
  let hi = length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const key = keyAt(mid);
    if (key !== undefined && key <= target) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}
