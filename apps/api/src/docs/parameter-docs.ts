/** What a parameter means and a value that works with the shipped campaigns. */
export interface ParameterDoc {
  description: string;
  example: unknown;
}

/**
 * Path parameters, by the name the routes give them. A parameter missing here is documented
 * without a description, and the docs test names it.
 */
export const PATH_PARAMETERS: Record<string, ParameterDoc> = {
  c: { description: 'the campaign id (a slug)', example: 'syria-2024' },
  p: { description: 'the place id (a slug) in the campaign’s gazetteer', example: 'homs' },
  s: { description: 'the source id (a slug)', example: 'sohr-2024-12-06-homs-withdrawal' },
  id: { description: 'the claim id (a slug)', example: 'homs-2024-12-08-homs-captured' },
  publisher: { description: 'the publisher id (a slug)', example: 'sohr' },
};

/**
 * Query parameters, by name across routes: the query schemas give their types, these their
 * meaning where the schema does not describe it, and an example. A parameter a query schema gains
 * without an entry here is documented without one, and the docs test names it.
 */
export const QUERY_PARAMETERS: Record<string, ParameterDoc> = {
  day: { description: 'a local day of the campaign, YYYY-MM-DD (its end, in the campaign’s time zone)', example: '2024-12-08' },
  at: {
    description: 'an ISO instant with an offset (write + as %2B in a URL, or use Z)',
    example: '2024-12-08T06:00:00Z',
  },
  knownAt: {
    description:
      'what was known then: a log position (digits) or an ISO instant; the views as the record stood at that point. Counts against the budget of expensive reads without a key',
    example: '2024-12-09T00:00:00Z',
  },
  reportedBy: {
    description:
      'an ISO instant: only the claim versions publicly reported by then (the earliest end of their sources’ publications); versions with no dated source are left out and counted in `unreported`',
    example: '2024-12-09T00:00:00Z',
  },
  operation: { description: 'only the claims of this operation of the campaign', example: 'homs' },
  bbox: {
    description:
      'only the places whose coordinates fall in the box, edges included: west,south,east,north in degrees (west < east, south < north); places without coordinates are left out. The rest of the answer (summary …) is the whole map’s',
    example: '36.0,34.5,37.5,36.5',
  },
  places: {
    description:
      'only these places: up to 500 place ids, comma separated (an unknown one is refused, naming it). The rest of the answer (summary …) is the whole map’s',
    example: 'homs,hama',
  },
  type: { description: 'only claims of this type', example: 'control' },
  place: { description: 'a place id: only claims about it (audits: the place audited)', example: 'homs' },
  source: { description: 'a source id: only claims citing it', example: 'sohr-2024-12-06-homs-withdrawal' },
  publisher: {
    description: 'a publisher id: claims citing one of its sources, or attributed to it',
    example: 'sohr',
  },
  retracted: { description: 'include or exclude (default) retracted claims', example: 'include' },
  limit: { description: 'at most this many claims (1–1000, default 100)', example: 50 },
  after: { description: 'the `next` of the previous page: claims first recorded after this log position', example: 0 },
  side: { description: 'a faction of the campaign, or civilians', example: 'civilians' },
  category: { description: 'a casualty category', example: 'killed' },
  faction: { description: 'a faction of the campaign', example: 'hts' },
  figure: { description: 'which figure to audit: preferred (default), range or daily', example: 'preferred' },
  order: {
    description:
      'log (default): as the events were recorded; reported: by when their reports were published, one entry per instant',
    example: 'log',
  },
  format: {
    description:
      'the file: the log (ndjson), the claims as ACLED’s table (acled, or csv), the deaths as UCDP GED’s table (ucdp), a day’s control map (geojson)',
    example: 'acled',
  },
  history: {
    description: 'tables only: one row per revision with its status, rather than one per claim as it stands',
    example: 'true',
  },
};
