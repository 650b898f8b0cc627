import type { Place } from './types';

const KIND_RANK: Readonly<Record<string, number>> = { city: 0, town: 1, village: 3 };

/**
 * How much a place matters on the map, the lower the more: cities, then towns, then bases,
 * districts and the like, then villages; within each, a governorate's capital (the place named as
 * its governorate) first. It leads clusters and keeps its label when there is room for few.
 */
export function placeRank(place: Pick<Place, 'kind' | 'name' | 'governorate'>): number {
  return (KIND_RANK[place.kind] ?? 2) * 2 + (place.name === place.governorate ? 0 : 1);
}
