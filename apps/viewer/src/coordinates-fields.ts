import { html } from './dom';
import type { MapPick } from './map-pick';
import type { PlaceFormValues } from './place-registration';
import { pointInWords } from './point-on-map';
import { choice, field, type RecordDialog } from './record-dialog';
import { COORDINATE_PRECISIONS, optionsOf } from './record-vocabulary';
import type { Place } from './types';

/** How far a click can be off at each number of decimals, in words. */
const WITHIN = ['', '', 'about 1 km', 'about 100 m', 'about 10 m', 'about 1 m'];

type Coordinates = Pick<PlaceFormValues, 'lat' | 'lon' | 'precision' | 'coordinatesFrom'>;

/**
 * A place's coordinates in a form: "Pick on the map" sets the map in its pick mode (the form
 * steps aside until the click) and fills lat/lon from the click, which the editor sees, and may
 * still edit, before saving; the point stays marked on the map while the form is open. Precision
 * and where the coordinates come from go with them.
 */
export class CoordinatesFields {
  readonly element: HTMLFieldSetElement;
  private readonly lat = html('input', { type: 'text', inputmode: 'decimal', placeholder: 'e.g. 35.13' });
  private readonly lon = html('input', { type: 'text', inputmode: 'decimal', placeholder: 'e.g. 36.75' });
  private readonly precision = choice(optionsOf(COORDINATE_PRECISIONS), 'approximate');
  private readonly from = html('input', { type: 'text' });
  private readonly picked = html('output', { class: 'picked' });
  private readonly pickButton = html('button', { type: 'button', class: 'pick-on-map' }, 'Pick on the map');

  constructor(
    private readonly pick: MapPick,
    private readonly dialog: RecordDialog,
    /** What the editor is to click, in words ("Hama"). */
    private readonly what: () => string,
  ) {
    this.element = html(
      'fieldset',
      { class: 'coordinates' },
      html('legend', {}, 'Coordinates'),
      html('div', { class: 'inline' }, this.pickButton, this.picked),
      html('div', { class: 'pair' }, field('Latitude', this.lat, 'lat'), field('Longitude', this.lon, 'lon')),
      field('Precision', this.precision, 'precision', 'exact only when a gazetteer or survey gives the point'),
      field('Coordinates from', this.from, 'coordinatesFrom', 'where they come from, with its licence'),
    );
    this.pickButton.addEventListener('click', () => void this.pickOnMap());
    for (const input of [this.lat, this.lon]) input.addEventListener('input', () => this.markTyped());
    // the form closes for good (saved or cancelled), not to step aside for a pick: the mark goes
    dialog.dialog.addEventListener('close', () => {
      if (!pick.picking) pick.clear();
    });
  }

  /** Shows a place's coordinates (none for a new place), and where new ones would come from. */
  reset(place: Place | undefined, from: string): void {
    this.lat.value = place?.lat?.toString() ?? '';
    this.lon.value = place?.lon?.toString() ?? '';
    this.precision.value = place && place.precision !== 'unknown' ? place.precision : 'approximate';
    this.from.value = from;
    this.picked.textContent = '';
    this.pick.clear();
  }

  values(): Coordinates {
    return { lat: this.lat.value, lon: this.lon.value, precision: this.precision.value, coordinatesFrom: this.from.value };
  }

  private async pickOnMap(): Promise<void> {
    this.dialog.close();
    this.pick.scrollIntoView();
    const point = await this.pick.pick(`Click the map where ${this.what()} is.`);
    this.dialog.open();
    if (!point) return this.pickButton.focus();
    this.lat.value = String(point.lat);
    this.lon.value = String(point.lon);
    if (this.precision.value === 'unknown' || this.precision.value === 'exact') this.precision.value = 'approximate';
    this.picked.textContent = `Picked ${pointInWords(point)} (to ${WITHIN[point.decimals] ?? 'a click'})`;
    this.pickButton.focus();
  }

  private markTyped(): void {
    const lat = Number(this.lat.value);
    const lon = Number(this.lon.value);
    const typed = this.lat.value.trim() !== '' && this.lon.value.trim() !== '' && Number.isFinite(lat + lon);
    this.picked.textContent = typed ? `At ${pointInWords({ lat, lon })}` : '';
    this.pick.show(typed ? { lat, lon } : undefined);
  }
}
