import { svg } from './dom';

/**
 * The parts of a marker, styled by its classes: uncertainty halo, the ring of a change under way
 * (in the colour of the bloc it goes to), status ring, dot, dispute flag.
 */
export function markerShapes({ halo, dot, flag: [x, y] }: { halo: number; dot: number; flag: [number, number] }): SVGElement[] {
  return [
    svg('circle', { class: 'halo', r: halo }),
    svg('circle', { class: 'under-way', r: 10 }),
    svg('circle', { class: 'ring', r: 7.5 }),
    svg('circle', { class: 'dot', r: dot }),
    svg('text', { class: 'flag', x, y }, '?'),
  ];
}
