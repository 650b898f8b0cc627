import { describe, expect, it } from 'vitest';
import { DomainError } from '../common/domain-error';
import { decideRegistration } from './registration.decide';

const homs = {
  placeId: 'homs',
  name: 'Homs',
  aliases: ['Hims'],
  kind: 'city',
  governorate: 'Homs',
  lat: 34.73,
  lon: 36.72,
  precision: 'approximate',
};

describe('decideRegistration', () => {
  it('given nothing registered under the id, when registered, then it is recorded', () => {
    expect(decideRegistration(undefined, homs, 'placeId', 'place "homs"')).toBe('record');
  });

  it('given a place registered, when the same content is registered again in another key order, then it is unchanged', () => {
    const reordered = Object.fromEntries(Object.entries(homs).reverse());
    expect(decideRegistration(homs, reordered, 'placeId', 'place "homs"')).toBe('unchanged');
  });

  it('given a place registered, when other content is registered under its id, then it is a conflict at the id field', () => {
    let thrown: unknown;
    try {
      decideRegistration(homs, { ...homs, lat: 34.8 }, 'placeId', 'place "homs"');
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect((thrown as DomainError).kind).toBe('conflict');
    expect((thrown as DomainError).errors).toEqual([
      { path: 'placeId', message: 'is already registered with different content' },
    ]);
    expect((thrown as DomainError).message).toBe('place "homs" already exists with different content');
  });

  it('given aliases in another order, when registered again, then it is a conflict (array order is content)', () => {
    const first = { ...homs, aliases: ['Hims', 'Emesa'] };
    expect(() => decideRegistration(first, { ...homs, aliases: ['Emesa', 'Hims'] }, 'placeId', 'place')).toThrow(DomainError);
  });
});
