import { describe, expect, it } from 'vitest';
import { addCounts, toCount, ZERO } from './counts';

describe('toCount: a written count made whole (domain.md, Casualty counts)', () => {
  it.each([
    ['a bare number n is n..n', 283, { best: 283, low: 283, high: 283, openEnded: false }],
    ['"c. 1,000" is best only, low and high the best', { best: 1000 }, { best: 1000, low: 1000, high: 1000, openEnded: false }],
    [
      '"283+" is open-ended with no high',
      { best: 283, low: 283, openEnded: true },
      { best: 283, low: 283, high: null, openEnded: true },
    ],
    ['a range keeps its bounds', { best: 10, low: 8, high: 15 }, { best: 10, low: 8, high: 15, openEnded: false }],
    ['a missing high is the best', { best: 10, low: 8 }, { best: 10, low: 8, high: 10, openEnded: false }],
  ])('given %s, when made whole, then it is as expected', (_what, written, whole) => {
    expect(toCount(written)).toEqual(whole);
  });
});

describe('addCounts: low, best and high summed separately', () => {
  it('given two closed counts, when added, then each bound is summed', () => {
    expect(addCounts(toCount({ best: 10, low: 8, high: 15 }), toCount(5))).toEqual({
      best: 15,
      low: 13,
      high: 20,
      openEnded: false,
    });
  });

  it('given an open-ended term, when added, then the sum is open-ended with no high', () => {
    expect(addCounts(toCount(12), toCount({ best: 283, low: 283, openEnded: true }))).toEqual({
      best: 295,
      low: 295,
      high: null,
      openEnded: true,
    });
  });

  it('given ZERO, when added to a count, then the count is unchanged', () => {
    expect(addCounts(ZERO, toCount({ best: 10, low: 8, high: 15 }))).toEqual({ best: 10, low: 8, high: 15, openEnded: false });
  });
});
