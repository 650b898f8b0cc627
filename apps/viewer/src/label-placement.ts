/** A rectangle on screen, in pixels from the map's top left corner. */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A marker a label must not cover; one with its place's rank may give way to the label of a place ranked before it. */
export interface MarkerBox extends Rect {
  id?: string;
  rank?: number;
}

/** A label the map would draw: its marker's centre and radius, and the size of its text. */
export interface LabelWish {
  id: string;
  x: number;
  y: number;
  r: number;
  w: number;
  h: number;
  rank: number;
  /** Whether, finding no room, it moves markers of places ranked after it out of its way (a city's name does). */
  pushes?: boolean;
}

export interface Labelling {
  placed: Map<string, Rect>;
  /** The markers moved out of a label's way, each with the place whose label moved it. */
  displaced: Map<string, string>;
}

/** Room between a marker and its label. */
const PAD = 2;

/**
 * The spots tried around a marker, best first: right of it, as maps usually write names, then
 * left, above, below, to either side a little raised or lowered, and the corners.
 */
const SPOTS: ((l: LabelWish) => Rect)[] = [
  (l) => ({ x: l.x + l.r + PAD, y: l.y - l.h / 2, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - PAD - l.w, y: l.y - l.h / 2, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.w / 2, y: l.y - l.r - PAD - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.w / 2, y: l.y + l.r + PAD, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r + PAD, y: l.y - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r + PAD, y: l.y, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - PAD - l.w, y: l.y - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - PAD - l.w, y: l.y, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r, y: l.y - l.r - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x + l.r, y: l.y + l.r, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - l.w, y: l.y - l.r - l.h, w: l.w, h: l.h }),
  (l) => ({ x: l.x - l.r - l.w, y: l.y + l.r, w: l.w, h: l.h }),
];

/**
 * Places labels, the most important first, each at the first spot around its marker that covers
 * no marker, no label placed before it and stays within `bounds`. A label that finds none and
 * `pushes` takes the spot that moves fewest markers, all of places ranked after its own, out of
 * its way; any other is dropped. The labels named in `kept` are placed even then, at the spot
 * covering least.
 */
export function placeLabels(
  wishes: readonly LabelWish[],
  markers: readonly MarkerBox[],
  bounds: Rect,
  kept: ReadonlySet<string> = new Set(),
): Labelling {
  const placed = new Map<string, Rect>();
  const displaced = new Map<string, string>();
  const order = [...wishes.filter((w) => kept.has(w.id)), ...wishes.filter((w) => !kept.has(w.id))];
  for (const wish of order) {
    if (displaced.has(wish.id)) continue;
    const labels = [...placed.values()];
    const spots = SPOTS.map((spot) => spot(wish));
    const clearOfLabels = (spot: Rect) => inside(spot, bounds) && labels.every((l) => overlap(spot, l) === 0);
    const inTheWay = (spot: Rect) => markers.filter((m) => !(m.id && displaced.has(m.id)) && overlap(spot, m) > 0);
    const free = spots.find((spot) => clearOfLabels(spot) && inTheWay(spot).length === 0);
    if (free) {
      placed.set(wish.id, free);
      continue;
    }
    const movable = (m: MarkerBox) => m.id !== undefined && m.id !== wish.id && m.rank !== undefined && m.rank > wish.rank;
    const [pushed] = wish.pushes
      ? spots
          .filter(clearOfLabels)
          .map((spot) => ({ spot, moved: inTheWay(spot) }))
          .filter(({ moved }) => moved.every(movable))
          .sort((a, b) => a.moved.length - b.moved.length)
      : [];
    if (pushed) {
      placed.set(wish.id, pushed.spot);
      for (const m of pushed.moved) if (m.id) displaced.set(m.id, wish.id);
    } else if (kept.has(wish.id)) {
      const covered = (spot: Rect) => [...inTheWay(spot), ...labels].reduce((sum, other) => sum + overlap(spot, other), 0);
      const [least = spots[0]] = spots.filter((spot) => inside(spot, bounds)).sort((a, b) => covered(a) - covered(b));
      if (least) placed.set(wish.id, least);
    }
  }
  return { placed, displaced };
}

/** The square of radius `r` about a point. */
export function square(x: number, y: number, r: number): Rect {
  return { x: x - r, y: y - r, w: 2 * r, h: 2 * r };
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
