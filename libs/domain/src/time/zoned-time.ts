/**
 * Local wall-clock time in an IANA zone <-> UTC instants, through `Intl` only, so historical
 * offsets (Syria: UTC+2 in winter 2017, UTC+3 all year since 2022) come from the runtime's
 * time-zone database.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

const CLOCK_PARTS: ReadonlySet<string> = new Set([
  'year',
  'month',
  'day',
  'hour',
  'minute',
  'second',
] satisfies (keyof WallClock)[]);

/** The formatter also gives literals, eras and day periods: only these parts set the clock. */
function isClockPart(type: string): type is keyof WallClock {
  return CLOCK_PARTS.has(type);
}

export function wallClockAt(epochMs: number, timeZone: string): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const part of formatterFor(timeZone).formatToParts(new Date(epochMs))) {
    if (isClockPart(part.type)) clock[part.type] = Number(part.value);
  }
  return clock;
}

const QUARTER_HOUR = 15 * 60 * 1000;
const offsets = new Map<string, Map<number, number>>();

/**
 * The zone's offset from UTC at an instant, in milliseconds (UTC+3 → 10_800_000). Zones change
 * offset on quarter-hour boundaries, so offsets are remembered per quarter hour: formatting
 * through `Intl` is the slow part of normalising a time.
 */
export function offsetAt(epochMs: number, timeZone: string): number {
  const bucket = Math.floor(epochMs / QUARTER_HOUR);
  let zone = offsets.get(timeZone);
  if (!zone) offsets.set(timeZone, (zone = new Map<number, number>()));
  let offset = zone.get(bucket);
  if (offset === undefined) {
    const at = bucket * QUARTER_HOUR;
    const w = wallClockAt(at, timeZone);
    offset = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - at;
    if (zone.size > 100_000) zone.clear();
    zone.set(bucket, offset);
  }
  return offset;
}

/**
 * The instant at which the zone's clocks showed this local time. Minutes past 24:00 roll into
 * the next day, so `24:00` is the end of the day. In a spring-forward gap the later offset wins.
 */
export function localToUtc(date: string, minutesOfDay: number, timeZone: string): number {
  const { year, month, day } = dateParts(date);
  const guess = Date.UTC(year, month - 1, day, 0, minutesOfDay);
  const first = guess - offsetAt(guess, timeZone);
  const second = guess - offsetAt(first, timeZone);
  return second;
}

/** The local calendar day (YYYY-MM-DD) of an instant in the zone. */
export function localDateOf(epochMs: number, timeZone: string): string {
  const w = wallClockAt(epochMs, timeZone);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

/** `[start, end)` of a local day as UTC epoch milliseconds. */
export function dayBounds(date: string, timeZone: string): { start: number; end: number } {
  return { start: localToUtc(date, 0, timeZone), end: localToUtc(date, 24 * 60, timeZone) };
}

export function addDays(date: string, days: number): string {
  const { year, month, day } = dateParts(date);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** The year, month and day of a calendar date YYYY-MM-DD. */
function dateParts(date: string): { year: number; month: number; day: number } {
  return { year: Number(date.slice(0, 4)), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
