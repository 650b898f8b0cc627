import { describe, expect, it } from 'vitest';
import { changedFields } from './changed-fields';

const place = {
  placeId: 'idlib-governorate',
  name: 'Idlib Governorate',
  aliases: [],
  kind: 'region',
  governorate: 'Idlib',
  lat: null,
  lon: null,
  precision: 'unknown',
};

describe('changedFields', () => {
  it('given equal objects with keys in another order, when compared, then nothing changed', () => {
    const reordered = Object.fromEntries(Object.entries(place).reverse());
    expect(changedFields(place, reordered)).toEqual({});
  });

  it('given a changed, an added and a left-out field, when compared, then each is named, the left-out one as null', () => {
    const { name: _name, ...withoutName } = place;
    expect(changedFields(place, { ...withoutName, kind: 'governorate', parent: 'syria' })).toEqual({
      kind: 'governorate',
      parent: 'syria',
      name: null,
    });
  });

  it('given a field null on one side and absent on the other, when compared, then it did not change', () => {
    const { lat: _lat, ...withoutLat } = place;
    expect(changedFields(place, withoutLat)).toEqual({});
  });

  it('given ignored fields that differ, when compared, then they are left out', () => {
    expect(changedFields({ ...place, revision: 3 }, { ...place, placeId: 'idlib' }, ['placeId', 'revision'])).toEqual({});
  });

  it('given a nested value that differs, when compared, then the whole field is the change', () => {
    expect(changedFields({ aliases: ['Idleb', 'Edlib'] }, { aliases: ['Idleb'] })).toEqual({ aliases: ['Idleb'] });
  });
});
