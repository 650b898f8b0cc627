import { assertNever, type ClaimData } from '@timeline/domain';
import type { CampaignLedger } from './campaign-ledger';
import type { PlaceEntry } from './catalog.view';
import type { KnownAt } from './known-at';

/**
 * Whether a claim about `area` with `coversPlaces` holds for `place` (domain.md, "Before the
 * first report"): a country covers every place, a governorate the places of its governorate, a
 * region or district the places whose parent it is.
 */
export function covers(area: PlaceEntry, place: PlaceEntry): boolean {
  if (area.placeId === place.placeId) return false;
  switch (area.kind) {
    case 'country':
      return place.kind !== 'country';
    case 'governorate':
      // a place outside every admin area is in no governorate, even one registered without its name
      return (
        area.governorate !== undefined &&
        place.governorate === area.governorate &&
        place.kind !== 'governorate' &&
        place.kind !== 'country'
      );
    case 'region':
    case 'district':
      return place.parent === area.placeId;
    case 'city':
    case 'town':
    case 'village':
    case 'base':
    case 'airport':
    case 'oil-field':
    case 'gas-field':
    case 'crossing':
    case 'prison':
    case 'bridge':
    case 'mountain':
      return false;
    default:
      return assertNever(area.kind);
  }
}

/** The areas with claims covering `place`, as the catalog stood at knownAt. */
export function coveringAreas(ledger: CampaignLedger, place: string, knownAt: KnownAt): string[] {
  if (!ledger.areaClaims.size) return [];
  const entry = ledger.placeAt(place, knownAt);
  if (!entry) return [];
  const areas: string[] = [];
  for (const area of ledger.areaClaims.keys()) {
    const areaEntry = ledger.placeAt(area, knownAt);
    if (areaEntry && covers(areaEntry, entry)) areas.push(area);
  }
  return areas;
}

/** The places a claim about `area` covers, as the catalog stood at knownAt. */
export function coveredPlaces(ledger: CampaignLedger, area: string, knownAt: KnownAt): string[] {
  const areaEntry = ledger.placeAt(area, knownAt);
  if (!areaEntry) return [];
  const places: string[] = [];
  for (const place of ledger.places.keys()) {
    const entry = ledger.placeAt(place, knownAt);
    if (entry && covers(areaEntry, entry)) places.push(place);
  }
  return places;
}

/** Every place whose control a view answers: those with claims of their own and those an area claim covers. */
export function controlledPlaces(ledger: CampaignLedger, knownAt: KnownAt): string[] {
  const places = new Set(ledger.controlByPlace.keys());
  for (const area of ledger.areaClaims.keys()) for (const place of coveredPlaces(ledger, area, knownAt)) places.add(place);
  return [...places].sort();
}

/** The places a control claim's state is about: its own, and those it covers. */
export function placesOfControl(ledger: CampaignLedger, claim: ClaimData & { type: 'control' }, knownAt: KnownAt): string[] {
  return claim.coversPlaces ? [claim.place, ...coveredPlaces(ledger, claim.place, knownAt)] : [claim.place];
}
