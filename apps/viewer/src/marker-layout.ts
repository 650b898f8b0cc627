import { ClusterBadges, type MarkerOnScreen, type Put } from './cluster-badges';
import { absorbed, clusterPoints, fannedOut, type Cluster } from './clusters';
import { svg } from './dom';
import { placeLabels, square } from './label-placement';
import { placeRank } from './place-rank';
import type { Place } from './types';
import type { MapZoom } from './zoom';

/** Drawn markers stand at least this many pixels apart; nearer places gather into a cluster. */
const GAP = 20;
/** The radius around a marker's centre that labels and badges leave clear, in pixels. */
const MARKER_R = 8;
/** Names of places ranked below this (cities) are placed before the badges, the others after. */
const FIRST_LABELLED = 2;
const LABEL_H = 14;
/** From the top of a label's box to its text's baseline, for 11 px text. */
const BASELINE = 10.5;

/** A place with coordinates: its marker and where it is, in the map's SVG units. */
export interface Located {
  place: Place;
  group: SVGGElement;
  at: [number, number];
}

interface Laid extends Located {
  rank: number;
  label: SVGTextElement;
  labelWidth?: number;
}

/** A marker where it would be drawn on screen. */
interface OnScreen extends MarkerOnScreen {
  marker: Laid;
}

/**
 * Where the markers go on screen at the view's zoom: each keeps its size in pixels; places nearer
 * than a marker's reach stand behind the one that matters most, which carries a badge of how many
 * they are (clicking it zooms in until they come apart; as close as the view goes, they fan out
 * around it); labels go where they cover no marker, the less important dropped first and the
 * selected place's always shown. Drawn again, at most once a frame, when the view or a state
 * changes.
 */
export class MarkerLayout {
  private readonly laid = new Map<string, Laid>();
  private readonly links = svg('g', { class: 'fan-links' });
  private readonly markers = svg('g', { class: 'places' });
  private readonly badgeLayer = svg('g', { class: 'clusters' });
  private readonly labels = svg('g', { class: 'labels', 'aria-hidden': 'true' });
  private readonly badges: ClusterBadges;
  private selected: string | undefined;
  private frame = 0;

  constructor(
    private readonly root: SVGSVGElement,
    private readonly zoom: MapZoom,
    holderOf: (placeId: string) => { colour: string; holder: string },
    /** What floats over the map (its buttons): names and badges keep clear of it. */
    private readonly overlay: HTMLElement,
  ) {
    this.badges = new ClusterBadges(this.badgeLayer, zoom, GAP, holderOf);
    root.append(this.links, this.markers, this.badgeLayer, this.labels);
    new ResizeObserver(() => this.schedule()).observe(root);
  }

  set(located: readonly Located[]): void {
    this.laid.clear();
    this.badges.clear();
    for (const layer of [this.links, this.markers, this.labels]) layer.replaceChildren();
    for (const marker of located) {
      const label = svg('text', { class: 'label', visibility: 'hidden' }, marker.place.name);
      this.laid.set(marker.place.placeId, { ...marker, rank: placeRank(marker.place), label });
      this.markers.append(marker.group);
      this.labels.append(label);
    }
    this.schedule();
  }

  select(placeId: string | undefined): void {
    this.selected = placeId;
    this.schedule();
  }

  /** The places' states changed: the badges follow them; where things stand does not change. */
  restyle(): void {
    this.badges.restyle();
  }

  schedule(): void {
    this.frame ||= requestAnimationFrame(() => {
      this.frame = 0;
      this.draw();
    });
  }

