import { unproject } from './projection';

/** A point an editor clicked on the map, rounded to what a click there can tell. */
export interface PickedPoint {
  lat: number;
  lon: number;
  /** How many decimals the click could tell apart, at the map's zoom when it was made. */
  decimals: number;
}

/** Fewer decimals than this would move a place by more than a kilometre; more would claim a precision below a metre. */
const FEWEST = 2;
const MOST = 5;

/**
 * The decimals that keep one screen pixel's worth of degrees: a click on the whole map is good
 * to about a kilometre (two decimals), one zoomed in closely to tens of metres (four).
 */
export function coordinateDecimals(degreesPerPixel: number): number {
  if (!(degreesPerPixel > 0)) return MOST;
  return Math.min(MOST, Math.max(FEWEST, Math.ceil(-Math.log10(degreesPerPixel))));
}

export function rounded(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  return Math.round(value * factor) / factor;
}

/** The lat/lon of the map point (x, y), rounded for a map that shows `unitsPerPixel` of its units in a pixel. */
export function pointAt(x: number, y: number, unitsPerPixel: number): PickedPoint {
  const [lon, lat] = unproject(x, y);
  // a map unit is a hundredth of a degree of latitude, and as long east as north
  const decimals = coordinateDecimals(unitsPerPixel / 100);
  return { lat: rounded(lat, decimals), lon: rounded(lon, decimals), decimals };
}

/** "35.13° N, 36.75° E": a point as the editor reads it before saving. */
export function pointInWords(point: { lat: number; lon: number; decimals?: number }): string {
  const degrees = (v: number) => (point.decimals === undefined ? String(Math.abs(v)) : Math.abs(v).toFixed(point.decimals));
  const lat = `${degrees(point.lat)}° ${point.lat < 0 ? 'S' : 'N'}`;
  const lon = `${degrees(point.lon)}° ${point.lon < 0 ? 'W' : 'E'}`;
  return `${lat}, ${lon}`;
}
