import type { CampaignClock } from './time';
import type { FrameClaim } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** "6 h", "3 days": how long the world took to learn of a change; "under an hour" for less. */
export function delayInWords(ms: number): string {
  if (ms < HOUR) return 'under an hour';
  const hours = Math.round(ms / HOUR);
  if (hours < 48) return `${hours} h`;
  return `${Math.round(ms / DAY)} days`;
}

/**
 * "news of 5 Dec, reported 6 h later": a claim that took effect before the hour in which a replay
 * as reported shows it, named by the local day it took effect and how long its report came after.
 */
export function newsOfThePast(claim: Pick<FrameClaim, 'time' | 'reportedAt'>, clock: CampaignClock): string {
  const day = clock.dayEnding(claim.time.to);
  if (!claim.reportedAt) return `news of ${day}`;
  return `news of ${day}, reported ${delayInWords(Date.parse(claim.reportedAt) - Date.parse(claim.time.to))} later`;
}