  private draw(): void {
    const ctm = this.root.getScreenCTM();
    const box = this.root.getBoundingClientRect();
    if (!ctm || box.width === 0) return;
    const scale = ctm.a;
    const toSvg = (x: number, y: number): [number, number] => [(x + box.left - ctm.e) / scale, (y + box.top - ctm.f) / scale];
    const put: Put = (element, x, y) => {
      const [sx, sy] = toSvg(x, y);
      element.setAttribute('transform', `translate(${sx.toFixed(2)},${sy.toFixed(2)}) scale(${(1 / scale).toFixed(4)})`);
    };

    const points: OnScreen[] = [...this.laid.values()].map((marker) => ({
      id: marker.place.placeId,
      x: marker.at[0] * scale + ctm.e - box.left,
      y: marker.at[1] * scale + ctm.f - box.top,
      // the selected place is always drawn
      rank: marker.place.placeId === this.selected ? -1 : marker.rank,
      marker,
    }));
    const closest = this.zoom.atClosest();
    const near = clusterPoints(points, GAP);
    const bounds = { x: 0, y: 0, w: box.width, h: box.height };
    const over = this.overlay.getBoundingClientRect();
    const overlay = { x: over.left - box.left, y: over.top - box.top, w: over.width, h: over.height };
    const kept = new Set(this.selected ? [this.selected] : []);
    const wish = (p: OnScreen) => ({ id: p.id, x: p.x, y: p.y, r: MARKER_R, w: labelWidth(p.marker), h: LABEL_H, rank: p.rank });
    const ranked = (ps: OnScreen[]) => [...ps].sort((a, b) => a.rank - b.rank);
    const markerBox = (p: OnScreen) => ({ ...square(p.x, p.y, MARKER_R), id: p.id, rank: p.rank });

    // cities' names first: one that finds no room moves lesser markers in its way behind the city
    const leads = near.map((c) => c.lead);
    const cities = ranked(leads)
      .filter((p) => p.rank < FIRST_LABELLED)
      .map((p) => ({ ...wish(p), pushes: !closest && p.marker.rank < FIRST_LABELLED }));
    const standing = near.flatMap((c) => [c.lead, ...(closest ? fannedOut(c, GAP) : [])]);
    const first = placeLabels(cities, [...standing.map(markerBox), overlay], bounds, kept);
    const clusters = absorbed(near, first.displaced);
    const shown = clusters.flatMap((c) => [c.lead, ...(closest ? fannedOut(c, GAP) : [])]);
    const drawn = new Set(shown.map((p) => p.id));
    for (const [id, m] of this.laid) m.group.classList.toggle('clustered', !drawn.has(id));
    for (const p of shown) put(p.marker.group, p.x, p.y);
    this.drawLinks(closest ? clusters : [], toSvg);

    // then the badges, then the other names where there is room left
    const markerBoxes = shown.map(markerBox);
    const cityLabels = [...first.placed.values()];
    const badgeBoxes = this.badges.draw(
      closest ? [] : clusters,
      markerBoxes.map((box) => ({ id: box.id, box })),
      [...cityLabels, overlay],
      put,
    );
    const others = ranked(shown)
      .filter((p) => !first.placed.has(p.id))
      .map(wish);
    const rest = placeLabels(others, [...markerBoxes, ...badgeBoxes, ...cityLabels, overlay], bounds, kept);
    const labelled = new Map([...first.placed, ...rest.placed]);
    for (const [id, m] of this.laid) {
      const spot = labelled.get(id);
      m.label.setAttribute('visibility', spot ? 'visible' : 'hidden');
      m.label.classList.toggle('selected', id === this.selected);
      if (spot) put(m.label, spot.x, spot.y + BASELINE);
    }
  }

  /** As close as the view goes, a thin line from each fanned-out marker to where its place is. */
  private drawLinks(clusters: Cluster<OnScreen>[], toSvg: (x: number, y: number) => [number, number]): void {
    this.links.replaceChildren();
    for (const cluster of clusters)
      for (const fanned of fannedOut(cluster, GAP)) {
        const [x1, y1] = fanned.marker.at;
        const [x2, y2] = toSvg(fanned.x, fanned.y);
        this.links.append(svg('line', { x1, y1, x2, y2 }));
      }
  }
}

/** The width of a place's label in pixels, measured once it is laid out (a guess until then). */
function labelWidth(marker: Laid): number {
  if (marker.labelWidth) return marker.labelWidth;
  const measured = marker.label.getComputedTextLength();
  if (measured > 0) marker.labelWidth = measured;
  return measured || marker.place.name.length * 6;
}
