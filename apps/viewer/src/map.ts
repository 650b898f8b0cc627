import { byId, svg } from './dom';
import { GOVERNORATES, NEIGHBOURS, SYRIA } from './outlines';
import { centreOf, pathOf, project, VIEWBOX } from './projection';
import type { Bloc, Place, PlaceState } from './types';

const STATUSES = ['controlled', 'contested', 'besieged', 'vacated'] as const;

interface Marker {
  place: Place;
  group: SVGGElement;
  title: SVGTitleElement;
  state?: PlaceState;
  note?: string;
}

/**
 * The map: outlines drawn once, one marker per place of the gazetteer. A marker's colour is the
 * bloc holding the place, its shape the status; places whose coordinates are approximate carry a
 * halo, and places without coordinates sit inside their governorate with a wider one.
 */
export class CampaignMap {
  private readonly markers = new Map<string, Marker>();
  private readonly layer: SVGGElement;
  private blocs = new Map<string, Bloc>();

  constructor(
    root: SVGSVGElement,
    private readonly onSelect: (placeId: string) => void,
  ) {
    root.setAttribute('viewBox', VIEWBOX);
    root.append(
      svg(
        'g',
        { class: 'neighbours' },
        ...NEIGHBOURS.map((c) => svg('path', { d: pathOf(c.polygons) }, svg('title', {}, c.name))),
      ),
      svg('path', { class: 'country', d: pathOf(SYRIA.polygons) }),
      svg(
        'g',
        { class: 'governorates' },
        ...GOVERNORATES.map((g) => svg('path', { d: pathOf(g.polygons) }, svg('title', {}, `${g.name} governorate`))),
      ),
    );
    this.layer = svg('g', { class: 'places' });
    root.append(this.layer);
  }

  setCampaign(blocs: Bloc[], places: Place[]): void {
    this.blocs = new Map(blocs.map((b) => [b.id, b]));
    this.markers.clear();
    this.layer.replaceChildren();
    const byId = new Map(places.map((p) => [p.placeId, p]));
    const unplaced = new Map<string, number>();
    for (const place of places) {
      const located = locate(place, byId);
      const [x, y] = located ? project(located[0], located[1]) : this.fallback(place, unplaced);
      const uncertain = located ? (place.precision === 'exact' && place.lat !== null ? 'exact' : 'approximate') : 'unknown';
      const title = svg('title');
      const group = svg(
        'g',
        {
          class: `place coords-${uncertain}`,
          transform: `translate(${x.toFixed(1)},${y.toFixed(1)})`,
          'data-place': place.placeId,
          'data-status': 'none',
          tabindex: 0,
          role: 'button',
          'aria-label': place.name,
        },
        ...markerShapes({
          halo: uncertain === 'unknown' ? 14 : uncertain === 'approximate' ? 8 : 0,
          dot: place.kind === 'city' ? 5 : 3.6,
          flag: [5, -5],
        }),
        title,
      );
      if (place.kind === 'city' && uncertain !== 'unknown')
        group.append(svg('text', { class: 'label', x: 7, y: 3.5 }, place.name));
      group.addEventListener('click', () => this.onSelect(place.placeId));
      group.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.onSelect(place.placeId);
      });
      this.layer.append(group);
      const marker: Marker = { place, group, title };
      this.markers.set(place.placeId, marker);
      this.paint(marker);
    }
  }

  /** Sets every place to the snapshot's state; places it leaves out have no claim yet. */
  reset(states: PlaceState[]): void {
    const given = new Map(states.map((s) => [s.place, s]));
    for (const marker of this.markers.values()) {
      marker.state = given.get(marker.place.placeId);
      marker.note = undefined;
      this.paint(marker);
    }
  }

  apply(states: PlaceState[]): void {
    for (const state of states) {
      const marker = this.markers.get(state.place);
      if (!marker) continue;
      marker.state = state;
      this.paint(marker);
    }
  }

  /** Marks the places whose change this hour has an uncertain time, with its interval. */
  markIntervals(notes: Map<string, string>): void {
    for (const marker of this.markers.values()) {
      const note = notes.get(marker.place.placeId);
      if (note === marker.note) continue;
      marker.note = note;
      this.paint(marker);
    }
  }

  /** Marks the places whose state differs from what is known now. */
  markChanged(changed: Map<string, string>): void {
    for (const marker of this.markers.values()) {
      const why = changed.get(marker.place.placeId);
      marker.group.classList.toggle('changed', why !== undefined);
      marker.group.dataset.changed = why ?? '';
    }
  }

  select(placeId: string | undefined): void {
    for (const marker of this.markers.values()) marker.group.classList.toggle('selected', marker.place.placeId === placeId);
  }

  stateOf(placeId: string): PlaceState | undefined {
    return this.markers.get(placeId)?.state;
  }

  place(placeId: string): Place | undefined {
    return this.markers.get(placeId)?.place;
  }

  private paint({ place, group, title, state, note }: Marker): void {
    const status = state?.status ?? 'none';
    const bloc = state?.bloc ? this.blocs.get(state.bloc) : undefined;
    group.dataset.status = status;
    group.dataset.bloc = state?.bloc ?? '';
    for (const s of [...STATUSES, 'none']) group.classList.toggle(`status-${s}`, s === status);
    group.classList.toggle('disputed', state?.disputed ?? false);
    group.classList.toggle('interval', note !== undefined);
    group.style.setProperty('--bloc', bloc?.color ?? '#9e9e9e');
    const where = place.precision === 'unknown' ? 'location unknown, shown in its governorate' : `${place.precision} coordinates`;
    const held = state
      ? `${state.status}${state.controller ? ` by ${state.controller}` : ''}${bloc ? ` (${bloc.name})` : ''}${state.disputed ? ', disputed' : ''}`
      : 'no claim yet';
    title.textContent = `${place.name} — ${held}\n${place.kind}, ${place.governorate}; ${where}${note ? `\n${note}` : ''}`;
  }

  /** A point inside the governorate for a place without coordinates, spread on a small spiral. */
  private fallback(place: Place, unplaced: Map<string, number>): [number, number] {
    const governorate = GOVERNORATES.find((g) => g.name === place.governorate) ?? { polygons: SYRIA.polygons };
    const [lon, lat] = centreOf(governorate.polygons);
    const n = unplaced.get(place.governorate) ?? 0;
    unplaced.set(place.governorate, n + 1);
    const [x, y] = project(lon, lat);
    const angle = n * 2.4;
    const radius = 6 * Math.sqrt(n);
    return [x + radius * Math.cos(angle), y + radius * Math.sin(angle)];
  }
}

