import { z } from 'zod';
import type { FieldError } from '../common/domain-error';
import { isCalendarDate, parseInstant } from './calendar';
import { DAY_PARTS, normalizeTime, WrittenTime, type Precision } from './claim-time';
import { addDays, localToUtc } from './zoned-time';

const PUBLISHED_FORMS = `must be a date YYYY-MM-DD, an ISO instant with an offset, or a written time: {date}, {date, part: ${DAY_PARTS.join('|')}}, {date, hour: 0-23}, {date, by: "HH:MM"}, {from, to}, or {to: date} for "published by the end of that day"`;

/**
 * When a source was published, written as valid time is (domain.md, "Three clocks"): a date, a
 * date with a part of day, an hour or a `by`, from/to dates or instants — or an ISO instant, or
 * `{to: date}` for "published by the end of that day", the start unknown (what a citation's
 * access date says: the report existed by then).
 */
export const PublishedAt = z.union(
  [z.string().refine((v) => isCalendarDate(v) || parseInstant(v) !== undefined, PUBLISHED_FORMS), WrittenTime],
  { error: PUBLISHED_FORMS },
);
export type PublishedAt = z.infer<typeof PublishedAt>;

/** A publication as an interval in UTC; `from` is null when only "published by `to`" is known. */
export interface PublishedTime {
  from: string | null;
  to: string;
  precision: Precision;
}

export type PublishedResult = { ok: true; time: PublishedTime } | { ok: false; errors: FieldError[] };

/** The interval a written publication time stands for, in the campaign's zone. */
export function normalizePublished(written: PublishedAt, timeZone: string, path = 'publishedAt'): PublishedResult {
  if (typeof written === 'string') {
    if (isCalendarDate(written)) return normalizeTime({ date: written }, timeZone, path);
    const at = parseInstant(written);
    if (at === undefined)
      return { ok: false, errors: [{ path, message: 'must be a date YYYY-MM-DD or an ISO instant with an offset' }] };
    const instant = new Date(at).toISOString();
    return { ok: true, time: { from: instant, to: instant, precision: 'exact' } };
  }
  const keys = Object.keys(written).filter((k) => written[k as keyof WrittenTime] !== undefined);
  if (keys.length === 1 && written.to !== undefined) {
    if (!isCalendarDate(written.to))
      return {
        ok: false,
        errors: [{ path: `${path}.to`, message: 'must be a date YYYY-MM-DD: published at the latest by the end of that day' }],
      };
    return {
      ok: true,
      time: { from: null, to: new Date(localToUtc(addDays(written.to, 1), 0, timeZone)).toISOString(), precision: 'by' },
    };
  }
  return normalizeTime(written, timeZone, path);
}

/** The instant by which a publication was public: the end of its interval, in epoch ms. */
export function publishedBy(time: PublishedTime | null | undefined): number | null {
  return time ? Date.parse(time.to) : null;
}

/**
 * When a claim version was publicly reported (domain.md, "Three clocks"): the earliest end among
 * the publications of the sources it cites — of those that could report it: a report public
 * before the claim's valid time began (a source of 30 November cited for a capture of 5 December)
 * is not its report. Null when no cited source is dated.
 */
export function earliestReport(publications: Iterable<PublishedTime | null | undefined>, validFrom: number): number | null {
  let earliest: number | null = null;
  for (const publication of publications) {
    const by = publishedBy(publication);
    if (by !== null && by > validFrom && (earliest === null || by < earliest)) earliest = by;
  }
  return earliest;
}
