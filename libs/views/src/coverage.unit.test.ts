import { describe, expect, it } from 'vitest';
import type { PlaceEntry } from './catalog.view';
import { covers } from './coverage';

const place = (placeId: string, kind: PlaceEntry['kind'], governorate?: string): PlaceEntry => ({
  placeId,
  name: placeId,
  aliases: [],
  kind,
  ...(governorate === undefined ? {} : { governorate }),
  lat: null,
  lon: null,
  precision: 'unknown',
  revision: 0,
});

describe('covers: a governorate', () => {
  it('given a town of its governorate, when asked, then it covers it', () => {
    expect(covers(place('hama-governorate', 'governorate', 'Hama'), place('suran', 'town', 'Hama'))).toBe(true);
  });

  it('given a governorate and a desert base both without a governorate, when asked, then it covers nothing: no admin area is not one area', () => {
    expect(covers(place('badia', 'governorate'), place('t4', 'base'))).toBe(false);
  });
});
