import { describe, expect, it } from 'vitest';
import { parseWith } from '../common/zod-errors';
import { PlaceCorrection, PlaceRegistration } from './place.schema';

const rastan = {
  placeId: 'al-rastan',
  name: 'Al-Rastan',
  aliases: ['Rastan'],
  kind: 'town',
  governorate: 'Homs',
  lat: 34.92,
  lon: 36.73,
  precision: 'approximate',
};

function errorPaths(input: unknown): string[] {
  const result = parseWith(PlaceRegistration, input);
  if (result.ok) throw new Error(`expected errors, got ${JSON.stringify(result.value)}`);
  return result.errors.map((e) => e.path);
}

describe('PlaceRegistration', () => {
  it('given a well-formed place, when parsed, then it is accepted unchanged', () => {
    expect(parseWith(PlaceRegistration, rastan)).toEqual({ ok: true, value: rastan });
  });

  it('given a place without aliases, when parsed, then aliases default to none', () => {
    const { aliases: _omitted, ...place } = rastan;
    const result = parseWith(PlaceRegistration, place);
    expect(result.ok && result.value.aliases).toEqual([]);
  });

  it('given precision unknown with coordinates, when parsed, then the error is at precision', () => {
    expect(errorPaths({ ...rastan, precision: 'unknown' })).toEqual(['precision']);
  });

  it('given precision unknown with null coordinates, when parsed, then it is accepted', () => {
    expect(parseWith(PlaceRegistration, { ...rastan, lat: null, lon: null, precision: 'unknown' }).ok).toBe(true);
  });

  it('given precision approximate without a latitude, when parsed, then the error is at lat', () => {
    expect(errorPaths({ ...rastan, lat: null })).toEqual(['lat']);
  });

  it('given precision exact without a longitude, when parsed, then the error is at lat (lat and lon go together)', () => {
    expect(errorPaths({ ...rastan, lon: null, precision: 'exact' })).toEqual(['lat']);
  });

  it('given a latitude beyond 90, when parsed, then the error is at lat', () => {
    expect(errorPaths({ ...rastan, lat: 134.92 })).toEqual(['lat']);
  });

  it('given an unknown kind of place, when parsed, then the error is at kind', () => {
    expect(errorPaths({ ...rastan, kind: 'castle' })).toEqual(['kind']);
  });

  it('given an unknown precision, when parsed, then the error is at precision', () => {
    expect(errorPaths({ ...rastan, precision: 'rough' })).toEqual(['precision']);
  });

  it('given a parent that is not a slug, when parsed, then the error is at parent', () => {
    expect(errorPaths({ ...rastan, parent: 'Homs City' })).toEqual(['parent']);
  });
});

describe('PlaceCorrection', () => {
  it('given new coordinates and a reason, when parsed, then they are accepted', () => {
    const correction = { lat: 34.93, lon: 36.74, precision: 'exact', reason: 'surveyed' };
    expect(parseWith(PlaceCorrection, correction)).toEqual({ ok: true, value: correction });
  });

  it('given only a reason, when parsed, then it is rejected as changing nothing', () => {
    expect(parseWith(PlaceCorrection, { reason: 'nothing' })).toEqual({
      ok: false,
      errors: [{ path: '', message: 'change at least one field' }],
    });
  });

  it('given a change to the place id, when parsed, then placeId is rejected', () => {
    const result = parseWith(PlaceCorrection, { placeId: 'rastan', name: 'Rastan', reason: 'rename' });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(['placeId']);
  });
});

describe('PlaceRegistration: optional governorate and coordinates', () => {
  it('given a desert base without a governorate, when parsed, then it is accepted without one', () => {
    const { governorate: _omitted, ...base } = rastan;
    const result = parseWith(PlaceRegistration, { ...base, kind: 'base' });
    expect(result.ok && 'governorate' in result.value).toBe(false);
  });

  it('given precision unknown without lat and lon, when parsed, then they are stored as null', () => {
    const { lat: _lat, lon: _lon, ...place } = rastan;
    const result = parseWith(PlaceRegistration, { ...place, precision: 'unknown' });
    expect(result.ok && { lat: result.value.lat, lon: result.value.lon }).toEqual({ lat: null, lon: null });
  });

  it('given precision approximate without lat and lon, when parsed, then the error is at lat', () => {
    const { lat: _lat, lon: _lon, ...place } = rastan;
    expect(errorPaths(place)).toEqual(['lat']);
  });
});
