import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import { PublisherRegistration } from './publisher.schema';

describe('PublisherRegistration', () => {
  it('given a publisher with an id, a name and a kind, when parsed, then it is accepted unchanged', () => {
    const reuters = { publisher: 'reuters', name: 'Reuters', kind: 'news-agency' };
    expect(parseWith(PublisherRegistration, reuters)).toEqual({ ok: true, value: reuters });
  });

  it('given an unknown publisher kind, when parsed, then the error is at kind', () => {
    const result = parseWith(PublisherRegistration, { publisher: 'reuters', name: 'Reuters', kind: 'wire' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['kind']);
  });

  it('given a publisher id that is not a slug, when parsed, then the error is at publisher', () => {
    const result = parseWith(PublisherRegistration, { publisher: 'Russia MoD', name: 'Russian MoD', kind: 'belligerent' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['publisher']);
  });
});
