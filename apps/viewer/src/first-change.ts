import { campaignPath, getJson } from './api';
import type { CampaignClock } from './time';

const HOUR = 3_600_000;

/** A day of `/control/days`: places held per bloc at its end, gained and lost that day. */
export interface ControlDay {
  day: string;
  byBloc: Record<string, number>;
  gained: Record<string, number>;
  lost: Record<string, number>;
}

/** A claim of `/claims` as far as its valid time goes. */
export interface TimedClaim {
  claimId: string;
  time: { from: string; to: string };
}

const counts = (byBloc: Record<string, number>) => JSON.stringify(Object.entries(byBloc).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The days on which some place's state changes, first first: a holder gained or lost, or the
 * places held per bloc differ from the day before (a place's first report). A day before `from`
 * is left out.
 */
export function daysOfChange(days: readonly ControlDay[], from = ''): string[] {
  const changed: string[] = [];
  let before = counts({});
  for (const d of days) {
    const now = counts(d.byBloc);
    const moved = Object.keys(d.gained).length > 0 || Object.keys(d.lost).length > 0 || now !== before;
    if (moved && d.day >= from) changed.push(d.day);
    before = now;
  }
  return changed;
}

/**
 * The start of the hour in which the first of the claims ending on `day` takes effect (a claim
 * takes effect in the hour its window ends in), not before `notBefore`; undefined when none ends then.
 */
export function firstHourOfChange(
  claims: readonly TimedClaim[],
  day: string,
  clock: Pick<CampaignClock, 'dayOf'>,
  notBefore: number,
): string | undefined {
  const ends = claims.map((c) => Date.parse(c.time.to)).filter((to) => to > notBefore && clock.dayOf(to - 1) === day);
  if (!ends.length) return undefined;
  const end = Math.min(...ends);
  return new Date(Math.max(notBefore, Math.ceil(end / HOUR) * HOUR - HOUR)).toISOString();
}

/**
 * Where a replay opens when the link names no hour: the first hour of its window in which a
 * place's state changes, from the day views and the claims of that day; the window's start when
 * none does.
 */
export async function firstChange(
  campaignId: string,
  window: { from: string; to: string; fromDay: string },
  clock: CampaignClock,
  knownAt?: string,
): Promise<string> {
  const base = campaignPath(campaignId);
  const { days } = await getJson<{ days: ControlDay[] }>(`${base}/control/days`, { knownAt });
  // a day whose change came from a claim ending before the window is passed over for the next
  for (const day of daysOfChange(days, window.fromDay).slice(0, 3)) {
    const { items } = await getJson<{ items: TimedClaim[] }>(`${base}/claims`, { type: 'control', day, limit: 1000 });
    const at = firstHourOfChange(items, day, clock, Date.parse(window.from));
    if (at && Date.parse(at) < Date.parse(window.to)) return at;
  }
  return window.from;
}
