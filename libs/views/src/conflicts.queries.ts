import { dayBounds } from '@timeline/domain';
import { controlCandidate, type ControlCandidate } from './control';
import type { CampaignLedger } from './campaign-ledger';
import type { KnownAt } from './known-at';

export interface PossibleConflict {
  place: string;
  claims: { claimId: string; status: string; controller: string | null; from: string; to: string; publisher: string | null }[];
}

/**
 * For editors: live control claims on one place whose intervals overlap, that say different
 * things, from different publishers — candidates to rank or correct. Unlike an explicit denial
 * they do not make a place "disputed" (domain.md, rule 3).
 */
export function possibleConflicts(ledger: CampaignLedger, knownAt: KnownAt, day?: string): PossibleConflict[] {
  const window = day ? dayBounds(day, ledger.campaign.timeZone) : undefined;
  const conflicts: PossibleConflict[] = [];
  for (const [place, records] of [...ledger.controlByPlace].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const live: ControlCandidate[] = [];
    for (const record of records) {
      const candidate = controlCandidate(record, ledger, knownAt, place);
      if (candidate && (!window || (candidate.version.valid.from < window.end && candidate.to > window.start)))
        live.push(candidate);
    }
    live.sort((a, b) => a.version.valid.from - b.version.valid.from || a.to - b.to);
    for (const [i, a] of live.entries()) {
      for (const b of live.slice(i + 1)) {
        if (b.version.valid.from >= a.to) break;
        if (a.key === b.key || ledger.publisherOf(a.version) === ledger.publisherOf(b.version)) continue;
        conflicts.push({ place, claims: [a, b].map((c) => describe(ledger, c)) });
      }
    }
  }
  return conflicts;
}

function describe(ledger: CampaignLedger, c: ControlCandidate) {
  return {
    claimId: c.claimId,
    status: c.version.claim.status,
    controller: c.version.claim.controller ?? null,
    from: c.version.claim.time.from,
    to: c.version.claim.time.to,
    publisher: ledger.publisherOf(c.version),
  };
}
