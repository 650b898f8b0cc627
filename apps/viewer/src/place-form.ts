import { CoordinatesFields } from './coordinates-fields';
import { html } from './dom';
import type { MapPick } from './map-pick';
import { placeInput } from './place-choice';
import { placeRegistration, suggestedPlaceId } from './place-registration';
import { choice, field, RecordDialog } from './record-dialog';
import { campaignUrl, type RecordContext } from './record-context';
import { optionsOf, PLACE_KINDS } from './record-vocabulary';

/**
 * Registers a place of the gazetteer: its name, id (suggested from the name), kind, governorate,
 * aliases and parent, and its coordinates, picked on the map or typed, or none ("unknown").
 */
export class PlaceForm {
  private readonly dialog = new RecordDialog('place-form', 'Register a place', 'Register place', () => this.save());
  private readonly name = html('input', { type: 'text' });
  private readonly placeId = html('input', { type: 'text', spellcheck: 'false' });
  private readonly kind = choice(optionsOf(PLACE_KINDS), 'village');
  private readonly governorate = html('input', { type: 'text', list: 'place-form-governorates' });
  private readonly governorates = html('datalist', { id: 'place-form-governorates' });
  private readonly aliases = html('input', { type: 'text', placeholder: 'other spellings, separated by commas' });
  private readonly parent = placeInput('place-form-parent');
  private readonly coordinates: CoordinatesFields;
  private idWritten = false;
  private ctx: RecordContext | undefined;

  constructor(
    pick: MapPick,
    private readonly saved: (placeId: string) => void,
  ) {
    this.coordinates = new CoordinatesFields(pick, this.dialog, () => this.name.value.trim() || 'the place');
    this.dialog.fields.append(
      field('Name', this.name, 'name'),
      field('Place id', this.placeId, 'placeId', 'suggested from the name'),
      field('Kind', this.kind, 'kind'),
      field('Governorate', this.governorate, 'governorate'),
      this.governorates,
      field('Aliases', this.aliases, 'aliases'),
      field('Inside (parent place)', this.parent.input, 'parent', 'optional: the city a district is part of'),
      this.parent.list,
      this.coordinates.element,
    );
    this.name.addEventListener('input', () => {
      if (!this.idWritten) this.placeId.value = suggestedPlaceId(this.name.value);
    });
    this.placeId.addEventListener('input', () => (this.idWritten = this.placeId.value.trim() !== ''));
  }

  open(ctx: RecordContext): void {
    this.ctx = ctx;
    this.dialog.form.reset();
    this.idWritten = false;
    this.parent.offer(ctx.places);
    const names = [...new Set(ctx.places.map((p) => p.governorate))].sort();
    this.governorates.replaceChildren(...names.map((g) => html('option', { value: g })));
    this.coordinates.reset(undefined, `picked on the viewer's map by ${ctx.session.editor?.name ?? 'an editor'}`);
    this.dialog.open();
    this.name.focus();
  }

  private async save(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const body = placeRegistration({
      placeId: this.placeId.value,
      name: this.name.value,
      aliases: this.aliases.value,
      kind: this.kind.value,
      governorate: this.governorate.value,
      parent: this.parent.input.value,
      ...this.coordinates.values(),
    });
    await ctx.session.send('POST', campaignUrl(ctx, 'places'), body);
    this.saved(body.placeId);
  }
}
