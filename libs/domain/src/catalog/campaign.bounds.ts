import { type FieldError } from '../common/domain-error';
import { unknownName } from '../common/did-you-mean';
import type { ValidTime } from '../time/claim-time';
import { addDays, localDateOf, localToUtc } from '../time/zoned-time';
import type { CampaignArea, CampaignRegistration } from './campaign.schema';

type Bounded = Pick<CampaignRegistration, 'timeZone' | 'window' | 'claimWindow' | 'area' | 'adminAreas'>;

/** The days a claim may fall in, the name they go by in messages, and the field that sets them. */
export function claimDays(campaign: Bounded): { from: string; to: string; name: string; field: 'window' | 'claimWindow' } {
  return campaign.claimWindow
    ? { ...campaign.claimWindow, name: 'claim window', field: 'claimWindow' }
    : { ...campaign.window, name: 'window', field: 'window' };
}

/** Whether a claim's interval lies inside the campaign's claim days, from local midnight to midnight. */
export function withinClaimDays(time: Pick<ValidTime, 'from' | 'to'>, campaign: Bounded): boolean {
  const days = claimDays(campaign);
  const start = localToUtc(days.from, 0, campaign.timeZone);
  const end = localToUtc(addDays(days.to, 1), 0, campaign.timeZone);
  return Date.parse(time.from) >= start && Date.parse(time.to) <= end;
}

/** A claim whose valid time is not inside the campaign's days, as an error on its time. */
export function timeOutsideCampaign(time: ValidTime, campaign: Bounded, path = 'time'): FieldError[] {
  if (withinClaimDays(time, campaign)) return [];
  const days = claimDays(campaign);
  // the days the time touches, in the campaign's zone, as the window is written
  const first = localDateOf(Date.parse(time.from), campaign.timeZone);
  const last = localDateOf(Date.parse(time.to) - 1, campaign.timeZone);
  const when = first === last ? `falls on ${first}` : `runs from ${first} to ${last}`;
  return [
    {
      path,
      message: `must fall within the campaign's ${days.name}, ${days.from} to ${days.to} (local days, ${campaign.timeZone}); this time ${when}`,
    },
  ];
}

export function describeArea(area: CampaignArea): string {
  return `south ${area.south}, west ${area.west}, north ${area.north}, east ${area.east}${area.note ? ` (${area.note})` : ''}`;
}

function inArea(lat: number, lon: number, area: CampaignArea): boolean {
  return lat >= area.south && lat <= area.north && lon >= area.west && lon <= area.east;
}

/**
 * Coordinates outside the campaign's area, as errors on `lat` and `lon`; none when the campaign
 * has no area or the place has no coordinates. When the swapped pair lies inside, says so.
 */
export function coordinatesOutsideArea(
  place: { lat?: number | null; lon?: number | null },
  area: CampaignArea | undefined,
): FieldError[] {
  const { lat, lon } = place;
  if (!area || lat === null || lat === undefined || lon === null || lon === undefined || inArea(lat, lon, area)) return [];
  const box = `the campaign's area (${describeArea(area)})`;
  if (inArea(lon, lat, area)) {
    const message = `latitude and longitude look swapped: ${lat}, ${lon} is outside ${box}, but ${lon}, ${lat} is inside`;
    return [
      { path: 'lat', message },
      { path: 'lon', message },
    ];
  }
  const errors: FieldError[] = [];
  if (lat < area.south || lat > area.north)
    errors.push({ path: 'lat', message: `must be between ${area.south} and ${area.north}: ${lat} is outside ${box}` });
  if (lon < area.west || lon > area.east)
    errors.push({ path: 'lon', message: `must be between ${area.west} and ${area.east}: ${lon} is outside ${box}` });
  return errors;
}

/** A governorate that is not one of the campaign's admin areas; none when it lists none or the place gives none. */
export function unknownAdminArea(governorate: string | undefined, adminAreas: readonly string[] | undefined): FieldError[] {
  if (governorate === undefined || !adminAreas || adminAreas.includes(governorate)) return [];
  return [
    {
      path: 'governorate',
      message: `${unknownName('admin area', governorate, adminAreas)} (the campaign's admin areas: ${adminAreas.join(', ')})`,
    },
  ];
}

export interface RecordedInCampaign {
  places: Iterable<{ placeId: string; lat?: number | null; lon?: number | null; governorate?: string }>;
  claims: Iterable<{ claimId: string; time: Pick<ValidTime, 'from' | 'to'> }>;
}

const LISTED = 5;
const listed = (ids: string[]) =>
  `${ids.slice(0, LISTED).join(', ')}${ids.length > LISTED ? ` and ${ids.length - LISTED} more` : ''}`;

/**
 * What an amended campaign would leave outside itself: claims outside its days, places outside
 * its area or in no admin area of it. An amendment may widen; it may not strand what is recorded.
 */
export function strandedByAmendment(next: Bounded, recorded: RecordedInCampaign): FieldError[] {
  const errors: FieldError[] = [];
  const days = claimDays(next);
  const claimsOut = [...recorded.claims].filter((c) => !withinClaimDays(c.time, next)).map((c) => c.claimId);
  if (claimsOut.length)
    errors.push({
      path: days.field,
      message: `would leave ${claimsOut.length} recorded claim(s) outside ${days.from} to ${days.to}: ${listed(claimsOut)}`,
    });
  const places = [...recorded.places];
  const outside = places.filter((p) => coordinatesOutsideArea(p, next.area).length).map((p) => p.placeId);
  if (outside.length)
    errors.push({ path: 'area', message: `would leave ${outside.length} recorded place(s) outside it: ${listed(outside)}` });
  const areas = next.adminAreas;
  const missing = areas
    ? [...new Set(places.flatMap((p) => (p.governorate !== undefined && !areas.includes(p.governorate) ? [p.governorate] : [])))]
    : [];
  if (missing.length)
    errors.push({ path: 'adminAreas', message: `must include the admin areas of recorded places: ${listed(missing)}` });
  return errors;
}
