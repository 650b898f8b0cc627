export {
  CASUALTY_CATEGORIES,
  CLAIM_TYPES,
  CONTROL_STATUSES,
  COORDINATE_PRECISIONS,
  DAY_PARTS,
  INCIDENT_KINDS,
  PLACE_KINDS,
  PUBLISHER_KINDS,
  RANKS,
  SCOPES,
  type Rank,
} from '@timeline/domain/vocabulary';

/** "killed-or-wounded" → "killed or wounded": a word of the vocabulary as a label. */
export const label = (word: string): string => word.replace(/-/g, ' ');

/** The options of a select over a vocabulary, each word its own label. */
export const optionsOf = (words: readonly string[]): [string, string][] => words.map((w) => [w, label(w)]);
