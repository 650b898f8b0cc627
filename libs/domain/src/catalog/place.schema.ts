import { z } from 'zod';
import { Slug } from '../common/slug';
import { COORDINATE_PRECISIONS, PLACE_KINDS } from '../vocabulary';

export { PLACE_KINDS };
export type PlaceKind = (typeof PLACE_KINDS)[number];

/**
 * Kinds of place a control claim may cover others with (`coversPlaces`, domain.md "Before the
 * first report"): a region or district covers the places whose parent it is, a governorate the
 * places of its governorate, a country every place of the campaign.
 */
export const AREA_KINDS = ['region', 'district', 'governorate', 'country'] as const satisfies readonly PlaceKind[];
export function isAreaKind(kind: PlaceKind): boolean {
  return (AREA_KINDS as readonly PlaceKind[]).includes(kind);
}
export { COORDINATE_PRECISIONS };

const Latitude = z.number().min(-90).max(90).nullable().describe('degrees north; null or omitted when precision is "unknown"');
const Longitude = z.number().min(-180).max(180).nullable().describe('degrees east; null or omitted when precision is "unknown"');

const placeFields = {
  name: z.string().min(1).max(200),
  aliases: z.array(z.string().min(1).max(200)).max(50).default([]),
  kind: z.enum(PLACE_KINDS),
  /** The admin area (governorate, region) the place lies in; a place outside any omits it. */
  governorate: z
    .string()
    .min(1)
    .max(100)
    .optional()
    .describe(
      "the place's admin area (governorate, region), one of the campaign's adminAreas when it lists them; omitted for a place outside any",
    ),
  lat: Latitude.default(null),
  lon: Longitude.default(null),
  precision: z.enum(COORDINATE_PRECISIONS),
  /** Where the coordinates come from, with its licence: a gazetteer's entry, an encyclopedia's article. */
  coordinatesFrom: z.string().min(1).max(300).optional(),
  parent: Slug.optional(),
};

function coordinatesAgree(place: { lat?: number | null; lon?: number | null; precision?: string }, ctx: z.RefinementCtx) {
  if (place.lat === undefined && place.lon === undefined && place.precision === undefined) return;
  const known = place.lat !== null && place.lat !== undefined && place.lon !== null && place.lon !== undefined;
  if (place.precision === 'unknown' && (place.lat != null || place.lon != null)) {
    ctx.addIssue({ code: 'custom', path: ['precision'], message: 'is "unknown" but lat/lon are given' });
  }
  if (place.precision !== undefined && place.precision !== 'unknown' && !known) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: 'lat and lon are required unless precision is "unknown"' });
  }
}

/** The body of `POST /campaigns/:c/places`, and the data of `PlaceRegistered`. */
export const PlaceRegistration = z.strictObject({ placeId: Slug, ...placeFields }).superRefine(coordinatesAgree);
export type PlaceRegistration = z.infer<typeof PlaceRegistration>;

/** The body of `PATCH /campaigns/:c/places/:p`: the fields to change, and why. */
export const PlaceCorrection = z
  .strictObject({
    name: placeFields.name.optional(),
    aliases: z.array(z.string().min(1).max(200)).max(50).optional(),
    kind: placeFields.kind.optional(),
    governorate: placeFields.governorate,
    lat: Latitude.optional(),
    lon: Longitude.optional(),
    precision: placeFields.precision.optional(),
    coordinatesFrom: placeFields.coordinatesFrom,
    parent: Slug.optional(),
    reason: z.string().min(1).max(2000),
  })
  .refine((c) => Object.keys(c).some((k) => k !== 'reason'), { message: 'change at least one field', path: [] });
export type PlaceCorrection = z.infer<typeof PlaceCorrection>;
export { coordinatesAgree };
