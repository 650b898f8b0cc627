import { clusterBadge, type Share } from './cluster-badge';
import { separatingZoom, type Cluster, type ScreenPoint } from './clusters';
import { svg } from './dom';
import { overlap, square, type Rect } from './label-placement';
import type { MapZoom } from './zoom';

/** The radius a cluster's badge keeps clear, in pixels. */
const BADGE_R = 8;
/**
 * Where a cluster's badge may sit, from its lead's centre (pixels), in order of preference: above
 * or below it first, which leaves the sides to its label.
 */
const BADGE_SPOTS: [number, number][] = [
  [0, -15],
  [0, 15],
  [15, -10],
  [-15, -10],
  [15, 10],
  [-15, 10],
];

/** A drawn marker: where it is on screen, and its place's name and position in SVG units. */
export interface MarkerOnScreen extends ScreenPoint {
  marker: { place: { name: string }; at: [number, number] };
}

/** Puts an element at a point of the screen, one of its own units a pixel. */
export type Put = (element: SVGElement, x: number, y: number) => void;

interface Badge {
  element: SVGGElement;
  /** Zooming in this many times about this point (SVG units) separates the cluster. */
  zoom: { factor: number; at: { x: number; y: number } };
}

/**
 * The badges of the clusters on the map: how many places stand behind a marker, ringed in the
 * colours of their holders, in words for a screen reader; a click, Enter or Space zooms in until
 * they come apart. A badge is kept from one drawing to the next, so the focus stays on it.
 */
export class ClusterBadges {
  /** By the place leading the cluster. */
  private readonly badgeOf = new Map<string, Badge>();
  /** The clusters drawn with a badge, for their badges to follow the states. */
  private badged: Cluster<MarkerOnScreen>[] = [];

  constructor(
    private readonly layer: SVGGElement,
    private readonly zoom: MapZoom,
    private readonly gap: number,
    private readonly holderOf: (placeId: string) => { colour: string; holder: string },
  ) {}

  clear(): void {
    this.badgeOf.clear();
    this.badged = [];
    this.layer.replaceChildren();
  }

  /** The places' states changed: the badges' rings and words follow them. */
  restyle(): void {
    for (const cluster of this.badged) {
      const badge = this.badgeOf.get(cluster.lead.id);
      if (badge) this.fill(badge, cluster);
    }
  }

  /** Draws each cluster's badge beside its lead where it covers no other marker nor a label; returns their boxes. */
  draw(clusters: Cluster<MarkerOnScreen>[], markers: { id: string; box: Rect }[], labels: Rect[], put: Put): Rect[] {
    const boxes: Rect[] = [];
    const leads = new Set<string>();
    this.badged = clusters.filter((c) => c.members.length > 0);
    for (const cluster of this.badged) {
      const { lead } = cluster;
      leads.add(lead.id);
      const others = markers.filter((m) => m.id !== lead.id).map((m) => m.box);
      const spots = BADGE_SPOTS.map(([dx, dy]) => square(lead.x + dx, lead.y + dy, BADGE_R));
      const [spot = square(lead.x, lead.y - 15, BADGE_R)] = spots.filter((s) =>
        [...others, ...labels, ...boxes].every((o) => overlap(s, o) === 0),
      );
      boxes.push(spot);
      const badge = this.badgeOf.get(lead.id) ?? this.add(lead.id);
      this.fill(badge, cluster);
      put(badge.element, spot.x + BADGE_R, spot.y + BADGE_R);
    }
    for (const [id, badge] of this.badgeOf)
      if (!leads.has(id)) {
        badge.element.remove();
        this.badgeOf.delete(id);
      }
    return boxes;
  }

  private add(leadId: string): Badge {
    const element = svg('g', { class: 'cluster', role: 'button', tabindex: 0, 'data-lead': leadId });
    const badge: Badge = { element, zoom: { factor: 2, at: { x: 0, y: 0 } } };
    const zoomIn = () => this.zoom.by(1 / badge.zoom.factor, badge.zoom.at);
    element.addEventListener('click', zoomIn);
    element.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      zoomIn();
    });
    this.badgeOf.set(leadId, badge);
    this.layer.append(element);
    return badge;
  }

  /** The badge's ring, count and words for the cluster as it stands, and the zoom that separates it. */
  private fill({ element, zoom }: Badge, cluster: Cluster<MarkerOnScreen>): void {
    const { lead, members } = cluster;
    const shares = new Map<string, Share & { holder: string }>();
    for (const member of members) {
      const { colour, holder } = this.holderOf(member.id);
      const share = shares.get(holder) ?? { colour, holder, count: 0 };
      share.count++;
      shares.set(holder, share);
    }
    const held = [...shares.values()].sort((a, b) => b.count - a.count);
    const n = members.length;
    const words = `${lead.marker.place.name} and ${n} place${n === 1 ? '' : 's'} near it: ${held
      .map((s) => `${s.count} ${s.holder}`)
      .join(', ')}. Zoom in to see them apart.`;
    const drawn = JSON.stringify([words, held.map((s) => s.colour)]);
    if (element.dataset.drawn !== drawn) {
      element.dataset.drawn = drawn;
      element.dataset.count = String(n);
      element.setAttribute('aria-label', words);
      element.replaceChildren(svg('title', {}, words), ...clusterBadge(held, `+${n}`));
    }
    const all = [lead, ...members].map((p) => p.marker.at);
    zoom.factor = separatingZoom(cluster, this.gap);
    zoom.at = {
      x: all.reduce((sum, [x]) => sum + x, 0) / all.length,
      y: all.reduce((sum, [, y]) => sum + y, 0) / all.length,
    };
  }
}
