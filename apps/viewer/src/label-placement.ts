/** A rectangle on screen, in pixels from the map's top left corner. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A label the map would draw: its marker's centre and radius, and the size of its text. */
export interface LabelWish {
  id: string;
  x: number;
  y: number;
  r: number;
  w: number;
  h: number;
}

/** Room between a marker and its label. */
const PAD = 2;

/** The spots tried around a marker, best first: right of it, as maps usually write names, then left, above, below and the corners. */
const SPOTS: ((l: LabelWish) => Rect)[] = [
  (l) => ({ x: l.x + l.r + PAD, y: l.y - l.h / 2, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - PAD - l.w, y: l.y - l.h / 2, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.w / 2, y: l.y - l.r - PAD - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.w / 2, y: l.y + l.r + PAD, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r, y: l.y - l.r - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r, y: l.y + l.r, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - l.w, y: l.y - l.r - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - l.w, y: l.y + l.r, w: l.w, h: l.h }),
];

/**
 * Places labels, the most important first, each at the first spot around its marker that covers
 * no marker (`markers`), no label placed before it and stays within `bounds`; a label that finds
 * none is dropped. The labels named in `kept` are placed even then, at the spot covering least.
 */
export function placeLabels(
  wishes: readonly LabelWish[],
  markers: readonly Rect[],
  bounds: Rect,
  kept: ReadonlySet<string> = new Set(),
): Map<string, Rect> {
  const placed = new Map<string, Rect>();
  const order = [...wishes.filter((w) => kept.has(w.id)), ...wishes.filter((w) => !kept.has(w.id))];
  for (const wish of order) {
    const spots = SPOTS.map((spot) => spot(wish));
    const covered = (spot: Rect) =>
      markers.reduce((sum, m) => sum + overlap(spot, m), 0) + [...placed.values()].reduce((sum, l) => sum + overlap(spot, l), 0);
    const free = spots.find((spot) => inside(spot, bounds) && covered(spot) === 0);
    if (free) placed.set(wish.id, free);
    else if (kept.has(wish.id)) {
      const [least = spots[0]] = spots.filter((spot) => inside(spot, bounds)).sort((a, b) => covered(a) - covered(b));
      if (least) placed.set(wish.id, least);
    }
  }
  return placed;
}

/** The area two rectangles share. */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

function inside(r: Rect, bounds: Rect): boolean {
  return r.x >= bounds.x && r.y >= bounds.y && r.x + r.w <= bounds.x + bounds.w && r.y + r.h <= bounds.y + bounds.h;
}
