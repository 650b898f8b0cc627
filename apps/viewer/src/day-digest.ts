import type { LogEntry } from './claim-log';
import type { CasualtyDayFigure, ControlPlace } from './types';

/** `/control/days`: places held per bloc at a day's end, and gained and lost that day. */
export interface ControlDay {
  day: string;
  byBloc: Record<string, number>;
  gained: Record<string, number>;
  lost: Record<string, number>;
}

/** A place that changed hands on the day, and the claims of the day behind its new holder. */
export interface Capture {
  place: string;
  name: string;
  from: string;
  to: string;
  bloc: string | null;
  claims: LogEntry[];
}

export interface DayDigest {
  day: string;
  /** The blocs that held, gained or lost places, most places held first. */
  blocs: { bloc: string; held: number; gained: number; lost: number }[];
  captures: Capture[];
  /** The day's figures with a count, largest first. */
  casualties: { side: string; category: string; best: number; openEnded: boolean; publisher: string | null }[];
}

export interface DayViews {
  day: ControlDay;
  /** The places at the end of the day before, and at the end of this one. */
  before: ControlPlace[];
  after: ControlPlace[];
  casualties: CasualtyDayFigure[];
  /** The campaign's claims; `dayOf` names the local day an instant falls on. */
  entries: readonly LogEntry[];
  dayOf: (at: number) => string;
}

/**
 * A day in short: each bloc's places held, gained and lost; the captures of the day — the places
 * whose holder at the day's end differs from the day before's, with the control claims taking
 * effect that day among those their new state rests on; and the casualty figures of the day.
 */
export function dayDigest({ day, before, after, casualties, entries, dayOf }: DayViews): DayDigest {
  const blocIds = new Set([...Object.keys(day.byBloc), ...Object.keys(day.gained), ...Object.keys(day.lost)]);
  const blocs = [...blocIds]
    .map((bloc) => ({ bloc, held: day.byBloc[bloc] ?? 0, gained: day.gained[bloc] ?? 0, lost: day.lost[bloc] ?? 0 }))
    .sort((a, b) => b.held - a.held || a.bloc.localeCompare(b.bloc));
  const byId = new Map(entries.map((e) => [e.claimId, e]));
  const formerly = new Map(before.map((p) => [p.place, p.controller]));
  const captures: Capture[] = [];
  for (const place of after) {
    const from = formerly.get(place.place);
    if (!from || !place.controller || from === place.controller) continue;
    const claims = place.basis
      .map((id) => byId.get(id))
      .filter((e): e is LogEntry => e?.type === 'control' && dayOf(Date.parse(e.time.to) - 1) === day.day);
    if (claims.length)
      captures.push({ place: place.place, name: place.name, from, to: place.controller, bloc: place.bloc, claims });
  }
  captures.sort((a, b) => a.name.localeCompare(b.name));
  const figures = casualties
    .map((f) => {
      const count = f.preferred?.count ?? f.daily;
      return {
        side: f.side,
        category: f.category,
        best: count.best,
        openEnded: count.openEnded,
        publisher: f.preferred?.publisher ?? null,
      };
    })
    .filter((f) => f.best > 0)
    .sort((a, b) => b.best - a.best);
  return { day: day.day, blocs, captures, casualties: figures };
}

const SHORT = new Intl.DateTimeFormat('en-GB', { timeZone: 'UTC', day: 'numeric', month: 'short' });
const LONG = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'UTC',
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
});

/** "5 Dec" (or "Thu, 5 Dec 2024") for a calendar day YYYY-MM-DD, whatever the zone it is read in. */
export function dayLabel(day: string, long = false): string {
  return (long ? LONG : SHORT).format(new Date(`${day}T12:00:00Z`));
}
