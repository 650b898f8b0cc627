import { z } from 'zod';
import type { FieldError } from '../common/domain-error';
import { isCalendarDate, parseInstant } from './calendar';
import { addDays, localToUtc } from './zoned-time';
import { DAY_PARTS } from '../vocabulary';

export { DAY_PARTS };
export type DayPart = (typeof DAY_PARTS)[number];

/** Local hours each part of the day covers, `[start, end)`. */
const PART_HOURS: Record<DayPart, [number, number]> = {
  'early-hours': [0, 6],
  morning: [6, 12],
  afternoon: [12, 18],
  evening: [18, 21],
  night: [21, 24],
};

export const PRECISIONS = ['exact', 'hour', 'by', 'part-of-day', 'day', 'multi-day'] as const;
export type Precision = (typeof PRECISIONS)[number];

/** Valid time as an author writes it; the forms are told apart by which fields are present. */
export const WrittenTime = z
  .strictObject({
    date: z.string().optional(),
    part: z.enum(DAY_PARTS).optional(),
    hour: z.number().int().min(0).max(23).optional(),
    by: z
      .string()
      .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM, 00:01 to 24:00')
      .optional(),
    from: z.string().optional(),
    to: z.string().optional(),
  })
  .describe('date | date+part | date+hour | date+by | from/to dates | from/to instants with offset');
export type WrittenTime = z.infer<typeof WrittenTime>;

/** The normalised valid time: a UTC interval `[from, to)` with its precision. */
export interface ValidTime {
  from: string;
  to: string;
  precision: Precision;
}

export type TimeResult = { ok: true; time: ValidTime } | { ok: false; errors: FieldError[] };

/** Turns a written time into the UTC interval it stands for, in the campaign's zone. */
export function normalizeTime(written: WrittenTime, timeZone: string, path = 'time'): TimeResult {
  const fail = (field: string, message: string): TimeResult => ({
    ok: false,
    errors: [{ path: field ? `${path}.${field}` : path, message }],
  });
  const { date, part, hour, by, from, to } = written;

  if (date !== undefined) {
    if (from !== undefined || to !== undefined) return fail('from', 'give either date or from/to, not both');
    if (!isCalendarDate(date)) return fail('date', 'must be a calendar date YYYY-MM-DD');
    const given = [part, hour, by].filter((v) => v !== undefined).length;
    if (given > 1) return fail(part !== undefined ? 'part' : 'hour', 'give at most one of part, hour, by');
    if (part !== undefined) {
      const [start, end] = PART_HOURS[part];
      return interval(localToUtc(date, start * 60, timeZone), localToUtc(date, end * 60, timeZone), 'part-of-day');
    }
    if (hour !== undefined) {
      const from = localToUtc(date, hour * 60, timeZone);
      const to = localToUtc(date, (hour + 1) * 60, timeZone);
      // the hour the clocks skip when they spring forward never happened there
      if (to <= from) return fail('hour', `${date} ${hour}:00 does not exist in ${timeZone}: the clocks skipped it`);
      return interval(from, to, 'hour');
    }
    if (by !== undefined) {
      // `by` is HH:MM (checked by the schema)
      const [hh = 0, mm = 0] = by.split(':').map(Number);
      const minutes = hh * 60 + mm;
      if (minutes === 0 || minutes > 24 * 60) return fail('by', 'must be after 00:00 and at most 24:00');
      return interval(localToUtc(date, 0, timeZone), localToUtc(date, minutes, timeZone), 'by');
    }
    return interval(localToUtc(date, 0, timeZone), localToUtc(addDays(date, 1), 0, timeZone), 'day');
  }

  if (part !== undefined || hour !== undefined || by !== undefined) {
    return fail(part !== undefined ? 'part' : hour !== undefined ? 'hour' : 'by', 'needs a date');
  }
  if (from === undefined) return fail('', 'give date, or from and to');
  if (to === undefined) return fail('to', 'is required with from');

  if (isCalendarDate(from) || isCalendarDate(to)) {
    if (!isCalendarDate(from)) return fail('from', 'must be a date YYYY-MM-DD like to');
    if (!isCalendarDate(to)) return fail('to', 'must be a date YYYY-MM-DD like from');
    if (to < from) return fail('to', 'must not be before from');
    return interval(localToUtc(from, 0, timeZone), localToUtc(addDays(to, 1), 0, timeZone), 'multi-day');
  }
  const fromMs = parseInstant(from);
  if (fromMs === undefined) return fail('from', 'must be a date YYYY-MM-DD or an ISO instant with an offset');
  const toMs = parseInstant(to);
  if (toMs === undefined) return fail('to', 'must be a date YYYY-MM-DD or an ISO instant with an offset');
  if (toMs <= fromMs) return fail('to', 'must be after from');
  return interval(fromMs, toMs, 'exact');
}

function interval(from: number, to: number, precision: Precision): TimeResult {
  return { ok: true, time: { from: new Date(from).toISOString(), to: new Date(to).toISOString(), precision } };
}
