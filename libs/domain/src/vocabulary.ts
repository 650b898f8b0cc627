/**
 * The words of the record: the values a claim, a place or a source may take where the domain
 * offers a closed list. Plain lists with no validation library, so the viewer's forms offer the
 * very words the schemas accept (`@timeline/domain/vocabulary`).
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
export const GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const;
/**
 * The kinds of armed or political actor ACLED tells apart (its codebook's actor types, `inter1` 1 to
 * 8 in that order): what a campaign says each of its factions is, so exports can say who fought whom.
 */
export const ACTOR_TYPES = [
  'state-forces',
  'rebel-group',
  'political-militia',
  'identity-militia',
  'rioters',
  'protesters',
  'civilians',
  'external-forces',
] as const;
