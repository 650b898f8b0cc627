import { describe, expect, it } from 'vitest';
import { hashKey, parseApiKeys } from './api-keys';

describe('parseApiKeys', () => {
  it('given name:role:key entries, when parsed, then each key is kept by name and role with its hash', () => {
    expect(parseApiKeys('amira:editor:0123456789abcdef, ops:admin:fedcba9876543210')).toEqual([
      { name: 'amira', role: 'editor', hash: hashKey('0123456789abcdef') },
      { name: 'ops', role: 'admin', hash: hashKey('fedcba9876543210') },
    ]);
  });

  it("given a key named as the campaign loader, when parsed, then it is refused, so an editor's writes never pass for the loader's", () => {
    expect(() => parseApiKeys('events-loader:editor:0123456789abcdef')).toThrow(/the name the campaign loader writes under/);
  });
});
