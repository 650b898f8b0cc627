import { slugFrom } from '@timeline/domain/ids';
/** What the editor wrote in the place form, as typed; lat/lon as picked on the map or typed. */
export interface PlaceFormValues {
  placeId: string;
  name: string;
  aliases: string;
  kind: string;
  governorate: string;
  parent: string;
  lat: string;
  lon: string;
  precision: string;
  coordinatesFrom: string;
}

/** "al-rastan" for "Al-Rastan": a place's id from its name. */
export function suggestedPlaceId(name: string): string {
  return slugFrom(name).slice(0, 100);
}

/** The coordinates as the service takes them: numbers, or null for a place no source locates. */
function coordinates(v: Pick<PlaceFormValues, 'lat' | 'lon' | 'precision' | 'coordinatesFrom'>) {
  const unknown = v.precision === 'unknown';
  return {
    lat: unknown ? null : numberOr(v.lat),
    lon: unknown ? null : numberOr(v.lon),
    precision: v.precision,
    ...(v.coordinatesFrom.trim() && !unknown ? { coordinatesFrom: v.coordinatesFrom.trim() } : {}),
  };
}

/** The body of `POST /campaigns/:c/places`; aliases are written one per comma. */
export function placeRegistration(v: PlaceFormValues) {
  return {
    placeId: v.placeId.trim(),
    name: v.name.trim(),
    aliases: v.aliases
      .split(',')
      .map((a) => a.trim())
      .filter(Boolean),
    kind: v.kind,
    governorate: v.governorate.trim(),
    ...coordinates(v),
    ...(v.parent.trim() ? { parent: v.parent.trim() } : {}),
  };
}

/** The body of `PATCH /campaigns/:c/places/:p` that moves a place: its new coordinates, where they come from, and why. */
export function placeMove(v: Pick<PlaceFormValues, 'lat' | 'lon' | 'precision' | 'coordinatesFrom'>, reason: string) {
  return { ...coordinates(v), reason: reason.trim() };
}

function numberOr(text: string): number | string | null {
  const trimmed = text.trim();
  if (!trimmed) return null;
  const n = Number(trimmed);
  return Number.isFinite(n) ? n : text;
}
