import type { Place } from './types';

/** A name as searched: without accents, apostrophes, hyphens or case ("Ma'arrat" finds "Maarat"). */
export function searchable(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/['’‘`ʿʾ]/g, '')
    .replace(/[-\s]+/g, ' ')
    .trim();
}

/** Whether the place's name or one of its aliases contains what was typed; everything matches nothing typed. */
export function matchesSearch(place: Pick<Place, 'name' | 'aliases'>, typed: string): boolean {
  const wanted = searchable(typed);
  return !wanted || [place.name, ...place.aliases].some((name) => searchable(name).includes(wanted));
}
