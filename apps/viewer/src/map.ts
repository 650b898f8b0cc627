import { FADE_AFTER_DAYS } from './age';
import type { ChangesUnderWay } from './changes-under-way';
import { byId, svg } from './dom';
import { boxAround } from './map-frame';
import { MarkerLayout, type Located } from './marker-layout';
import { markerShapes } from './marker-shapes';
import { GOVERNORATES, NEIGHBOURS, SYRIA } from './outlines';
import { placeRank } from './place-rank';
import { placeLook, type Names, type PlaceLook } from './place-story';
import { pathOf, project, VIEWBOX } from './projection';
import type { CampaignClock } from './time';
import type { Bloc, Campaign, FrameClaim, Place, PlaceState } from './types';
import { UnlocatedPlaces } from './unlocated-places';
import { zoomable } from './zoom';

const STATUSES = ['controlled', 'contested', 'besieged', 'vacated'] as const;
const GREY = '#9e9e9e';

interface Marker {
  place: Place;
  /** What shows the place's state: its marker on the map, or its mark in the list of places without coordinates. */
  mark: SVGElement;
  /** Told the place's tooltip and story whenever they change. */
  tell(look: PlaceLook): void;
  state?: PlaceState;
  note?: string;
  /** What the marker last drew, so an hour that changes nothing about it leaves its elements alone. */
  drawn?: string;
  story?: string;
}

/**
 * The map: outlines drawn once, one marker per place of the gazetteer with coordinates, laid out
 * on screen by `MarkerLayout`. A marker's colour is the bloc holding the place, its shape the
 * status; a change under way rings it in the colour of the bloc it goes to, an inferred holder is
 * drawn faint, and old information fades with its age. Places whose coordinates are approximate
 * carry a halo. A place without coordinates is not drawn (anywhere it is put, it reads as a place
 * that is there): it is listed beside the map, its mark painted as markers are.
 */
