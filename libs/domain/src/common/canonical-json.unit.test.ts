import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash, deterministicUuid } from './canonical-json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('canonicalJson', () => {
  it('given nested objects, when serialised, then keys are sorted at every level', () => {
    expect(canonicalJson({ b: 1, a: { d: 2, c: [{ z: 1, y: 2 }] } })).toBe('{"a":{"c":[{"y":2,"z":1}],"d":2},"b":1}');
  });

  it('given the same content with keys in another order, when serialised, then the text is equal', () => {
    expect(canonicalJson({ place: 'homs', status: 'controlled', time: { to: 'b', from: 'a' } })).toBe(
      canonicalJson({ time: { from: 'a', to: 'b' }, status: 'controlled', place: 'homs' }),
    );
  });

  it('given arrays, when serialised, then their order is kept', () => {
    expect(canonicalJson(['saa', 'hts'])).not.toBe(canonicalJson(['hts', 'saa']));
  });

  it('given a key whose value is undefined, when serialised, then it is as if the key were absent', () => {
    expect(canonicalJson({ a: 1, note: undefined })).toBe('{"a":1}');
  });

  it('given null values, when serialised, then they are kept', () => {
    expect(canonicalJson({ controller: null })).toBe('{"controller":null}');
  });
});

describe('contentHash', () => {
  it('given the same content in two key orders, when hashed, then the hashes are equal sha256 hex', () => {
    const hash = contentHash({ b: 2, a: 1 });
    expect(hash).toBe(contentHash({ a: 1, b: 2 }));
    expect(hash).toBe(createHash('sha256').update('{"a":1,"b":2}').digest('hex'));
  });
});

describe('deterministicUuid', () => {
  it('given the same parts, when derived twice, then the ids are equal and UUID-shaped', () => {
    const first = deterministicUuid('ClaimCorrected', { claimId: 'homs-2024-12-06-rastan', revision: 1 });
    expect(first).toMatch(UUID);
    expect(deterministicUuid('ClaimCorrected', { revision: 1, claimId: 'homs-2024-12-06-rastan' })).toBe(first);
  });

  it('given different parts, when derived, then the ids differ', () => {
    expect(deterministicUuid('a', 1)).not.toBe(deterministicUuid('a', 2));
  });

  it('given parts split differently, when derived, then the ids differ (the parts are a list)', () => {
    expect(deterministicUuid('ab')).not.toBe(deterministicUuid('a', 'b'));
  });

  it('given fixed parts, when derived, then the id is the one every earlier release derived (stored ids must not move)', () => {
    const hex = createHash('sha256').update('["evt",{"a":1,"b":[2,3]}]').digest('hex');
    expect(hex).toBe('687e79cb27799944a69b1b3d7d4dcf563525c35fd58d71a8d62ab40be5ca35b2');
    expect(deterministicUuid('evt', { b: [2, 3], a: 1 })).toBe('687e79cb-2779-5944-a69b-1b3d7d4dcf56');
  });
});
