import { assertNever, type ClaimData } from '@timeline/domain';
import type { ClaimRecord } from './claim-history';

/**
 * What views look claims up by; a claim is filed under what any of its versions says, once per
 * key. The lists are arrays, not sets: at a million claims a set's entries cost three times the
 * memory and most of the fold's time, and a claim is filed again only when a correction names a
 * key none of its earlier versions named. They hold the claims' records, not their ids: a view
 * reads each claim it weighs without a lookup among a million.
 */
export interface ClaimIndexes {
  /** Every place a control claim named in any version → its claims. */
  readonly controlByPlace: Map<string, ClaimRecord[]>;
  /** `side|category` → casualty claims (any version). */
  readonly casualtiesByKey: Map<string, ClaimRecord[]>;
  /** faction → territory claims. */
  readonly territoryByFaction: Map<string, ClaimRecord[]>;
  /** claim id → claims that deny it (any version). */
  readonly deniedBy: Map<string, ClaimRecord[]>;
  /** source id → claims whose versions cite it. */
  readonly claimsBySource: Map<string, ClaimRecord[]>;
  /** An area (region, governorate …) → control claims about it that cover its places (any version). */
  readonly areaClaims: Map<string, ClaimRecord[]>;
}

type IndexName = keyof ClaimIndexes;

export function casualtyKey(claim: { side: string; category: string }): string {
  return `${claim.side}|${claim.category}`;
}

/** The side and category a casualty key names (the inverse of `casualtyKey`). */
export function sideAndCategory(key: string): { side: string; category: string } {
  const bar = key.indexOf('|');
  return { side: key.slice(0, bar), category: key.slice(bar + 1) };
}

/**
 * Files a claim's version under what it names. `earlier` are the claim's versions before it: a
 * key one of them named already holds the claim, and a version with the same data as the one
 * before it (a rank, a retraction) names nothing new.
 */
export function indexClaim(
  indexes: ClaimIndexes,
  record: ClaimRecord,
  claim: ClaimData,
  earlier: readonly { claim: ClaimData }[] = [],
): void {
  const previous = earlier[earlier.length - 1]?.claim;
  if (previous === claim) return;
  if (previous === undefined) return fileNew(indexes, record, claim);
  for (const [index, key] of indexKeys(claim))
    if (!earlier.some((before) => names(before.claim, index, key))) file(indexes[index], key, record);
}

/** A claim's first version, filed under all it names: nearly every event of a fold. */
function fileNew(indexes: ClaimIndexes, record: ClaimRecord, claim: ClaimData): void {
  switch (claim.type) {
    case 'control':
      file(indexes.controlByPlace, claim.place, record);
      if (claim.coversPlaces) file(indexes.areaClaims, claim.place, record);
      break;
    case 'casualties':
      file(indexes.casualtiesByKey, casualtyKey(claim), record);
      break;
    case 'territory':
      file(indexes.territoryByFaction, claim.faction, record);
      break;
    case 'incident':
      break;
    default:
      assertNever(claim);
  }
  if (claim.denies) for (const denied of claim.denies) file(indexes.deniedBy, denied, record);
  for (const source of claim.sources) file(indexes.claimsBySource, source, record);
}

function file(index: Map<string, ClaimRecord[]>, key: string, record: ClaimRecord): void {
  const list = index.get(key);
  // a key the claim names twice (a source cited twice) was filed a moment ago
  if (!list) index.set(key, [record]);
  else if (list[list.length - 1] !== record) list.push(record);
}

/** Whether a version of a claim is filed under a key of an index. */
function names(claim: ClaimData, index: IndexName, key: string): boolean {
  return indexKeys(claim).some(([i, k]) => i === index && k === key);
}

/** The index entries a version of a claim is filed under. */
function indexKeys(claim: ClaimData): [IndexName, string][] {
  const keys: [IndexName, string][] = [];
  switch (claim.type) {
    case 'control':
      keys.push(['controlByPlace', claim.place]);
      if (claim.coversPlaces) keys.push(['areaClaims', claim.place]);
      break;
    case 'casualties':
      keys.push(['casualtiesByKey', casualtyKey(claim)]);
      break;
    case 'territory':
      keys.push(['territoryByFaction', claim.faction]);
      break;
    case 'incident':
      break;
    default:
      assertNever(claim);
  }
  if (claim.denies) for (const denied of claim.denies) keys.push(['deniedBy', denied]);
  for (const source of claim.sources) keys.push(['claimsBySource', source]);
  return keys;
}
