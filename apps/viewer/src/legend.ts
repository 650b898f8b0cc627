import { clusterBadge } from './cluster-badge';
import { byId, svg } from './dom';
import { markerShapes } from './marker-shapes';
import type { Bloc } from './types';

const GREY = '#9e9e9e';
/** The colour of the entries about a shape rather than a bloc. */
const NEUTRAL = '#757575';

/** The key below the map: one entry per bloc, then what each other way of drawing a marker says. */
export function legend(blocs: Bloc[], fadeAfterDays: number): void {
  const list = byId('legend');
  list.replaceChildren();
  const item = (cls: string, text: string, colours: { bloc?: string; pending?: string; freshness?: number } = {}) => {
    const li = document.createElement('li');
    const halo = cls.includes('coords-approximate') ? 8 : 0;
    const shapes = cls === 'cluster' ? clusterShares(blocs) : markerShapes({ halo, dot: 4.5, flag: [3, -2] });
    const mark = svg(
      'svg',
      { viewBox: '-12 -12 24 24', width: 20, height: 20, class: `place ${cls}`, 'aria-hidden': 'true' },
      ...shapes,
    );
    mark.style.setProperty('--bloc', colours.bloc ?? NEUTRAL);
    if (colours.pending) mark.style.setProperty('--pending-bloc', colours.pending);
    if (colours.freshness !== undefined) mark.style.setProperty('--freshness', String(colours.freshness));
    li.append(mark, text);
    list.append(li);
  };
  for (const bloc of blocs) item('status-controlled coords-exact', bloc.name, { bloc: bloc.color });
  const [taker, holder] = [blocs[0]?.color ?? GREY, blocs[1]?.color ?? GREY];
  item('status-contested coords-exact', 'contested');
  item('status-besieged coords-exact', 'besieged');
  item('status-vacated coords-exact', 'vacated');
  item('status-none coords-exact', 'no claim yet');
  item('status-controlled disputed coords-exact', 'disputed between sources');
  item('status-controlled pending coords-exact', 'change under way (ring: the bloc it goes to)', {
    bloc: holder,
    pending: taker,
  });
  item('status-controlled inferred coords-exact', 'inferred: held before the first report', { bloc: holder });
  item('status-controlled old coords-exact', `old information: not reported for over ${fadeAfterDays} days`, {
    bloc: holder,
    freshness: 0.45,
  });
  item('cluster', 'more places too near to draw apart, ringed in the colours of their holders (click to zoom in)');
  // drawn on a held marker, as they are seen on the map
  item('status-controlled coords-approximate', 'approximate location');
  item('status-controlled interval coords-exact', 'changed at an uncertain time this hour');
  item('status-controlled changed coords-exact', 'differs from what is known now');
}

/** A badge for three places, held by the first two blocs. */
function clusterShares(blocs: Bloc[]): SVGElement[] {
  return clusterBadge(
    blocs.slice(0, 2).map((b, i) => ({ colour: b.color, count: 2 - i })),
    '+3',
  );
}
