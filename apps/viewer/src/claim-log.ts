/** A claim as the running log holds it: what it says, when, where, who, and on whose report. */
export interface LogEntry {
  claimId: string;
  type: 'control' | 'casualties' | 'territory' | 'incident';
  /** The incident's kind (airstrike, shelling …); undefined for other types. */
  kind?: string;
  time: { from: string; to: string; precision: string };
  summary: string;
  quote: string;
  place: string | null;
  /** The place's name and aliases, for the search. */
  placeNames: string[];
  factions: string[];
  publishers: string[];
  operation: string | null;
  sources: { sourceId: string; publisher: string | null; title: string | null; url: string | null }[];
  /** Where the claim was first recorded: the tie-break among claims ending at the same instant. */
  position: number;
}

export interface LogFilter {
  /** A claim type, or `incident:<kind>`; '' for every claim. */
  type: string;
  faction: string;
  publisher: string;
  operation: string;
  /** Words of a place's name or alias, in any case and with or without accents. */
  place: string;
}

export const NO_FILTER: LogFilter = { type: '', faction: '', publisher: '', operation: '', place: '' };

/** A line of the log: the claim, and whether it is still under way at the instant of the log. */
export interface LogLine {
  entry: LogEntry;
  underWay: boolean;
}

/**
 * The log at `until`: the changes under way then (a control claim whose window contains it), then
 * every claim that took effect by then (its window ended), newest first.
 */
export function logAt(entries: readonly LogEntry[], until: string): LogLine[] {
  const end = Date.parse(until);
  const underWay = entries.filter((e) => e.type === 'control' && Date.parse(e.time.from) < end && Date.parse(e.time.to) > end);
  const done = entries.filter((e) => Date.parse(e.time.to) <= end);
  return [
    ...underWay.sort(newestFirst).map((entry) => ({ entry, underWay: true })),
    ...done.sort(newestFirst).map((entry) => ({ entry, underWay: false })),
  ];
}

function newestFirst(a: LogEntry, b: LogEntry): number {
  return Date.parse(b.time.to) - Date.parse(a.time.to) || b.position - a.position;
}

export function matchesFilter(entry: LogEntry, filter: LogFilter): boolean {
  const [type, kind] = filter.type.split(':');
  if (type && entry.type !== type) return false;
  if (kind && entry.kind !== kind) return false;
  if (filter.faction && !entry.factions.includes(filter.faction)) return false;
  if (filter.publisher && !entry.publishers.includes(filter.publisher)) return false;
  if (filter.operation && entry.operation !== filter.operation) return false;
  const words = folded(filter.place);
  if (words && !entry.placeNames.some((name) => folded(name).includes(words))) return false;
  return true;
}

/** Lower case without accents or the Arabic article's apostrophes, so "hama" finds "Ḥamā". */
export function folded(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f'’ʿʾ]/g, '')
    .toLowerCase()
    .trim();
}
