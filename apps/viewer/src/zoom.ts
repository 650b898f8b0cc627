/**
 * Zoom and pan of an SVG by its viewBox: the wheel zooms around the pointer, a drag pans, the
 * + and − buttons zoom around the centre and "reset" shows the whole map again.
 */
export function zoomable(root: SVGSVGElement, controls: { in: HTMLElement; out: HTMLElement; reset: HTMLElement }): void {
  const { x: x0, y: y0, width: w0, height: h0 } = root.viewBox.baseVal;
  let box = { x: x0, y: y0, w: w0, h: h0 };
  const apply = () => root.setAttribute('viewBox', `${box.x} ${box.y} ${box.w} ${box.h}`);
  // the map may be framed from elsewhere (on an operation's places): zoom and pan go on from there
  new MutationObserver(() => {
    const { x, y, width: w, height: h } = root.viewBox.baseVal;
    box = { x, y, w, h };
  }).observe(root, { attributeFilter: ['viewBox'] });
  const toSvg = (clientX: number, clientY: number) => {
    const r = root.getBoundingClientRect();
    return { x: box.x + ((clientX - r.left) / r.width) * box.w, y: box.y + ((clientY - r.top) / r.height) * box.h };
  };
  const zoom = (factor: number, at = { x: box.x + box.w / 2, y: box.y + box.h / 2 }) => {
    const w = Math.min(w0, Math.max(w0 / 12, box.w * factor));
    const k = w / box.w;
    box = { x: at.x - (at.x - box.x) * k, y: at.y - (at.y - box.y) * k, w, h: box.h * k };
    apply();
  };
  root.addEventListener(
    'wheel',
    (e) => {
      e.preventDefault();
      zoom(e.deltaY > 0 ? 1.25 : 0.8, toSvg(e.clientX, e.clientY));
    },
    { passive: false },
  );
  let drag: { x: number; y: number; box: typeof box; moved: boolean } | undefined;
  root.addEventListener('pointerdown', (e) => {
    drag = { x: e.clientX, y: e.clientY, box, moved: false };
  });
  root.addEventListener('pointermove', (e) => {
    if (!drag || !(e.buttons & 1)) return;
    const r = root.getBoundingClientRect();
    const dx = ((e.clientX - drag.x) / r.width) * box.w;
    const dy = ((e.clientY - drag.y) / r.height) * box.h;
    if (!drag.moved && Math.hypot(e.clientX - drag.x, e.clientY - drag.y) < 4) return;
    drag.moved = true;
    box = { ...box, x: drag.box.x - dx, y: drag.box.y - dy };
    apply();
  });
  root.addEventListener('pointerup', () => (drag = undefined));
  controls.in.addEventListener('click', () => zoom(0.7));
  controls.out.addEventListener('click', () => zoom(1 / 0.7));
  controls.reset.addEventListener('click', () => {
    box = { x: x0, y: y0, w: w0, h: h0 };
    apply();
  });
}