export class CampaignMap {
  private readonly markers = new Map<string, Marker>();
  /** Where each located place stands on the map, in its units: what framing an operation zooms to. */
  private readonly positions = new Map<string, [number, number]>();
  private readonly layout: MarkerLayout;
  private readonly unlocated: UnlocatedPlaces;
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
    const buttons = { in: byId('zoom-in'), out: byId('zoom-out'), reset: byId('zoom-reset') };
    const zoom = zoomable(root, buttons, () => this.layout.schedule());
    const overlay = buttons.in.parentElement ?? buttons.in;
    this.layout = new MarkerLayout(root, zoom, (placeId) => this.holderOf(placeId), overlay);
    this.unlocated = new UnlocatedPlaces(onSelect);
  }

  setCampaign(campaign: Campaign, clock: CampaignClock, places: Place[]): void {
    this.blocs = new Map(campaign.blocs.map((b) => [b.id, b]));
    this.factions = new Map(campaign.factions.map((f) => [f.id, f.name]));
    this.summaries.clear();
    this.clock = clock;
    this.underWay = new Map();
    this.draw(places);
  }

  /** The gazetteer changed (a place registered or moved): every marker drawn again where it now stands, keeping its state. */
  replacePlaces(places: Place[]): void {
    const kept = new Map([...this.markers].map(([id, m]) => [id, { state: m.state, note: m.note }]));
    this.draw(places);
    for (const [id, marker] of this.markers) Object.assign(marker, kept.get(id));
    for (const marker of this.markers.values()) this.paint(marker);
    this.layout.restyle();
  }

  private draw(places: Place[]): void {
    this.markers.clear();
    this.positions.clear();
    const gazetteer = new Map(places.map((p) => [p.placeId, p]));
    const located: Located[] = [];
    // the places that matter most first, for the keyboard to reach them first
    for (const place of [...places].sort((a, b) => placeRank(a) - placeRank(b))) {
      const at = locate(place);
      if (!at) continue;
      const title = svg('title');
      const group = svg(
        'g',
        {
          class: `place coords-${place.precision === 'exact' ? 'exact' : 'approximate'}`,
          'data-place': place.placeId,
          'data-status': 'none',
          tabindex: 0,
          role: 'button',
          'aria-label': place.name,
        },
        svg('circle', { class: 'hit', r: 8 }),
        ...markerShapes({ halo: place.precision === 'exact' ? 0 : 8, dot: place.kind === 'city' ? 5 : 3.6, flag: [5, -5] }),
        title,
      );
      group.addEventListener('click', () => this.onSelect(place.placeId));
      group.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.onSelect(place.placeId);
      });
      const position = project(at[0], at[1]);
      this.positions.set(place.placeId, position);
      located.push({ place, group, at: position });
      this.add({ place, mark: group, tell: (look) => (title.textContent = look.title) });
    }
    this.layout.set(located);
    const unlocated = places.filter((p) => !this.markers.has(p.placeId));
    for (const listed of this.unlocated.show(unlocated, (id) => gazetteer.get(id)?.name)) this.add(listed);
  }

  private add(marker: Marker): void {
    this.markers.set(marker.place.placeId, marker);
    this.paint(marker);
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
    this.layout.restyle();
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
    this.layout.restyle();
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
      marker.mark.classList.toggle('changed', why !== undefined);
      marker.mark.dataset.changed = why ?? '';
    }
  }

  /** Dims every place but those of `placeIds` (an operation's places); undefined shows all alike. */
  focus(placeIds: ReadonlySet<string> | undefined): void {
    for (const marker of this.markers.values())
      marker.mark.classList.toggle('outside', placeIds !== undefined && !placeIds.has(marker.place.placeId));
  }

  /** Zooms to the located places of `placeIds` with a margin, or to the whole map when none of them is drawn. */
  fit(placeIds: ReadonlySet<string> | undefined): void {
    const points = [...(placeIds ?? [])].flatMap((id) => {
      const position = this.positions.get(id);
      return position ? [position] : [];
    });
    this.root.setAttribute('viewBox', boxAround(points));
  }

  select(placeId: string | undefined): void {
    for (const marker of this.markers.values()) marker.mark.classList.toggle('selected', marker.place.placeId === placeId);
    this.layout.select(placeId);
    this.unlocated.select(placeId);
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
    const { mark } = marker;
    mark.dataset.status = look.status;
    mark.dataset.bloc = look.bloc;
    mark.dataset.pendingBloc = look.pendingBloc;
    mark.dataset.inferredFrom = look.inferredFrom;
    mark.dataset.age = look.ageDays;
    for (const s of [...STATUSES, 'none']) mark.classList.toggle(`status-${s}`, s === look.status);
    mark.classList.toggle('disputed', look.disputed);
    mark.classList.toggle('interval', marker.note !== undefined);
    mark.classList.toggle('pending', look.pendingBloc !== '');
    mark.classList.toggle('inferred', look.inferredFrom !== '');
    mark.classList.toggle('old', look.freshness < 1);
    mark.style.setProperty('--bloc', this.blocs.get(look.bloc)?.color ?? GREY);
    mark.style.setProperty('--pending-bloc', this.blocs.get(look.pendingBloc)?.color ?? GREY);
    mark.style.setProperty('--freshness', look.freshness.toFixed(2));
    marker.tell(look);
  }

  /** Who holds a place, for the badge of a cluster it is in. */
  private holderOf(placeId: string): { colour: string; holder: string } {
    const state = this.markers.get(placeId)?.state;
    const bloc = this.blocs.get(state?.bloc ?? '');
    if (!state) return { colour: GREY, holder: 'no claim yet' };
    return bloc ? { colour: bloc.color, holder: `held by ${bloc.name}` } : { colour: GREY, holder: 'held by no bloc' };
  }
}

/** The place's own coordinates as [lon, lat]; a parent's are not its own, so a place without them is not drawn. */
function locate(place: Place): [number, number] | undefined {
  return place.lat !== null && place.lon !== null ? [place.lon, place.lat] : undefined;
}
