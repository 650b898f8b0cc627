import { pinchedBox, wheelFactor, zoomedBox, type Point, type ViewBox } from './zoom-steps';

/** How close the view goes: this many times the whole map's width. */
const CLOSEST = 16;
/** A press that moves less than this many pixels is a click, not a drag. */
const DRAG_AFTER = 4;
/** What a button or key press scales the view by. */
const STEP = 0.7;

export interface MapZoom {
  /** Scales the view by `factor` (below 1 zooms in) about the SVG point `at`, the view's centre when left out. */
  by(factor: number, at?: Point): void;
  /** Whether the view is as close as it goes. */
  atClosest(): boolean;
}

/**
 * Zoom and pan of an SVG by its viewBox: the wheel zooms around the pointer in proportion to its
 * travel, two fingers pinch around their midpoint, one drags; the + and − buttons (and keys) zoom
 * around the centre and "reset" shows the whole map again. `changed` follows every change of view.
 */
export function zoomable(
  root: SVGSVGElement,
  controls: { in: HTMLElement; out: HTMLElement; reset: HTMLElement },
  changed: () => void,
): MapZoom {
  const { x: x0, y: y0, width: w0, height: h0 } = root.viewBox.baseVal;
  const limits = { min: w0 / CLOSEST, max: w0 };
  let box: ViewBox = { x: x0, y: y0, w: w0, h: h0 };
  const show = (next: ViewBox) => {
    box = next;
    root.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
    changed();
  };
  // the map may be framed from elsewhere (on an operation's places): zoom and pan go on from there
  new MutationObserver(() => {
    const { x, y, width: w, height: h } = root.viewBox.baseVal;
    if (x === box.x && y === box.y && w === box.w && h === box.h) return;
    box = { x, y, w, h };
    changed();
  }).observe(root, { attributeFilter: ['viewBox'] });
  // through the SVG's own transform, which letterboxes the view inside the element
  const toSvg = ({ x, y }: Point): Point => {
    const point = new DOMPoint(x, y).matrixTransform(root.getScreenCTM()?.inverse());
    return { x: point.x, y: point.y };
  };
  const by = (factor: number, at: Point = { x: box.x + box.w / 2, y: box.y + box.h / 2 }) =>
    show(zoomedBox(box, factor, at, limits));

  root.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      by(wheelFactor(e, window.innerHeight), toSvg({ x: e.clientX, y: e.clientY }));
    },
    { passive: false },
  );

  /** The pointers down on the map, where they were last seen (client pixels). */
  const pointers = new Map<number, Point>();
  let drag: { from: Point; box: ViewBox; moved: boolean } | undefined;
  let swallowClick = false;
  root.addEventListener('pointerdown', (e) => {
    pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
    swallowClick = false;
    drag = pointers.size === 1 ? { from: { x: e.clientX, y: e.clientY }, box, moved: false } : undefined;
  });
  root.addEventListener('pointermove', (e) => {
    const last = pointers.get(e.pointerId);
    if (!last) return;
    // a button let go outside the map
    if (e.buttons === 0) return void pointers.delete(e.pointerId);
    const now = { x: e.clientX, y: e.clientY };
    pointers.set(e.pointerId, now);
    const other = [...pointers].find(([id]) => id !== e.pointerId)?.[1];
    if (other) {
      swallowClick = true;
      return show(pinchedBox(box, [toSvg(other), toSvg(last)], [toSvg(other), toSvg(now)], limits));
    }
    if (!drag || (!drag.moved && Math.hypot(now.x - drag.from.x, now.y - drag.from.y) < DRAG_AFTER)) return;
    if (!drag.moved) root.setPointerCapture(e.pointerId);
    drag.moved = swallowClick = true;
    const scale = root.getScreenCTM()?.a ?? 1;
    show({ ...box, x: drag.box.x - (now.x - drag.from.x) / scale, y: drag.box.y - (now.y - drag.from.y) / scale });
  });
  const lift = (e: PointerEvent) => {
    pointers.delete(e.pointerId);
    const [left] = pointers.values();
    // the finger left after a pinch drags on from where it is
    drag = left ? { from: left, box, moved: true } : undefined;
  };
  root.addEventListener('pointerup', lift);
  root.addEventListener('pointercancel', lift);
  // a drag or a pinch that ends on a marker does not select it
  root.addEventListener(
    'click',
    (e) => {
      if (!swallowClick) return;
      swallowClick = false;
      e.stopPropagation();
    },
    true,
  );

  controls.in.addEventListener('click', () => by(STEP));
  controls.out.addEventListener('click', () => by(1 / STEP));
  controls.reset.addEventListener('click', () => show({ x: x0, y: y0, w: w0, h: h0 }));
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === '+' || e.key === '=') by(STEP);
    else if (e.key === '-' || e.key === '_') by(1 / STEP);
  });
  return { by, atClosest: () => box.w <= limits.min * 1.001 };
}
