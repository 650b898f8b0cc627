import { describe, expect, it } from 'vitest';
import { countText } from '../../apps/viewer/src/change-card';

describe('a count on a change card', () => {
  it('given a count written as best alone, as a correction may write it, then it reads as that figure, not as its JSON', () => {
    expect(countText({ best: 120 })).toBe('120');
  });

  it('given a range or an open end, then the card says so', () => {
    expect(countText({ best: 125, low: 111, high: 140, openEnded: false })).toBe('125 (111–140)');
    expect(countText({ best: 59, low: 59, high: null, openEnded: true })).toBe('59+');
  });
});
