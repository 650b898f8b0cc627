import { z } from 'zod';
import { CASUALTY_CATEGORIES, Slug, isCalendarDate, parseInstant, unknownName } from '@timeline/domain';
import { EXPORT_FORMATS } from '@timeline/application';

export const Day = z.string().refine(isCalendarDate, 'must be a date YYYY-MM-DD');
export const Instant = z
  .string()
  .refine(
    (v) => parseInstant(v) !== undefined,
    'must be an ISO instant with an offset, e.g. 2024-12-07T18:00:00+03:00 (in a URL write + as %2B, or use Z: 2024-12-07T15:00:00Z)',
  );
/** `knownAt`: a log position (digits) or an ISO instant: what was known then. */
export const KnownAtParam = z.union([z.string().regex(/^\d+$/).transform(Number), Instant]).optional();

/** `reportedBy`: an ISO instant: only the claim versions publicly reported by then. */
export const ReportedByParam = Instant.optional().describe(
  'an ISO instant: only the claim versions publicly reported by then (the earliest end of their sources’ publications); versions with no dated source are left out and counted in `unreported`',
);

/** A casualty category, refused with the one meant and every accepted one. */
const Category = z.enum(CASUALTY_CATEGORIES, {
  error: (issue) =>
    typeof issue.input !== 'string'
      ? `is required: one of ${CASUALTY_CATEGORIES.join(', ')}`
      : `${unknownName('category', issue.input, CASUALTY_CATEGORIES)} (one of ${CASUALTY_CATEGORIES.join(', ')})`,
});
/** A casualty side: a faction of the campaign or `civilians` (checked against the campaign). */
const Side = Slug.describe('a faction of the campaign, or civilians');

export const ViewParams = {
  knownAt: KnownAtParam,
  reportedBy: ReportedByParam,
  operation: Slug.optional(),
};

/** What every audit takes beside its figure. */
const AuditParams = {
  knownAt: KnownAtParam,
  reportedBy: ReportedByParam,
  order: z
    .enum(['log', 'reported'])
    .optional()
    .describe(
      'log (default): as the events were recorded; reported: by when their reports were published, one entry per instant',
    ),
};

const BBOX_FORM = 'bbox=west,south,east,north in degrees, west < east and south < north, e.g. bbox=36.0,34.5,37.5,36.5';

/** Four numbers in degrees, as a map's viewport gives them; anything else is refused with the form. */
function boundingBox(value: string, ctx: z.RefinementCtx) {
  const numbers = value.split(',').map((part) => (part.trim() === '' ? Number.NaN : Number(part)));
  const [west = Number.NaN, south = Number.NaN, east = Number.NaN, north = Number.NaN] = numbers;
  const inRange = [west, east].every((lon) => Math.abs(lon) <= 180) && [south, north].every((lat) => Math.abs(lat) <= 90);
  if (numbers.length === 4 && numbers.every(Number.isFinite) && inRange && west < east && south < north)
    return { west, south, east, north };
  ctx.addIssue({ code: 'custom', message: `must be ${BBOX_FORM}` });
  return z.NEVER;
}

const MAX_PLACES = 500;

export const ControlQuery = z
  .strictObject({
    day: Day.optional(),
    at: Instant.optional(),
    bbox: z
      .string()
      .transform(boundingBox)
      .optional()
      .describe(
        'only the places whose coordinates fall in the box (places without coordinates are left out): west,south,east,north',
      ),
    places: z
      .string()
      // sorted and without repeats, so the same set of places is one kept answer however it is written
      .transform((value) => [...new Set(value.split(',').map((id) => id.trim()))].sort())
      .pipe(z.array(Slug).min(1).max(MAX_PLACES, `at most ${MAX_PLACES} places`))
      .optional()
      .describe(`only these places: up to ${MAX_PLACES} place ids, comma separated`),
    ...ViewParams,
  })
  .refine((q) => (q.day === undefined) !== (q.at === undefined), { message: 'give day or at (one of them)', path: ['day'] });
export const ViewOnlyQuery = z.strictObject({ ...ViewParams });
export const CasualtiesQuery = z.strictObject({
  day: Day,
  side: Side.optional(),
  category: Category.optional(),
  ...ViewParams,
});
export const CasualtySeriesQuery = z.strictObject({
  side: Side.optional(),
  category: Category.optional(),
  ...ViewParams,
});
export const TerritoryQuery = z.strictObject({ day: Day, ...ViewParams });
export const AuditControlQuery = z
  .strictObject({ place: Slug, at: Instant.optional(), day: Day.optional(), ...AuditParams })
  .refine((q) => (q.day === undefined) !== (q.at === undefined), { message: 'give day or at (one of them)', path: ['at'] });
export const AuditCasualtiesQuery = z.strictObject({
  side: Side,
  category: Category,
  day: Day,
  figure: z.enum(['preferred', 'range', 'daily']).default('preferred'),
  ...AuditParams,
});
export const AuditTerritoryQuery = z.strictObject({ faction: Slug, day: Day, ...AuditParams });
export const SourceImpactQuery = z.strictObject({ knownAt: KnownAtParam, reportedBy: ReportedByParam });
export const ConflictsQuery = z.strictObject({ day: Day.optional(), knownAt: KnownAtParam, reportedBy: ReportedByParam });
export const ExportQuery = z.strictObject({
  format: z
    .enum(EXPORT_FORMATS)
    .describe(
      "ndjson: the log, every event as recorded; acled (or csv): the claims as ACLED's table; ucdp: the deaths as UCDP GED's table; geojson: a day's control map",
    ),
  day: Day.optional().describe("geojson: the map's day (the campaign's last day when omitted)"),
  history: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional()
    .describe(
      'acled, csv, ucdp: one row per revision with its status (current, superseded, retracted), rather than one per claim as it stands',
    ),
  ...ViewParams,
});
