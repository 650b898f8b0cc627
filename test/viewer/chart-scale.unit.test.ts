import { describe, expect, it } from 'vitest';
import { logScale, tickLabel } from '../../apps/viewer/src/chart-scale';

describe('the casualty chart’s scale', () => {
  it('given figures up to about a thousand, then it is logarithmic with a tick at each power of ten', () => {
    const { y, ticks } = logScale(1_000, 200, 20);
    expect(ticks).toEqual([0, 10, 100, 1_000]);
    expect(y(0)).toBe(200);
    expect(y(999)).toBeCloseTo(20, 5);
    // each power of ten one step up
    expect(y(9) - y(99)).toBeCloseTo(y(99) - y(999), 5);
  });

  it('given a figure of a thousand beside one of twelve, then the twelve is drawn more than a third of the way up', () => {
    const { y } = logScale(1_000, 200, 20);
    expect((200 - y(12)) / (200 - y(1_000))).toBeGreaterThan(1 / 3);
  });

  it('rises with the figure, and labels thousands short', () => {
    const { y } = logScale(50, 100, 0);
    for (let v = 0; v < 50; v++) expect(y(v + 1)).toBeLessThan(y(v));
    expect(logScale(0, 100, 0).ticks).toEqual([0, 10]);
    expect(tickLabel(1_000)).toBe('1k');
    expect(tickLabel(100)).toBe('100');
  });
});
