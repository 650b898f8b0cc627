import { placeAt, type CampaignEntry } from './catalog.view';
import type { PlaceState } from './control';
import type { KnownAt } from './known-at';

/** A box of coordinates in degrees, as a map's viewport gives it: west < east, south < north. */
export interface BoundingBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

/** Which part of a control map a client asks for: the places in a box, or the places named. */
export interface PlaceFilter {
  bbox?: BoundingBox;
  places?: readonly string[];
}

/**
 * The places of a map that pass the filter, in the map's order. A place without coordinates is in
 * no box; its coordinates are the ones known at `knownAt`, as the rest of the answer is.
 */
export function placesPassing(
  entry: CampaignEntry,
  states: readonly PlaceState[],
  filter: PlaceFilter,
  knownAt: KnownAt,
): PlaceState[] {
  const named = filter.places && new Set(filter.places);
  const { bbox } = filter;
  return states.filter(
    (state) => (!named || named.has(state.place)) && (!bbox || isInBox(placeAt(entry, state.place, knownAt), bbox)),
  );
}

function isInBox(place: { lat?: number | null; lon?: number | null } | undefined, box: BoundingBox): boolean {
  const lat = place?.lat;
  const lon = place?.lon;
  if (lat == null || lon == null) return false;
  return lon >= box.west && lon <= box.east && lat >= box.south && lat <= box.north;
}
