import { addDays, localDateOf, type ClaimData } from '@timeline/domain';
import type { CampaignLedger } from '../campaign-ledger';
import type { ClaimRecord, ClaimVersion } from '../claim-history';
import { NOW, type KnownAt } from '../known-at';

type KeyOfAny<T> = T extends unknown ? keyof T : never;
type FieldOfAny<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Every field a claim of any type may have, read from one flat row: absent where its type has none. */
export type ClaimFields = { [K in KeyOfAny<ClaimData>]?: FieldOfAny<ClaimData, K> };

/** Where a row's version stands in its claim's history. */
export type RowStatus = 'current' | 'superseded' | 'retracted';

/** One row of a table of claims: a claim as it stands, or one revision of it. */
export interface ClaimRow {
  record: ClaimRecord;
  version: ClaimVersion;
  /** The version's revision in its claim's stream (0 for the record). */
  revision: number;
  status: RowStatus;
  /** The claim's number in the campaign, in the order claims were first recorded: stable as the log grows. */
  serial: number;
}

/**
 * The rows of a table of claims, in the order the claims were first recorded. Without history, one
 * row per claim as it stands at knownAt (as reported by the ledger's instant, for a reported ledger),
 * retracted claims left out; with it, one row per revision recorded (and reported) by then.
 */
export function* claimRows(ledger: CampaignLedger, knownAt: KnownAt = NOW, history = false): Generator<ClaimRow> {
  const records = [...ledger.claims.values()].sort((a, b) => a.firstPosition - b.firstPosition);
  let serial = 0;
  for (const record of records) {
    serial++;
    const standing = ledger.versionAt(record, knownAt);
    if (!standing) continue;
    const revisionOf = (version: ClaimVersion) => record.versions.findIndex((v) => v.position === version.position);
    if (!history) {
      if (!standing.retracted) yield { record, version: standing, revision: revisionOf(standing), status: 'current', serial };
      continue;
    }
    for (const version of record.versions) {
      if (version.position > knownAt || !ledger.reportedHere(version, knownAt)) continue;
      const current = version.position === standing.position;
      const status: RowStatus = version.retracted ? 'retracted' : current ? 'current' : 'superseded';
      yield { record, version: current ? standing : version, revision: revisionOf(version), status, serial };
    }
  }
}

/** How many revisions recorded by knownAt a reported table sets aside because no source of theirs is dated. */
export function unreportedRevisions(ledger: CampaignLedger, knownAt: KnownAt = NOW): number {
  let count = 0;
  for (const record of ledger.claims.values())
    for (const version of record.versions)
      if (version.position <= knownAt && !ledger.reportedHere(version, knownAt) && ledger.reportedAtOf(version, knownAt) === null)
        count++;
  return count;
}

/** The local days a valid time spans in the campaign's zone: its first and last, and how many. */
export function localDays(time: { from: string; to: string }, timeZone: string): { first: string; last: string; days: number } {
  const first = localDateOf(Date.parse(time.from), timeZone);
  const last = localDateOf(Date.parse(time.to) - 1, timeZone);
  const days = Math.round((Date.parse(`${last}T00:00:00Z`) - Date.parse(`${first}T00:00:00Z`)) / 86_400_000) + 1;
  return { first, last, days };
}

/** The day in the middle of a span of local days (the earlier of two middles). */
export function middleDay(first: string, days: number): string {
  return addDays(first, Math.floor((days - 1) / 2));
}

/** A count as low, best and high; the low of an open-ended "283+" is 283 and it has no high. */
export function countRange(count: ClaimFields['count']) {
  if (count === undefined) return undefined;
  if (typeof count === 'number') return { low: count, best: count, high: count as number | undefined, openEnded: false };
  return {
    low: count.low ?? count.best,
    best: count.best,
    high: count.openEnded ? undefined : (count.high ?? count.best),
    openEnded: Boolean(count.openEnded),
  };
}

/** The ISO instant of an epoch time, or empty. */
export function isoOf(epochMs: number | null | undefined): string | undefined {
  return epochMs === null || epochMs === undefined ? undefined : new Date(epochMs).toISOString();
}
