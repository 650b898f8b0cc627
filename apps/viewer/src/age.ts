const DAY = 86_400_000;
/** How much ink the oldest information keeps, so a marker never vanishes from the map. */
const FLOOR = 0.3;

/** Markers start to fade once their information is this many days old, unless the reader says otherwise. */
export const FADE_AFTER_DAYS = 7;

/** How old a state's information is at `now`, in days; undefined when no report dates it (an inferred state). */
export function ageInDays(lastReportedAt: string | null, now: string): number | undefined {
  if (lastReportedAt === null) return undefined;
  return Math.max(0, (Date.parse(now) - Date.parse(lastReportedAt)) / DAY);
}

/**
 * The ink a marker keeps for its age: all of it up to `fadeAfter` days, then less each day until
 * twice that age, where it keeps the floor. Undated information is drawn apart, so it keeps all.
 */
export function freshness(age: number | undefined, fadeAfter: number): number {
  if (age === undefined || age <= fadeAfter) return 1;
  return Math.max(FLOOR, 1 - ((1 - FLOOR) * (age - fadeAfter)) / fadeAfter);
}

/** A number of days the reader typed, if it is one the control accepts. */
export function parseFadeAfter(value: string | null | undefined): number | undefined {
  const days = Number(value);
  return value && Number.isInteger(days) && days >= 1 && days <= 365 ? days : undefined;
}
