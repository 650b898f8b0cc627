/** How exactly the editor dates a claim: the forms of written time the service takes (domain.md, "Time"). */
export type TimePrecision = 'day' | 'part-of-day' | 'hour' | 'by' | 'multi-day';

/** A claim's time as the editor wrote it, in the campaign's local calendar. */
export interface TimeValues {
  precision: TimePrecision;
  date: string;
  part: string;
  hour: string;
  by: string;
  /** The last day of a claim of several days. */
  toDate: string;
}

/** What the editor wrote in the claim form, as typed; only the fields of the chosen type are sent. */
export interface ClaimFormValues {
  type: 'control' | 'casualties' | 'territory' | 'incident';
  operation: string;
  time: TimeValues;
  sources: string[];
  quote: string;
  note: string;
  place: string;
  status: string;
  controller: string;
  contestedBy: string;
  besiegedBy: string;
  vacatedBy: string;
  takenFrom: string;
  side: string;
  category: string;
  best: string;
  low: string;
  high: string;
  openEnded: boolean;
  scope: string;
  faction: string;
  settlements: string;
  areaKm2: string;
  kind: string;
  actors: string[];
}

/** The written time the service takes for the precision chosen: `{date}`, `{date, part}`, `{date, hour}`, `{date, by}` or `{from, to}`. */
export function writtenTime(time: TimeValues): Record<string, unknown> {
  switch (time.precision) {
    case 'day':
      return { date: time.date };
    case 'part-of-day':
      return { date: time.date, part: time.part };
    case 'hour':
      return { date: time.date, hour: numberOr(time.hour) };
    case 'by':
      return { date: time.date, by: time.by };
    case 'multi-day':
      return { from: time.date, to: time.toDate };
    default: {
      const never: never = time.precision;
      throw new Error(`unknown precision ${String(never)}`);
    }
  }
}

/** Which faction fields a control status takes (domain.md, control vocabulary); a contested place's holder may be unknown. */
const CONTROL_FIELDS: Record<string, readonly ('controller' | 'contestedBy' | 'besiegedBy' | 'vacatedBy')[]> = {
  controlled: ['controller'],
  contested: ['controller', 'contestedBy'],
  besieged: ['controller', 'besiegedBy'],
  vacated: ['vacatedBy'],
};

/**
 * The body of `POST /campaigns/:c/claims`: the fields common to every claim and those of its
 * type, empty ones left out. Numbers that do not read as numbers go as typed, so the service's
 * message about them lands beside their field; it is the one that judges the claim.
 */
export function claimInput(v: ClaimFormValues): Record<string, unknown> {
  const common = {
    type: v.type,
    ...given('operation', v.operation),
    time: writtenTime(v.time),
    sources: v.sources,
    quote: v.quote.trim(),
    ...given('note', v.note.trim()),
  };
  switch (v.type) {
    case 'control':
      return {
        ...common,
        place: v.place,
        status: v.status,
        ...Object.fromEntries((CONTROL_FIELDS[v.status] ?? []).flatMap((f) => (v[f] ? [[f, v[f]]] : []))),
        ...given('takenFrom', v.takenFrom),
      };
    case 'casualties':
      return { ...common, side: v.side, category: v.category, count: count(v), scope: v.scope, ...given('place', v.place) };
    case 'territory':
      return {
        ...common,
        faction: v.faction,
        ...given('settlements', numberOr(v.settlements)),
        ...given('areaKm2', numberOr(v.areaKm2)),
        scope: v.scope,
        ...given('place', v.place),
      };
    case 'incident':
      return { ...common, kind: v.kind, ...given('place', v.place), ...(v.actors.length ? { actors: v.actors } : {}) };
    default: {
      const never: never = v.type;
      throw new Error(`unknown claim type ${String(never)}`);
    }
  }
}

/** A single number, or `{best, low?, high?, openEnded?}` when a range or "at least" is given. */
function count(v: ClaimFormValues): unknown {
  const best = numberOr(v.best);
  if (!v.low.trim() && !v.high.trim() && !v.openEnded) return best;
  return {
    best,
    ...given('low', numberOr(v.low)),
    ...given('high', numberOr(v.high)),
    ...(v.openEnded ? { openEnded: true } : {}),
  };
}

function numberOr(text: string): number | string {
  const trimmed = text.trim().replace(/[,\s]/g, '');
  if (!trimmed) return '';
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}

function given<K extends string, T>(key: K, value: T | ''): Partial<Record<K, T>> {
  return value === '' || value === undefined ? {} : ({ [key]: value } as Record<K, T>);
}
