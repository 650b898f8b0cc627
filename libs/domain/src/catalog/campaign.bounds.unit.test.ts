import { describe, expect, it } from 'vitest';
import { coordinatesOutsideArea, strandedByAmendment, timeOutsideCampaign, unknownAdminArea } from './campaign.bounds';

const area = { south: 32, west: 35, north: 38, east: 43, note: 'approximate' };
const BOX = "the campaign's area (south 32, west 35, north 38, east 43 (approximate))";
const campaign = {
  timeZone: 'Asia/Damascus',
  window: { from: '2024-11-27', to: '2024-12-31' },
  area,
  adminAreas: ['Hama', 'Homs'],
};

describe('coordinatesOutsideArea', () => {
  it('given Hama inside the box, when checked, then nothing is wrong', () => {
    expect(coordinatesOutsideArea({ lat: 35.13, lon: 36.75 }, area)).toEqual([]);
  });

  it("given Paris's coordinates, when checked, then lat and lon each name the box", () => {
    expect(coordinatesOutsideArea({ lat: 48.85, lon: 2.35 }, area)).toEqual([
      { path: 'lat', message: `must be between 32 and 38: 48.85 is outside ${BOX}` },
      { path: 'lon', message: `must be between 35 and 43: 2.35 is outside ${BOX}` },
    ]);
  });

  it('given Deir ez-Zor with latitude and longitude swapped, when checked, then both say they look swapped', () => {
    const errors = coordinatesOutsideArea({ lat: 40.14, lon: 35.33 }, area);
    expect(errors.map((e) => e.path)).toEqual(['lat', 'lon']);
    expect(errors[0]?.message).toBe(
      `latitude and longitude look swapped: 40.14, 35.33 is outside ${BOX}, but 35.33, 40.14 is inside`,
    );
  });

  it('given no area or no coordinates, when checked, then anything goes', () => {
    expect(coordinatesOutsideArea({ lat: 48.85, lon: 2.35 }, undefined)).toEqual([]);
    expect(coordinatesOutsideArea({ lat: null, lon: null }, area)).toEqual([]);
  });
});

describe('unknownAdminArea', () => {
  it('given "Hamah", when checked, then it suggests Hama and lists the admin areas', () => {
    expect(unknownAdminArea('Hamah', ['Hama', 'Homs'])).toEqual([
      {
        path: 'governorate',
        message: `unknown admin area "Hamah"; did you mean "Hama"? (the campaign's admin areas: Hama, Homs)`,
      },
    ]);
  });

  it('given no governorate, or a campaign without admin areas, when checked, then nothing is wrong', () => {
    expect(unknownAdminArea(undefined, ['Hama'])).toEqual([]);
    expect(unknownAdminArea('Anywhere', undefined)).toEqual([]);
  });
});

describe('timeOutsideCampaign', () => {
  it('given the last hour of the window in its zone, when checked, then it is inside', () => {
    const time = { from: '2024-12-31T20:00:00.000Z', to: '2024-12-31T21:00:00.000Z', precision: 'hour' as const };
    expect(timeOutsideCampaign(time, campaign)).toEqual([]);
  });

  it('given the first hour after the window in its zone, when checked, then it is outside, naming the window', () => {
    const time = { from: '2024-12-31T21:00:00.000Z', to: '2024-12-31T22:00:00.000Z', precision: 'hour' as const };
    expect(timeOutsideCampaign(time, campaign, 'claims.2.time')).toEqual([
      {
        path: 'claims.2.time',
        message:
          "must fall within the campaign's window, 2024-11-27 to 2024-12-31 (local days, Asia/Damascus); this time falls on 2025-01-01",
      },
    ]);
  });
});

describe('strandedByAmendment', () => {
  const recorded = {
    places: [{ placeId: 'hama', lat: 35.13, lon: 36.75, governorate: 'Hama' }],
    claims: [{ claimId: 'hama-captured', time: { from: '2024-12-04T21:00:00.000Z', to: '2024-12-05T21:00:00.000Z' } }],
  };

  it('given a wider window, a box around every place and their admin areas, when amended, then nothing is stranded', () => {
    expect(strandedByAmendment({ ...campaign, window: { from: '2024-11-01', to: '2025-01-31' } }, recorded)).toEqual([]);
  });

  it('given a window ending before a claim, a box missing a place and admin areas without its governorate, when amended, then each is named', () => {
    const narrowed = {
      ...campaign,
      window: { from: '2024-11-27', to: '2024-12-01' },
      area: { ...area, north: 34 },
      adminAreas: ['Homs'],
    };
    expect(strandedByAmendment(narrowed, recorded)).toEqual([
      { path: 'window', message: 'would leave 1 recorded claim(s) outside 2024-11-27 to 2024-12-01: hama-captured' },
      { path: 'area', message: 'would leave 1 recorded place(s) outside it: hama' },
      { path: 'adminAreas', message: 'must include the admin areas of recorded places: Hama' },
    ]);
  });
});
