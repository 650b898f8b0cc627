/**
 * The media type each export format is answered with. A format of EXPORT_FORMATS missing here is
 * left out of the documented answer, and the docs test, which asks for every format, names it.
 */
export const EXPORT_MEDIA_TYPES: Record<string, { mediaType: string; description: string }> = {
  ndjson: { mediaType: 'application/x-ndjson', description: 'the log: one recorded event per line (LogLine), as recorded' },
  csv: { mediaType: 'text/csv', description: 'an ACLED-style table of claims' },
  geojson: { mediaType: 'application/geo+json', description: 'the day’s control map: one point per place' },
  acled: { mediaType: 'text/csv', description: 'the claims in the columns of an ACLED event table' },
  ucdp: { mediaType: 'text/csv', description: 'the claims in the columns of a UCDP GED table' },
};
