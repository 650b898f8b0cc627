import { assertNever, type ClaimData } from '@timeline/domain';
import { addTo } from './multimaps';

/** What views look claims up by; a claim is filed under what any of its versions says. */
export interface ClaimIndexes {
  /** Every place a control claim named in any version → its claim ids. */
  readonly controlByPlace: Map<string, Set<string>>;
  /** `side|category` → casualty claim ids (any version). */
  readonly casualtiesByKey: Map<string, Set<string>>;
  /** faction → territory claim ids. */
  readonly territoryByFaction: Map<string, Set<string>>;
  /** claim id → ids of claims that deny it (any version). */
  readonly deniedBy: Map<string, Set<string>>;
  /** source id → claim ids whose versions cite it. */
  readonly claimsBySource: Map<string, Set<string>>;
  /** An area (region, governorate …) → ids of control claims about it that cover its places (any version). */
  readonly areaClaims: Map<string, Set<string>>;
}

export function casualtyKey(claim: { side: string; category: string }): string {
  return `${claim.side}|${claim.category}`;
}

/** The side and category a casualty key names (the inverse of `casualtyKey`). */
export function sideAndCategory(key: string): { side: string; category: string } {
  const bar = key.indexOf('|');
  return { side: key.slice(0, bar), category: key.slice(bar + 1) };
}

export function indexClaim(indexes: ClaimIndexes, claimId: string, claim: ClaimData): void {
  switch (claim.type) {
    case 'control':
      addTo(indexes.controlByPlace, claim.place, claimId);
      if (claim.coversPlaces) addTo(indexes.areaClaims, claim.place, claimId);
      break;
    case 'casualties':
      addTo(indexes.casualtiesByKey, casualtyKey(claim), claimId);
      break;
    case 'territory':
      addTo(indexes.territoryByFaction, claim.faction, claimId);
      break;
    case 'incident':
      break;
    default:
      assertNever(claim);
  }
  if (claim.denies) for (const denied of claim.denies) addTo(indexes.deniedBy, denied, claimId);
  for (const source of claim.sources) addTo(indexes.claimsBySource, source, claimId);
}
