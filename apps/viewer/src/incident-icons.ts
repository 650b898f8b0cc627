import { svg } from './dom';

/** A 16×16 drawing per incident kind, in strokes of the current colour. */
const DRAWINGS: Record<string, string> = {
  // a plane's wing over a falling bomb
  airstrike: 'M1 3h14M8 3l-3 -2M8 3l3 -2M8 6v6M5 10l3 4 3-4',
  // a shell bursting: a ring with rays
  shelling: 'M8 5a3 3 0 1 0 0.01 0M8 0v3M8 13v3M0 8h3M13 8h3M2.5 2.5l2 2M11.5 11.5l2 2M2.5 13.5l2-2M11.5 4.5l2-2',
  // two paths crossing from the sides
  ambush: 'M2 2l12 12M14 2L2 14M2 8h3M11 8h3',
  // a round bomb and its fuse
  bombing: 'M7 6a4.5 4.5 0 1 0 0.01 0M10 5l2-2M12 3l2 0M12 3l0-2',
  // a drone seen from above: four rotors round a body
  'drone-strike':
    'M6 6h4v4H6zM6 6L3 3M10 6l3-3M6 10l-3 3M10 10l3 3M3 1.5a1.5 1.5 0 1 0 0.01 0M13 1.5a1.5 1.5 0 1 0 0.01 0M3 11.5a1.5 1.5 0 1 0 0.01 0M13 11.5a1.5 1.5 0 1 0 0.01 0',
  // an arrow going back
  withdrawal: 'M15 8H2M6 4L2 8l4 4',
  // a loudspeaker
  announcement: 'M1 6h3l6-4v12l-6-4H1zM12 5.5c1.5 1.5 1.5 3.5 0 5',
  // a way out of a door
  evacuation: 'M2 1h7v14H2zM9 8h6M12 5l3 3-3 3',
  // a pylon
  infrastructure: 'M8 1L4 15M8 1l4 14M3 5h10M5 10h6',
  other: 'M8 2a6 6 0 1 0 0.01 0M8 7v4M8 5v0.5',
};

/** The incident's kind drawn, named for those who do not see it. */
export function incidentIcon(kind: string): SVGSVGElement {
  return svg(
    'svg',
    { class: 'kind-icon', viewBox: '-1 -1 18 18', width: 18, height: 18, role: 'img', 'aria-label': kind },
    svg('title', {}, kind),
    svg('path', { d: DRAWINGS[kind] ?? DRAWINGS.other }),
  );
}
