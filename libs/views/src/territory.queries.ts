import { type ClaimDataOf, dayBounds } from '@timeline/domain';
import { controlledPlaces } from './coverage';
import { placeStateAt } from './control';
import type { CampaignLedger } from './campaign-ledger';
import type { KnownAt } from './known-at';
import type { TimelineViews } from './timeline-views';

type TerritoryClaim = ClaimDataOf<'territory'>;

export interface FactionTerritory {
  faction: string;
  bloc: string | null;
  gained: string[];
  lost: string[];
  reported: {
    daily: { settlements: number; areaKm2: number; claims: string[] };
    cumulative: Record<string, { settlements: number | null; areaKm2: number | null; claimId: string }>;
  };
}

/**
 * Per faction, day D: the named places it gained and lost that day (from control), and the
 * settlements and area reported — daily sums of incident reports, each publisher's latest total.
 */
export function territoryOn(
  views: TimelineViews,
  ledger: CampaignLedger,
  day: string,
  knownAt: KnownAt,
  operation?: string,
): FactionTerritory[] {
  const { start, end } = dayBounds(day, ledger.campaign.timeZone);
  const result = new Map<string, FactionTerritory>();
  const entry = (faction: string) => {
    let e = result.get(faction);
    if (!e) {
      e = {
        faction,
        bloc: ledger.bloc(faction),
        gained: [],
        lost: [],
        reported: { daily: { settlements: 0, areaKm2: 0, claims: [] }, cumulative: {} },
      };
      result.set(faction, e);
    }
    return e;
  };
  for (const place of controlledPlaces(ledger, knownAt)) {
    const timeline = views.timeline(ledger, place, knownAt, operation);
    const before = placeStateAt(ledger, place, timeline, start, knownAt);
    const after = placeStateAt(ledger, place, timeline, end, knownAt);
    // a place's first state is no gain: only a change from one holder to another counts
    if (!before?.status || !after?.status) continue;
    const holderBefore = before.status !== 'vacated' ? before.controller : null;
    const holderAfter = after.status !== 'vacated' ? after.controller : null;
    if (holderBefore === holderAfter) continue;
    if (holderAfter) entry(holderAfter).gained.push(place);
    if (holderBefore) entry(holderBefore).lost.push(place);
  }
  for (const [faction, records] of ledger.territoryByFaction) {
    const latest = new Map<string, { to: number; position: number; claim: TerritoryClaim; claimId: string }>();
    for (const record of records) {
      const claimId = record.claimId;
      const version = ledger.liveAt(record, knownAt);
      if (!version || version.claim.type !== 'territory' || version.claim.faction !== faction) continue;
      if (operation && version.claim.operation !== operation) continue;
      const claim = version.claim;
      if (claim.scope === 'incident' && version.valid.to > start && version.valid.to <= end) {
        const daily = entry(faction).reported.daily;
        daily.settlements += claim.settlements ?? 0;
        daily.areaKm2 += claim.areaKm2 ?? 0;
        daily.claims.push(claimId);
      } else if (claim.scope === 'cumulative' && version.valid.to <= end) {
        const publisher = ledger.publisherOf(version) ?? 'unknown';
        const seen = latest.get(publisher);
        if (!seen || version.valid.to > seen.to || (version.valid.to === seen.to && record.firstPosition > seen.position)) {
          latest.set(publisher, { to: version.valid.to, position: record.firstPosition, claim, claimId });
        }
      }
    }
    for (const [publisher, { claim, claimId }] of latest) {
      entry(faction).reported.cumulative[publisher] = {
        settlements: claim.settlements ?? null,
        areaKm2: claim.areaKm2 ?? null,
        claimId,
      };
    }
  }
  return [...result.values()].sort((a, b) => a.faction.localeCompare(b.faction));
}
