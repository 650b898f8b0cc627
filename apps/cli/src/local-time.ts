import { offsetAt, wallClockAt } from '@timeline/domain';

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * An instant as the campaign's clocks showed it, with their offset from UTC:
 * `Sat 7 Dec 14:00 (+03:00)`, or `Sat 7 Dec 2024 14:00 (+03:00)` with the year.
 */
export function localTime(instant: string | number, timeZone: string, options: { year?: boolean } = {}): string {
  const at = typeof instant === 'number' ? instant : Date.parse(instant);
  return `${localDay(at, timeZone, options)} ${localClock(at, timeZone)} (${offsetLabel(at, timeZone)})`;
}

/** An hour of a replay, `Sat 7 Dec 14:00 → 15:00 (+03:00)`; both ends in full when the day or the offset differs. */
export function localSpan(from: string, until: string, timeZone: string): string {
  const [start, end] = [Date.parse(from), Date.parse(until)];
  const sameDay = localDay(start, timeZone) === localDay(end, timeZone) && offsetAt(start, timeZone) === offsetAt(end, timeZone);
  return sameDay
    ? `${localDay(start, timeZone)} ${localClock(start, timeZone)} → ${localClock(end, timeZone)} (${offsetLabel(start, timeZone)})`
    : `${localTime(start, timeZone)} → ${localTime(end, timeZone)}`;
}

function localDay(at: number, timeZone: string, { year = false }: { year?: boolean } = {}): string {
  const { year: y, month, day } = wallClockAt(at, timeZone);
  const weekday = WEEKDAYS[new Date(Date.UTC(y, month - 1, day)).getUTCDay()] ?? '';
  return `${weekday} ${day} ${MONTHS[month - 1] ?? ''}${year ? ` ${y}` : ''}`;
}

function localClock(at: number, timeZone: string): string {
  const { hour, minute } = wallClockAt(at, timeZone);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function offsetLabel(at: number, timeZone: string): string {
  const minutes = Math.round(offsetAt(at, timeZone) / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
