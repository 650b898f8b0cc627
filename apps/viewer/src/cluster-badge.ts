import { svg } from './dom';

/** The places of a cluster one bloc holds (or none, in grey), and how many. */
export interface Share {
  colour: string;
  count: number;
}

const RING = 2;

/**
 * A cluster's badge: a ring cut in the colours of the blocs holding the places it stands for, in
 * proportion, around a white disc with `text` (how many) in it.
 */
export function clusterBadge(shares: readonly Share[], text: string): SVGElement[] {
  const total = shares.reduce((sum, s) => sum + s.count, 0);
  const r = text.length > 2 ? 8 : 7;
  const middle = r - RING / 2;
  const round = 2 * Math.PI * middle;
  let done = 0;
  const arcs = shares.map((share) => {
    const length = total ? (share.count / total) * round : 0;
    const arc = svg('circle', {
      class: 'share',
      r: middle,
      stroke: share.colour,
      'stroke-width': RING,
      'stroke-dasharray': `${length.toFixed(2)} ${(round - length).toFixed(2)}`,
      'stroke-dashoffset': (-done).toFixed(2),
    });
    done += length;
    return arc;
  });
  return [
    svg('circle', { class: 'disc', r }),
    // from the top, clockwise
    svg('g', { transform: 'rotate(-90)' }, ...arcs),
    svg('text', { class: 'count', y: 2.6 }, text),
  ];
}
