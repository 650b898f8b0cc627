import { VIEWBOX } from './projection';

/** The margin around the places framed, in the map's units (about 30 km). */
const MARGIN = 30;

/**
 * The view box around points with a margin, no smaller than an eighth of the map and of its
 * shape, so one place alone is not blown up; the whole map when there are none.
 */
export function boxAround(points: [number, number][]): string {
  const [, , w0 = 0, h0 = 0] = VIEWBOX.split(' ').map(Number);
  if (!points.length) return VIEWBOX;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  let w = Math.max(Math.max(...xs) - Math.min(...xs) + 2 * MARGIN, w0 / 8);
  let h = Math.max(Math.max(...ys) - Math.min(...ys) + 2 * MARGIN, h0 / 8);
  if (w / h > w0 / h0) h = (w * h0) / w0;
  else w = (h * w0) / h0;
  if (w > w0) return VIEWBOX;
  const cx = (Math.max(...xs) + Math.min(...xs)) / 2;
  const cy = (Math.max(...ys) + Math.min(...ys)) / 2;
  return [cx - w / 2, cy - h / 2, w, h].map((v) => v.toFixed(1)).join(' ');
}
