import type { CountInput } from '@timeline/domain';

/** A casualty count as views report it: `high` is null when the count is open-ended. */
export interface Count {
  best: number;
  low: number;
  high: number | null;
  openEnded: boolean;
}

export const ZERO: Count = { best: 0, low: 0, high: 0, openEnded: false };

/** A written count made whole: a bare n is n..n; a missing low or high is the best figure. */
export function toCount(count: CountInput): Count {
  if (typeof count === 'number') return { best: count, low: count, high: count, openEnded: false };
  const openEnded = count.openEnded === true;
  return { best: count.best, low: count.low ?? count.best, high: openEnded ? null : (count.high ?? count.best), openEnded };
}

/** Sums low, best and high separately; one open-ended term makes the sum open-ended. */
export function addCounts(a: Count, b: Count): Count {
  const openEnded = a.openEnded || b.openEnded;
  return {
    best: a.best + b.best,
    low: a.low + b.low,
    high: openEnded || a.high === null || b.high === null ? null : a.high + b.high,
    openEnded,
  };
}
