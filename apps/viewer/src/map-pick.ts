import { html, svg } from './dom';
import { pointAt, pointInWords, type PickedPoint } from './point-on-map';
import { project } from './projection';

/** A press that moves more than this many pixels pans the map; it picks nothing. */
const CLICK_WITHIN = 4;
/** The radius of the mark of a picked point, in pixels whatever the zoom. */
const MARK_R = 9;

/** A point marked on the map: picked, or typed (with no rounding of its own). */
type Marked = Omit<PickedPoint, 'decimals'> & { decimals?: number };

/**
 * The map's "pick a point" mode: a line over the map says what to click, the pointer is a
 * crosshair, and the next click (not a drag, which still pans, nor a pinch) gives the lat/lon
 * under it, rounded to what a click at that zoom can tell; a click on a marker picks the point
 * rather than the place. Escape or "Cancel" leaves the mode with no point. The point picked stays
 * marked on the map until `clear`.
 */
export class MapPick {
  private readonly prompt = html('span');
  private readonly banner: HTMLElement;
  private readonly mark = svg('g', { class: 'pick-mark', 'aria-hidden': 'true' });
  private marked: Marked | undefined;
  private waiting: ((point: PickedPoint | undefined) => void) | undefined;
  private down: { x: number; y: number } | undefined;

  constructor(private readonly root: SVGSVGElement) {
    const cancel = html('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => this.finish(undefined));
    this.banner = html('div', { class: 'pick-banner', role: 'status' }, this.prompt, cancel);
    this.banner.hidden = true;
    root.parentElement?.append(this.banner);
    root.addEventListener('pointerdown', (e) => (this.down = { x: e.clientX, y: e.clientY }));
    // capturing, so that a marker under the pointer does not take the click as a choice of its place
    root.addEventListener('click', (e) => this.clicked(e), true);
    // first, so that Escape leaves the mode and nothing else (the place's panel stays open)
    document.addEventListener(
      'keydown',
      (e) => {
        if (e.key !== 'Escape' || !this.waiting) return;
        e.stopPropagation();
        this.finish(undefined);
      },
      true,
    );
    new MutationObserver(() => this.drawMark()).observe(root, { attributeFilter: ['viewBox'] });
  }

  get picking(): boolean {
    return this.waiting !== undefined;
  }

  /** Enters the mode, saying `what` to click; the point clicked, or undefined when the editor cancels. */
  pick(what: string): Promise<PickedPoint | undefined> {
    this.finish(undefined);
    this.prompt.textContent = `${what} Drag to pan; zoom with the wheel, a pinch or + and −. Esc cancels.`;
    this.banner.hidden = false;
    document.body.classList.add('picking');
    return new Promise((resolve) => (this.waiting = resolve));
  }

  /** Marks a point on the map (where a place will go); undefined removes the mark. */
  show(point: Marked | undefined): void {
    this.marked = point;
    this.drawMark();
  }

  clear(): void {
    this.show(undefined);
  }

  /** Brings the map into sight if part of it is out of it, for a pick begun from a form over another part of the page. */
  scrollIntoView(): void {
    const { top, bottom } = this.root.getBoundingClientRect();
    if (top < 0 || bottom > window.innerHeight) this.root.scrollIntoView({ block: 'center' });
  }

  private clicked(e: MouseEvent): void {
    if (!this.waiting) return;
    e.stopPropagation();
    e.preventDefault();
    const from = this.down ?? { x: e.clientX, y: e.clientY };
    if (Math.hypot(e.clientX - from.x, e.clientY - from.y) > CLICK_WITHIN) return;
    const screen = this.root.getScreenCTM();
    if (!screen) return;
    const at = new DOMPoint(e.clientX, e.clientY).matrixTransform(screen.inverse());
    this.finish(pointAt(at.x, at.y, 1 / screen.a));
  }

  private finish(point: PickedPoint | undefined): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    this.banner.hidden = true;
    document.body.classList.remove('picking');
    if (point) this.show(point);
    waiting?.(point);
  }

  private drawMark(): void {
    const point = this.marked;
    if (!point) return this.mark.remove();
    const [x, y] = project(point.lon, point.lat);
    const r = MARK_R / (this.root.getScreenCTM()?.a ?? 1);
    this.mark.replaceChildren(
      svg('circle', { cx: x, cy: y, r }),
      svg('path', { d: `M${x - 2 * r},${y}H${x + 2 * r}M${x},${y - 2 * r}V${y + 2 * r}` }),
      svg('title', {}, pointInWords(point)),
    );
    this.root.append(this.mark);
  }
}
