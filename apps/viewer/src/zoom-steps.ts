/** The part of the map's SVG coordinates on screen. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Point {
  x: number;
  y: number;
}

/** The narrowest and widest the view may be, in SVG units. */
export interface ZoomLimits {
  min: number;
  max: number;
}

/** How far one pixel of wheel travel zooms: a mouse notch (about 100 px) by about a fifth. */
const PER_PIXEL = 0.002;
/** A trackpad's pinch arrives as a wheel with Ctrl held, in much smaller steps than a wheel's. */
const PINCH_GAIN = 5;
/** The pixels of a wheel event counted in lines (Firefox's mouse wheel). */
const LINE = 16;
/** At most this much per event, so one flung wheel does not leap from the whole map to a street. */
const MOST_PER_EVENT = Math.log(2);

export interface WheelTravel {
  deltaY: number;
  /** 0: pixels, 1: lines, 2: pages, as `WheelEvent.deltaMode`. */
  deltaMode: number;
  ctrlKey: boolean;
}

/**
 * The factor a wheel event scales the view's width by, in proportion to its travel: above 1 zooms
 * out (the wheel turned towards the reader), below 1 in, and 1 for no travel.
 */
export function wheelFactor({ deltaY, deltaMode, ctrlKey }: WheelTravel, pageHeight: number): number {
  const pixels = deltaMode === 1 ? deltaY * LINE : deltaMode === 2 ? deltaY * pageHeight : deltaY;
  const step = pixels * PER_PIXEL * (ctrlKey ? PINCH_GAIN : 1);
  return Math.exp(Math.max(-MOST_PER_EVENT, Math.min(MOST_PER_EVENT, step)));
}

/** The view scaled by `factor` about `at`, which keeps its place on screen; its width kept within `limits`. */
export function zoomedBox(box: ViewBox, factor: number, at: Point, limits: ZoomLimits): ViewBox {
  const w = Math.min(limits.max, Math.max(limits.min, box.w * factor));
  const k = w / box.w;
  return { x: at.x - (at.x - box.x) * k, y: at.y - (at.y - box.y) * k, w, h: box.h * k };
}

/**
 * Two fingers moved from `from` to `to` (in the view's SVG units): the view scales by how much
 * they spread or closed, and moves with their midpoint, so what was under them stays under them.
 */
export function pinchedBox(box: ViewBox, from: [Point, Point], to: [Point, Point], limits: ZoomLimits): ViewBox {
  const [before, after] = [midpoint(from), midpoint(to)];
  const [spanBefore, spanAfter] = [distance(from), distance(to)];
  const zoomed = zoomedBox(box, spanAfter > 0 ? spanBefore / spanAfter : 1, before, limits);
  const k = zoomed.w / box.w;
  return { ...zoomed, x: zoomed.x - (after.x - before.x) * k, y: zoomed.y - (after.y - before.y) * k };
}

function midpoint([a, b]: [Point, Point]): Point {
  return { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 };
}

function distance([a, b]: [Point, Point]): number {
  return Math.hypot(a.x - b.x, a.y - b.y);
}
