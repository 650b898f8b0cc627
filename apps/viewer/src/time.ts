/** Formats instants in the campaign's own zone, which is the clock its reports speak in. */
export class CampaignClock {
  private readonly full: Intl.DateTimeFormat;
  private readonly hour: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly offset: Intl.DateTimeFormat;
  private readonly shortDay: Intl.DateTimeFormat;
  private readonly shortInstant: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.full = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    this.hour = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    this.day = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    this.offset = new Intl.DateTimeFormat('en-GB', { timeZone, timeZoneName: 'shortOffset' });
    this.shortDay = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short' });
    this.shortInstant = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
  }

  /** "Thu, 5 Dec 2024, 17:00–18:00 GMT+3" for the hour [at, until). */
  hourSpan(at: string, until: string): string {
    return `${this.full.format(new Date(at))}–${this.hour.format(new Date(until))} ${this.zone(at)}`;
  }

  instant(at: string): string {
    return `${this.full.format(new Date(at))} ${this.zone(at)}`;
  }

  /** The local calendar day (YYYY-MM-DD) an instant falls on. */
  dayOf(at: string | number): string {
    return this.day.format(new Date(at));
  }

  /** How sure a claim's time is: the interval it names when it is wider than an hour. */
  interval(time: { from: string; to: string; precision: string }): string {
    const span = Date.parse(time.to) - Date.parse(time.from);
    if (span <= 3_600_000) return `${this.instant(time.to)} (${time.precision})`;
    return `between ${this.instant(time.from)} and ${this.instant(time.to)} (${time.precision})`;
  }

  /** "between 8 Dec 00:00 and 9 Dec 00:00 (day)": a change's window, short, in local time. */
  window(time: { from: string; to: string; precision: string }): string {
    return `between ${this.short(time.from)} and ${this.short(time.to)} (${time.precision})`;
  }

  /** "8 Dec, day" for a window of a whole day; "8 Dec, 00:00–06:00" within a day; "27 Nov–29 Nov" across days. */
  windowLabel(time: { from: string; to: string; precision: string }): string {
    const first = this.dayOfWindow(time.from);
    const last = this.dayOfWindow(Date.parse(time.to) - 1);
    if (time.precision === 'day' && first === last) return `${first}, day`;
    if (first === last) return `${first}, ${this.hour.format(new Date(time.from))}–${this.hour.format(new Date(time.to))}`;
    if (Date.parse(time.to) - Date.parse(time.from) >= 86_400_000 && this.hour.format(new Date(time.from)) === '00:00')
      return `${first}–${last}`;
    return `${this.short(time.from)}–${this.short(time.to)}`;
  }

  /** "30 Nov": the local day of the last instant before `end`, so a report of a day ending at midnight names that day. */
  dayEnding(end: string): string {
    return this.dayOfWindow(Date.parse(end) - 1);
  }

  /** "published 5 Dec", "published by 7 Dec" (only an access date is known), "published 5 Dec 14:30": a source's publication. */
  published(time: { from: string | null; to: string; precision: string }): string {
    if (time.from === null) return `published by ${this.dayEnding(time.to)}`;
    if (time.precision === 'day') return `published ${this.dayEnding(time.to)}`;
    if (time.precision === 'exact') return `published ${this.short(time.to)}`;
    return `published ${this.windowLabel({ ...time, from: time.from })}`;
  }

  isUncertain(time: { from: string; to: string }): boolean {
    return Date.parse(time.to) - Date.parse(time.from) > 3_600_000;
  }

  /** "6 Dec 00:00": an instant, short, in local time. */
  short(at: string): string {
    return this.shortInstant.format(new Date(at)).replace(',', '');
  }

  private dayOfWindow(at: string | number): string {
    return this.shortDay.format(new Date(at));
  }

  private zone(at: string): string {
    return this.offset.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? this.timeZone;
  }
}