/** The parts of a marker, styled by its classes: uncertainty halo, status ring, dot, dispute flag. */
function markerShapes({ halo, dot, flag: [x, y] }: { halo: number; dot: number; flag: [number, number] }): SVGElement[] {
  return [
    svg('circle', { class: 'halo', r: halo }),
    svg('circle', { class: 'ring', r: 7.5 }),
    svg('circle', { class: 'dot', r: dot }),
    svg('text', { class: 'flag', x, y }, '?'),
  ];
}

function locate(place: Place, places: Map<string, Place>): [number, number] | undefined {
  if (place.lat !== null && place.lon !== null) return [place.lon, place.lat];
  const parent = place.parent ? places.get(place.parent) : undefined;
  if (parent && parent.lat !== null && parent.lon !== null) return [parent.lon, parent.lat];
  return undefined;
}

export function legend(blocs: Bloc[]): void {
  const list = byId('legend');
  list.replaceChildren();
  const item = (cls: string, text: string, color?: string) => {
    const li = document.createElement('li');
    const halo = cls.includes('coords-approximate') ? 8 : cls.includes('coords-unknown') ? 9.5 : 0;
    const mark = svg(
      'svg',
      { viewBox: '-10 -10 20 20', width: 18, height: 18, class: `place ${cls}`, 'aria-hidden': 'true' },
      ...markerShapes({ halo, dot: 4.5, flag: [3, -2] }),
    );
    if (color) (mark as unknown as HTMLElement).style.setProperty('--bloc', color);
    li.append(mark, text);
    list.append(li);
  };
  for (const bloc of blocs) item('status-controlled coords-exact', bloc.name, bloc.color);
  item('status-contested coords-exact', 'contested');
  item('status-besieged coords-exact', 'besieged');
  item('status-vacated coords-exact', 'vacated');
  item('status-controlled disputed coords-exact', 'disputed between sources');
  item('status-none coords-approximate', 'approximate location');
  item('status-none coords-unknown', 'location unknown (in its governorate)');
  item('status-none interval coords-exact', 'changed at an uncertain time this hour');
  item('status-none changed coords-exact', 'differs from what is known now');
}
