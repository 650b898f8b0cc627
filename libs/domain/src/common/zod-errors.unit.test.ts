import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { fieldErrors, parseWith } from './zod-errors';

const Casualty = z.strictObject({
  side: z.string(),
  count: z.strictObject({ best: z.number().min(0) }),
});

describe('parseWith', () => {
  it('given valid input, when parsed, then the value comes back', () => {
    expect(parseWith(Casualty, { side: 'civilians', count: { best: 20 } })).toEqual({
      ok: true,
      value: { side: 'civilians', count: { best: 20 } },
    });
  });

  it('given a nested error, when parsed, then the path is dotted', () => {
    const result = parseWith(Casualty, { side: 'civilians', count: { best: -1 } });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['count.best']);
  });

  it('given a prefix, when a nested error is reported, then the path is under the prefix', () => {
    const result = parseWith(Casualty, { side: 'civilians', count: { best: -1 } }, 'claims.3');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['claims.3.count.best']);
  });

  it('given an unknown key, when parsed, then the path names the key (under the prefix)', () => {
    const result = parseWith(Casualty, { side: 'civilians', count: { best: 1 }, colour: 'red' }, 'claims.0');
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['claims.0.colour']);
  });

  it('given an unknown key inside a nested object, when parsed, then the path is dotted to the key', () => {
    const result = parseWith(Casualty, { side: 'civilians', count: { best: 1, approx: true } });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['count.approx']);
  });
});

describe('fieldErrors', () => {
  it('given an error at the root, when converted without a prefix, then the path is empty', () => {
    const result = z.string().safeParse(1);
    expect(result.success ? [] : fieldErrors(result.error).map((e) => e.path)).toEqual(['']);
  });
});

describe('fieldErrors: a field left out or left empty', () => {
  const Rank = z.strictObject({ rank: z.string(), reason: z.string().min(1), quote: z.string().min(1, 'quote the sentence') });

  it('given a reason left empty and a rank left out, when parsed, then each is said to be required, in plain words', () => {
    expect(parseWith(Rank, { reason: '', quote: '' })).toEqual({
      ok: false,
      errors: [
        { path: 'rank', message: 'is required (string)' },
        { path: 'reason', message: 'is required: it must not be empty' },
        // a schema's own message stands
        { path: 'quote', message: 'quote the sentence' },
      ],
    });
  });
});
