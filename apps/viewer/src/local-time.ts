/** The offset from UTC, in minutes, of a time zone at an instant. */
function offsetAt(utcMs: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  }).formatToParts(new Date(utcMs));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const local = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return Math.round((local - Math.floor(utcMs / 60_000) * 60_000) / 60_000);
}

/**
 * "2024-12-05T14:30:00+03:00": a local date and time of the campaign's zone as an ISO instant
 * with the offset the zone had then (Syria's was +02:00 in winter 2017, +03:00 in December 2024).
 */
export function localInstant(date: string, time: string, timeZone: string): string {
  const [y = 0, mo = 1, d = 1] = date.split('-').map(Number);
  const [h = 0, mi = 0] = time.split(':').map(Number);
  const asIfUtc = Date.UTC(y, mo - 1, d, h, mi);
  // the offset at the instant guessed with the offset of an instant nearby, which settles by the second try
  let offset = offsetAt(asIfUtc, timeZone);
  offset = offsetAt(asIfUtc - offset * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(h)}:${pad(mi)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}
