import { FADE_AFTER_DAYS } from './age';
import type { ChangesUnderWay } from './changes-under-way';
import { svg } from './dom';
import { boxAround } from './map-frame';
import { markerShapes } from './marker-shapes';
import { GOVERNORATES, NEIGHBOURS, SYRIA } from './outlines';
import { placeLook, type Names } from './place-story';
import { centreOf, pathOf, project, VIEWBOX } from './projection';
import type { CampaignClock } from './time';
import type { Bloc, Campaign, FrameClaim, Place, PlaceState } from './types';

const STATUSES = ['controlled', 'contested', 'besieged', 'vacated'] as const;
const GREY = '#9e9e9e';

interface Marker {
  place: Place;
  group: SVGGElement;
  title: SVGTitleElement;
  state?: PlaceState;
  note?: string;
  /** What the marker last drew, so an hour that changes nothing about it leaves its elements alone. */
  drawn?: string;
  story?: string;
  /** Where the marker is drawn, in the map's units. */
  at: [number, number];
}

/**
 * The map: outlines drawn once, one marker per place of the gazetteer. A marker's colour is the
 * bloc holding the place, its shape the status; a change under way rings it in the colour of the
 * bloc it goes to, an inferred holder is drawn faint, and old information fades with its age.
 * Places whose coordinates are approximate carry a halo, and places without coordinates sit
 * inside their governorate with a wider one.
 */
export class CampaignMap {
  private readonly markers = new Map<string, Marker>();
  private readonly layer: SVGGElement;
  private blocs = new Map<string, Bloc>();
  private factions = new Map<string, string>();
  private readonly summaries = new Map<string, string>();
  private clock: CampaignClock | undefined;
  private underWay: ChangesUnderWay = new Map();
  private now = '';
  private fadeAfterDays = FADE_AFTER_DAYS;
  /** Factions and blocs by name, and the claims the replay has shown, for every panel to word states alike. */
  readonly names: Names = {
    faction: (id) => this.factions.get(id) ?? id,
    bloc: (id) => (id ? this.blocs.get(id) : undefined),
    claim: (id) => this.summaries.get(id),
  };

  constructor(
    private readonly root: SVGSVGElement,
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

  setCampaign(campaign: Campaign, clock: CampaignClock, places: Place[]): void {
    this.blocs = new Map(campaign.blocs.map((b) => [b.id, b]));
    this.factions = new Map(campaign.factions.map((f) => [f.id, f.name]));
    this.summaries.clear();
    this.clock = clock;
    this.underWay = new Map();
    this.markers.clear();
    this.layer.replaceChildren();
    const byId = new Map(places.map((p) => [p.placeId, p]));
    const unplaced = new Map<string, number>();
    // cities last, so their markers and names are drawn over the places around them
    const drawOrder = [...places].sort((a, b) => Number(a.kind === 'city') - Number(b.kind === 'city'));
    for (const place of drawOrder) {
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
      const marker: Marker = { place, group, title, at: [x, y] };
      this.markers.set(place.placeId, marker);
      this.paint(marker);
    }
  }

  /** Sets every place to the snapshot's state (places it leaves out have no claim yet), drawn by the next `moveTo`. */
  reset(states: PlaceState[]): void {
    const given = new Map(states.map((s) => [s.place, s]));
    for (const marker of this.markers.values()) {
      marker.state = given.get(marker.place.placeId);
      marker.note = undefined;
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

  /** Remembers the summaries of claims the replay showed, for the states inferred from them. */
  learn(claims: FrameClaim[]): void {
    for (const claim of claims) this.summaries.set(claim.claimId, claim.summary);
  }

  /**
   * Shows the map at `now`: the changes under way then, the notes on the hour's changes (such as
   * an uncertain interval) and the age of every state.
   */
  moveTo(now: string, underWay: ChangesUnderWay, notes: Map<string, string>): void {
    this.now = now;
    this.underWay = underWay;
    for (const marker of this.markers.values()) {
      marker.note = notes.get(marker.place.placeId);
      this.paint(marker);
    }
  }

  /** Fades markers whose information is older than this many days. */
  fadeAfter(days: number): void {
    this.fadeAfterDays = days;
    for (const marker of this.markers.values()) this.paint(marker);
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

  /** Dims every marker but those of `placeIds` (an operation's places); undefined shows all alike. */
  focus(placeIds: ReadonlySet<string> | undefined): void {
    for (const marker of this.markers.values())
      marker.group.classList.toggle('outside', placeIds !== undefined && !placeIds.has(marker.place.placeId));
  }

  /** Zooms to the markers of `placeIds` with a margin, or to the whole map when none of them is drawn. */
  fit(placeIds: ReadonlySet<string> | undefined): void {
    const points = [...(placeIds ?? [])].flatMap((id) => {
      const marker = this.markers.get(id);
      return marker ? [marker.at] : [];
    });
    this.root.setAttribute('viewBox', boxAround(points));
  }

  stateOf(placeId: string): PlaceState | undefined {
    return this.markers.get(placeId)?.state;
  }

  /** What the place's marker says about it at the hour on screen. */
  storyOf(placeId: string): string | undefined {
    return this.markers.get(placeId)?.story;
  }

  place(placeId: string): Place | undefined {
    return this.markers.get(placeId)?.place;
  }

  private paint(marker: Marker): void {
    if (!this.clock) return;
    const pending = this.underWay.get(marker.place.placeId) ?? [];
    const look = placeLook(marker.place, marker.state, pending, {
      clock: this.clock,
      names: this.names,
      now: this.now || (marker.state?.lastReportedAt ?? ''),
      fadeAfterDays: this.fadeAfterDays,
      note: marker.note,
    });
    const drawn = JSON.stringify(look);
    if (drawn === marker.drawn) return;
    marker.drawn = drawn;
    marker.story = look.story;
    const { group, title } = marker;
    group.dataset.status = look.status;
    group.dataset.bloc = look.bloc;
    group.dataset.pendingBloc = look.pendingBloc;
    group.dataset.inferredFrom = look.inferredFrom;
    group.dataset.age = look.ageDays;
    for (const s of [...STATUSES, 'none']) group.classList.toggle(`status-${s}`, s === look.status);
    group.classList.toggle('disputed', look.disputed);
    group.classList.toggle('interval', marker.note !== undefined);
    group.classList.toggle('pending', look.pendingBloc !== '');
    group.classList.toggle('inferred', look.inferredFrom !== '');
    group.classList.toggle('old', look.freshness < 1);
    group.style.setProperty('--bloc', this.blocs.get(look.bloc)?.color ?? GREY);
    group.style.setProperty('--pending-bloc', this.blocs.get(look.pendingBloc)?.color ?? GREY);
    group.style.setProperty('--freshness', look.freshness.toFixed(2));
    title.textContent = look.title;
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

function locate(place: Place, places: Map<string, Place>): [number, number] | undefined {
  if (place.lat !== null && place.lon !== null) return [place.lon, place.lat];
  const parent = place.parent ? places.get(place.parent) : undefined;
  if (parent && parent.lat !== null && parent.lon !== null) return [parent.lon, parent.lat];
  return undefined;
}
