import { describe, expect, it } from 'vitest';
import { editDistance, nearestNames, quotedChoice, unknownName } from './did-you-mean';

describe('editDistance', () => {
  it.each([
    ['homs', 'homs', 0],
    ['hmos', 'homs', 1],
    ['Hamah', 'Hama', 1],
    ['civilian', 'civilians', 1],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('given "%s" and "%s", when measured, then they are %i edits apart', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
  });
});

describe('nearestNames', () => {
  const places = ['homs', 'hama', 'al-rastan', 'aleppo', 'hims'];

  it('given a transposed id, when matched, then the nearest ids come first', () => {
    expect(nearestNames('hmos', places)).toEqual(['homs', 'hims']);
  });

  it('given an id far from every known one, when matched, then nothing is suggested', () => {
    expect(nearestNames('damascus', places)).toEqual([]);
  });

  it('given a different case, when matched, then case is ignored and the known spelling is given', () => {
    expect(nearestNames('hamah', ['Hama', 'Homs'])).toEqual(['Hama']);
  });

  it('given more close names than asked for, when matched, then only max are given', () => {
    expect(nearestNames('ab', ['aa', 'bb', 'ac', 'ad'], 2)).toEqual(['aa', 'bb']);
  });
});

describe('unknownName', () => {
  it('given a near id, when worded, then the message asks whether it was meant', () => {
    expect(unknownName('place', 'hmos', ['homs', 'aleppo'])).toBe('unknown place "hmos"; did you mean "homs"?');
  });

  it('given no near id, when worded, then the message only names the unknown id', () => {
    expect(unknownName('source', 'x-1', ['sohr-2024-12-06-rastan'])).toBe('unknown source "x-1"');
  });
});

describe('quotedChoice', () => {
  it('given three names, when worded, then they read as a choice', () => {
    expect(quotedChoice(['a', 'b', 'c'])).toBe('"a", "b" or "c"');
  });
});
