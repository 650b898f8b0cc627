import { describe, expect, it } from 'vitest';
import type { FormField } from '../../apps/viewer/src/claim-fields';
import { changesOf, reapplied, revisionDiff, sameValue, valueInWords } from '../../apps/viewer/src/claim-revisions';

const field = (name: string): FormField => ({ name, label: name, required: false, control: { kind: 'text' } });
const fields = ['category', 'count', 'note', 'place'].map(field);

describe('what an editor changed in a claim, and what changed under them', () => {
  it('given a count written as a number, then the same best figure in a form is no change', () => {
    expect(sameValue('count', 12, { best: 12 })).toBe(true);
    expect(sameValue('count', 12, { best: 12, low: 10 })).toBe(false);
    expect(sameValue('place', undefined, null)).toBe(true);
  });

  it('given a form with one field changed and one emptied, then the changes hold just those, the emptied one as null', () => {
    const shown = { category: 'killed', count: 12, note: 'as reported', place: 'homs' };
    const edited = { category: 'killed', count: { best: 15, low: 12 }, note: undefined, place: 'homs' };
    expect(changesOf(fields, shown, edited)).toEqual({ count: { best: 15, low: 12 }, note: null });
  });

  it('given someone corrected the note while the editor changed the count, then the diff shows both, without a clash', () => {
    const shown = { category: 'killed', count: 12 };
    const now = { category: 'killed', count: 12, note: 'hospital figure' };
    const edited = { category: 'killed', count: 15 };
    expect(revisionDiff(fields, shown, now, edited)).toEqual([
      { name: 'count', label: 'count', before: 12, now: 12, yours: 15, clash: false },
      { name: 'note', label: 'note', before: undefined, now: 'hospital figure', clash: false },
    ]);
    expect(reapplied(fields, shown, now, edited)).toEqual({ category: 'killed', count: 15, note: 'hospital figure' });
  });

  it('given both changed the count to different figures, then it is a clash and re-applying keeps the editor’s', () => {
    const diff = revisionDiff(fields, { count: 12 }, { count: 13 }, { count: 15 });
    expect(diff).toEqual([{ name: 'count', label: 'count', before: 12, now: 13, yours: 15, clash: true }]);
    expect(reapplied(fields, { count: 12 }, { count: 13 }, { count: 15 }).count).toBe(15);
  });

  it('says values in words: a count with its range, none for an absent value, names for ids', () => {
    expect(valueInWords({ best: 15, low: 12, high: 20 })).toBe('15 (12–20)');
    expect(valueInWords({ best: 283, openEnded: true })).toBe('283+');
    expect(valueInWords({ best: 7, low: 7, openEnded: true })).toBe('7+ (at least 7)');
    expect(valueInWords(undefined)).toBe('none');
    expect(valueInWords(['hts', 'saa'], (id) => id.toUpperCase())).toBe('HTS, SAA');
  });
});
