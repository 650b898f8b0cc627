/** Formats instants in the campaign's own zone, which is the clock its reports speak in. */
export class CampaignClock {
  private readonly full: Intl.DateTimeFormat;
  private readonly hour: Intl.DateTimeFormat;
  private readonly day: Intl.DateTimeFormat;
  private readonly offset: Intl.DateTimeFormat;

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

  isUncertain(time: { from: string; to: string }): boolean {
    return Date.parse(time.to) - Date.parse(time.from) > 3_600_000;
  }

  private zone(at: string): string {
    return this.offset.formatToParts(new Date(at)).find((p) => p.type === 'timeZoneName')?.value ?? this.timeZone;
  }
}
