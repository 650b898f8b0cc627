import { describe, expect, it } from 'vitest';
import { PastViews } from '../../apps/viewer/src/past-views';

describe('the budget of views of the past', () => {
  it('given 10 views in 10 s, when two more are wanted, then they wait until the first two leave the window', () => {
    const views = new PastViews(10, 10_000);
    for (let t = 0; t < 10; t++) views.spend(1, t * 1000);
    expect(views.waitFor(2, 9_500)).toBe(1_500);
    expect(views.waitFor(2, 11_000)).toBe(0);
  });

  it('given room in the window, then what fits is asked for at once', () => {
    const views = new PastViews(10, 10_000);
    views.spend(2, 0);
    expect(views.waitFor(8, 1)).toBe(0);
    expect(views.waitFor(9, 1)).toBe(9_999);
  });

  it('given two views at a time at its steady pace, then the budget never makes them wait', () => {
    const views = new PastViews(10, 10_000);
    expect(views.spacing(2)).toBe(2_000);
    for (let t = 0; t < 60_000; t += views.spacing(2)) {
      expect(views.waitFor(2, t)).toBe(0);
      views.spend(2, t);
    }
  });
});
