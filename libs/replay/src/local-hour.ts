import { offsetAt } from '@timeline/domain';

export const HOUR = 3_600_000;

/** The start of the local hour containing an instant, in the campaign's zone. */
export function floorToLocalHour(instant: number, timeZone: string): number {
  const offset = offsetAt(instant, timeZone);
  return Math.floor((instant + offset) / HOUR) * HOUR - offset;
}

export function isoInstant(ms: number): string {
  return new Date(ms).toISOString();
}
