import { byId, html, svg } from './dom';
import { markerShapes } from './marker-shapes';
import type { PlaceLook } from './place-story';
import { matchesSearch } from './place-search';
import type { Place } from './types';

/** A listed place, and where the map paints its state: its mark, and its tooltip and story in words. */
export interface ListedPlace {
  place: Place;
  mark: SVGSVGElement;
  tell(look: PlaceLook): void;
}

interface Entry {
  place: Place;
  item: HTMLLIElement;
  button: HTMLButtonElement;
}

/**
 * The places no source locates, which the map does not draw: listed beside it by governorate
 * under "Location unknown", each with a mark of its state at the hour on screen and that state in
 * words. The search box keeps the places whose name or an alias contains what is typed; choosing
 * a place selects it as a click on a marker does. Folded away at first on a narrow screen.
 */
export class UnlocatedPlaces {
  private readonly panel = byId<HTMLDetailsElement>('unlocated');
  private readonly count = byId('unlocated-count');
  private readonly search = byId<HTMLInputElement>('unlocated-search');
  private readonly list = byId('unlocated-list');
  private readonly none = byId('unlocated-none');
  private entries: Entry[] = [];

  constructor(private readonly onSelect: (placeId: string) => void) {
    if (window.matchMedia('(max-width: 900px)').matches) this.panel.open = false;
    this.search.addEventListener('input', () => this.filter());
  }

  /** Lists the places, the others' names at hand for a parent's; says where each one's state is painted. */
  show(places: Place[], nameOf: (placeId: string) => string | undefined): ListedPlace[] {
    const listed: ListedPlace[] = [];
    const byGovernorate = new Map<string, Place[]>();
    for (const place of [...places].sort((a, b) => a.name.localeCompare(b.name)))
      byGovernorate.set(place.governorate, [...(byGovernorate.get(place.governorate) ?? []), place]);
    this.entries = [];
    this.list.replaceChildren();
    for (const [governorate, inIt] of [...byGovernorate].sort(([a], [b]) => a.localeCompare(b))) {
      const heading = html('h3', { id: `unlocated-${slug(governorate)}` }, governorate);
      const items = inIt.map((place) => {
        const { entry, shown } = this.entry(place, nameOf);
        listed.push(shown);
        this.entries.push(entry);
        return entry.item;
      });
      this.list.append(
        html('section', { class: 'governorate' }, heading, html('ul', { 'aria-labelledby': heading.id }, ...items)),
      );
    }
    this.panel.hidden = places.length === 0;
    this.filter();
    return listed;
  }

  select(placeId: string | undefined): void {
    for (const { place, button } of this.entries)
      if (place.placeId === placeId) button.setAttribute('aria-current', 'true');
      else button.removeAttribute('aria-current');
  }

  private entry(place: Place, nameOf: (placeId: string) => string | undefined): { entry: Entry; shown: ListedPlace } {
    const title = svg('title');
    const mark = svg(
      'svg',
      { viewBox: '-12 -12 24 24', width: 22, height: 22, class: 'place', 'aria-hidden': 'true' },
      ...markerShapes({ halo: 0, dot: 4.5, flag: [3, -2] }),
      title,
    );
    const parent = place.parent ? nameOf(place.parent) : undefined;
    const state = html('span', { class: 'state' });
    const button = html(
      'button',
      { type: 'button' },
      mark,
      html(
        'span',
        { class: 'words' },
        html(
          'span',
          {},
          html('span', { class: 'name' }, place.name),
          ' ',
          html('span', { class: 'kind' }, `${place.kind}${parent ? ` in ${parent}` : ''}`),
        ),
        state,
      ),
    );
    button.addEventListener('click', () => this.onSelect(place.placeId));
    const item = html('li', { 'data-place': place.placeId }, button);
    const tell = (look: PlaceLook) => {
      title.textContent = look.title;
      button.title = look.title;
      state.textContent = look.story.split('\n')[0] ?? '';
    };
    return { entry: { place, item, button }, shown: { place, mark, tell } };
  }

  private filter(): void {
    const typed = this.search.value;
    let shown = 0;
    for (const { place, item } of this.entries) {
      item.hidden = !matchesSearch(place, typed);
      if (!item.hidden) shown++;
    }
    for (const section of this.list.querySelectorAll<HTMLElement>('.governorate'))
      section.hidden = !section.querySelector('li:not([hidden])');
    this.none.hidden = shown > 0;
    this.count.textContent = typed.trim() ? `${shown} of ${this.entries.length}` : String(this.entries.length);
  }
}

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
