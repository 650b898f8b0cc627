/**
 * The words of the record the editor's forms offer, as the domain defines them
 * (libs/domain: claim.schema, place.schema, source.schema, claim-time). Copied, not imported:
 * the domain's index would bring its validation library into the page; a unit test keeps the
 * copies equal to the originals.
 */
export const CLAIM_TYPES = ['control', 'casualties', 'territory', 'incident'] as const;
export const CONTROL_STATUSES = ['controlled', 'contested', 'besieged', 'vacated'] as const;
export const CASUALTY_CATEGORIES = [
  'killed',
  'wounded',
  'killed-or-wounded',
  'captured',
  'missing',
  'arrested',
  'displaced',
] as const;
export const SCOPES = ['incident', 'cumulative'] as const;
export const INCIDENT_KINDS = [
  'airstrike',
  'shelling',
  'ambush',
  'bombing',
  'drone-strike',
  'withdrawal',
  'announcement',
  'evacuation',
  'infrastructure',
  'other',
] as const;
export const RANKS = ['preferred', 'normal', 'deprecated'] as const;
export type Rank = (typeof RANKS)[number];
export const DAY_PARTS = ['early-hours', 'morning', 'afternoon', 'evening', 'night'] as const;
export const PLACE_KINDS = [
  'city',
  'town',
  'village',
  'district',
  'base',
  'airport',
  'oil-field',
  'gas-field',
  'crossing',
  'prison',
  'bridge',
  'mountain',
  'region',
  'governorate',
  'country',
] as const;
export const COORDINATE_PRECISIONS = ['exact', 'approximate', 'unknown'] as const;
export const PUBLISHER_KINDS = ['monitor', 'news-agency', 'belligerent', 'government', 'encyclopedia'] as const;

/** "killed-or-wounded" → "killed or wounded": a word of the vocabulary as a label. */
export const label = (word: string): string => word.replace(/-/g, ' ');

/** The options of a select over a vocabulary, each word its own label. */
export const optionsOf = (words: readonly string[]): [string, string][] => words.map((w) => [w, label(w)]);
