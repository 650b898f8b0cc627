import { CoordinatesFields } from './coordinates-fields';
import { html } from './dom';
import type { MapPick } from './map-pick';
import { placeIdOf, placeInput } from './place-choice';
import { placeMove } from './place-registration';
import { EditRefused } from './editor-session';
import { field, RecordDialog } from './record-dialog';
import { campaignUrl, type RecordContext } from './record-context';
import type { Place } from './types';

/**
 * Sets or moves a place's coordinates: the place (the one chosen on the map, to begin with), its
 * coordinates now, the new ones picked on the map or typed, and the reason, which the record
 * requires of every correction. Saved as a `PlaceCorrected`; the marker moves when it is.
 */
export class PlaceEditor {
  private readonly dialog = new RecordDialog('place-editor', 'Set or move a place', 'Save coordinates', () => this.save());
  private readonly place = placeInput('place-editor');
  private readonly now = html('p', { class: 'hint place-now' });
  private readonly reason = html('textarea', { rows: 2, placeholder: 'e.g. the gazetteer placed it at the wrong village' });
  private readonly coordinates: CoordinatesFields;
  private ctx: RecordContext | undefined;

  constructor(
    pick: MapPick,
    private readonly saved: (placeId: string) => void,
  ) {
    this.coordinates = new CoordinatesFields(pick, this.dialog, () => this.chosen()?.name ?? 'the place');
    this.dialog.fields.append(
      field('Place', this.place.input, 'place', 'type its name and choose it'),
      this.place.list,
      this.now,
      this.coordinates.element,
      field('Reason', this.reason, 'reason', 'required: why the place moves'),
    );
    this.place.input.addEventListener('change', () => this.showPlace());
  }

  open(ctx: RecordContext): void {
    this.ctx = ctx;
    this.dialog.form.reset();
    this.place.offer(ctx.places);
    this.place.input.value = ctx.selected ?? '';
    this.showPlace();
    this.dialog.open();
    (ctx.selected ? this.coordinates.element.querySelector('button') : this.place.input)?.focus();
  }

  private chosen(): Place | undefined {
    const ctx = this.ctx;
    const id = ctx && placeIdOf(ctx.places, this.place.input.value);
    return id === undefined ? undefined : ctx?.places.find((p) => p.placeId === id);
  }

  private showPlace(): void {
    const place = this.chosen();
    this.now.textContent = !place
      ? ''
      : place.lat === null || place.lon === null
        ? `${place.name} has no coordinates yet: it is listed under “Location unknown”.`
        : `${place.name} is now at ${place.lat}, ${place.lon} (${place.precision}).`;
    this.coordinates.reset(place, `picked on the viewer's map by ${this.ctx?.session.editor?.name ?? 'an editor'}`);
  }

  private async save(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const place = this.chosen();
    if (!place)
      throw new EditRefused(422, 'No place chosen', '', [{ path: 'place', message: 'choose the place to move, by its name' }]);
    await ctx.session.send(
      'PATCH',
      campaignUrl(ctx, 'places', place.placeId),
      placeMove(this.coordinates.values(), this.reason.value),
    );
    this.saved(place.placeId);
  }
}
