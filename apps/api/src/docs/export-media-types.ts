import { EXPORT_FORMATS } from '@timeline/application';

/**
 * The media type each export format is answered with, and what the file is. A format of
 * EXPORT_FORMATS missing here is left out of the documented answer, and the docs test, which asks
 * for every format, names it.
 */
export const EXPORT_MEDIA_TYPES: Record<string, { mediaType: string; description: string }> = {
  ndjson: { mediaType: 'application/x-ndjson', description: 'the log, one recorded event per line (LogLine), as recorded' },
  acled: {
    mediaType: 'text/csv',
    description: 'the claims as ACLED’s table: ACLED’s 31 columns in ACLED’s order, then this product’s own',
  },
  csv: { mediaType: 'text/csv', description: 'the same table as acled, under its older name' },
  ucdp: {
    mediaType: 'text/csv',
    description: 'the deaths as UCDP GED’s table: UCDP GED’s 49 columns in its order, then this product’s own',
  },
  geojson: {
    mediaType: 'application/geo+json',
    description:
      'a day’s control map, one point per place (`day` optional: the campaign’s last day when omitted); places with unknown coordinates are left out of the features and listed in the collection’s `properties.unlocated`',
  },
};

/** Every export format with what its file is, in the order the formats are declared. */
export function exportFormatsDescription(formats: readonly string[] = EXPORT_FORMATS): string {
  return formats
    .flatMap((format) => {
      const known = EXPORT_MEDIA_TYPES[format];
      return known ? [`format=${format}: ${known.description}.`] : [];
    })
    .join(' ');
}
