import { html } from './dom';
import { claimInput, type ClaimFormValues } from './new-claim-input';
import { SourcesPicker } from './new-claim-sources';
import { ClaimTimeFields } from './new-claim-time';
import { placeIdOf, placeInput } from './place-choice';
import { choice, field, RecordDialog } from './record-dialog';
import { campaignUrl, type RecordContext } from './record-context';
import { CASUALTY_CATEGORIES, CLAIM_TYPES, CONTROL_STATUSES, INCIDENT_KINDS, optionsOf, SCOPES } from './record-vocabulary';

type ClaimType = ClaimFormValues['type'];
/** Which inputs each claim type and control status shows, by their path. */
const SHOWN: Record<ClaimType, string[]> = {
  control: ['place', 'status', 'takenFrom'],
  casualties: ['side', 'category', 'count', 'scope', 'place'],
  territory: ['faction', 'settlements', 'areaKm2', 'scope', 'place'],
  incident: ['kind', 'place', 'actors'],
};
const BY_STATUS: Record<string, string[]> = {
  controlled: ['controller'],
  contested: ['controller', 'contestedBy'],
  besieged: ['controller', 'besiegedBy'],
  vacated: ['vacatedBy'],
};

/**
 * Records a new claim: its type, then the fields that type takes (a control claim's place, status
 * and the factions the status names; a casualty count with its range; territory; an incident),
 * its time in the campaign's local calendar with its precision, its sources and the sentence it
 * comes from. The service judges it; what it refuses is said beside the field.
 */
export class NewClaimForm {
  private readonly dialog = new RecordDialog('new-claim', 'Record a claim', 'Record claim', () => this.save());
  private readonly type = choice(optionsOf(CLAIM_TYPES));
  private readonly operation = html('select');
  private readonly time = new ClaimTimeFields();
  private readonly place = placeInput('new-claim');
  private readonly status = choice(optionsOf(CONTROL_STATUSES));
  private readonly factions = {
    controller: html('select'),
    contestedBy: html('select'),
    besiegedBy: html('select'),
    vacatedBy: html('select'),
    takenFrom: html('select'),
    side: html('select'),
    faction: html('select'),
  };
  private readonly category = choice(optionsOf(CASUALTY_CATEGORIES));
  private readonly best = html('input', { type: 'text', inputmode: 'numeric', name: 'count.best', 'aria-label': 'Count (best)' });
  private readonly low = html('input', { type: 'text', inputmode: 'numeric', name: 'count.low', 'aria-label': 'Low' });
  private readonly high = html('input', { type: 'text', inputmode: 'numeric', name: 'count.high', 'aria-label': 'High' });
  private readonly openEnded = html('input', { type: 'checkbox' });
  private readonly scope = choice(optionsOf(SCOPES));
  private readonly settlements = html('input', { type: 'text', inputmode: 'numeric' });
  private readonly areaKm2 = html('input', { type: 'text', inputmode: 'decimal' });
  private readonly kind = choice(optionsOf(INCIDENT_KINDS));
  private readonly actors = html('select', { multiple: '', size: 4 });
  private readonly sources = new SourcesPicker();
  private readonly quote = html('textarea', { rows: 3 });
  private readonly note = html('textarea', { rows: 2 });
  private ctx: RecordContext | undefined;

  constructor(private readonly saved: (claimId: string) => void) {
    const f = this.factions;
    const count = html(
      'div',
      { class: 'record-field', 'data-path': 'count' },
      html('span', { class: 'field-label' }, 'Count'),
      html(
        'div',
        { class: 'inline count' },
        html('label', {}, 'best', this.best),
        html('label', {}, 'low', this.low),
        html('label', {}, 'high', this.high),
        html('label', { class: 'check' }, this.openEnded, 'or more (“at least”)'),
      ),
      html('span', { class: 'field-problem' }),
    );
    this.dialog.fields.append(
      field('Type', this.type, 'type'),
      field('Place', this.place.input, 'place', 'type its name and choose it'),
      this.place.list,
      field('Status', this.status, 'status'),
      field('Held by', f.controller, 'controller'),
      field('Contested by', f.contestedBy, 'contestedBy'),
      field('Besieged by', f.besiegedBy, 'besiegedBy'),
      field('Vacated by', f.vacatedBy, 'vacatedBy'),
      field('Taken from', f.takenFrom, 'takenFrom', 'optional: who held it before'),
      field('Side', f.side, 'side'),
      field('Category', this.category, 'category'),
      count,
      field('Faction', f.faction, 'faction'),
      field('Settlements', this.settlements, 'settlements'),
      field('Area (km²)', this.areaKm2, 'areaKm2'),
      field('Scope', this.scope, 'scope', 'incident: this event only; cumulative: the running total'),
      field('Kind', this.kind, 'kind'),
      field('Actors', this.actors, 'actors', 'optional; Ctrl or ⌘ to choose several'),
      this.time.element,
      this.sources.element,
      field('Quote', this.quote, 'quote', 'the sentence of the source the claim comes from'),
      field('Operation', this.operation, 'operation'),
      field('Note', this.note, 'note', 'optional'),
    );
    this.type.addEventListener('change', () => this.showFields());
    this.status.addEventListener('change', () => this.showFields());
  }

  open(ctx: RecordContext, sources: string[] = []): void {
    this.ctx = ctx;
    this.dialog.form.reset();
    const factions = ctx.campaign.factions.map((x): [string, string] => [x.id, x.name]);
    const none: [string, string] = ['', '—'];
    const f = this.factions;
    for (const select of [f.controller, f.takenFrom]) fill(select, [none, ...factions]);
    for (const select of [f.contestedBy, f.besiegedBy, f.vacatedBy, f.faction]) fill(select, factions);
    fill(f.side, [...factions, ['civilians', 'civilians']]);
    fill(this.actors, factions);
    fill(this.operation, [['', 'none'], ...ctx.campaign.operations.map((o): [string, string] => [o.id, o.title])]);
    this.place.offer(ctx.places);
    this.place.input.value = ctx.selected ?? '';
    this.time.reset(ctx.day, ctx.campaign.timeZone);
    this.sources.reset(ctx.sources, sources);
    this.showFields();
    this.dialog.open();
    this.type.focus();
  }

  /** Shows the inputs of the type and status chosen; the others stay filled but are not sent. */
  private showFields(): void {
    const type = this.type.value as ClaimType;
    const shown = new Set([...SHOWN[type], ...(type === 'control' ? (BY_STATUS[this.status.value] ?? []) : [])]);
    const all = new Set([...Object.values(SHOWN).flat(), ...Object.values(BY_STATUS).flat()]);
    for (const slot of this.dialog.fields.querySelectorAll<HTMLElement>(':scope > [data-path]')) {
      const path = slot.dataset.path ?? '';
      if (all.has(path)) slot.hidden = !shown.has(path);
    }
    const placeLabel = this.dialog.fields.querySelector('[data-path=place] .field-label');
    if (placeLabel) placeLabel.textContent = type === 'control' ? 'Place' : 'Place (optional)';
  }

  private values(): ClaimFormValues {
    const f = this.factions;
    const typedPlace = this.place.input.value.trim();
    return {
      type: this.type.value as ClaimType,
      operation: this.operation.value,
      time: this.time.values(),
      sources: this.sources.values(),
      quote: this.quote.value,
      note: this.note.value,
      place: typedPlace && (placeIdOf(this.ctx?.places ?? [], typedPlace) ?? typedPlace),
      status: this.status.value,
      controller: f.controller.value,
      contestedBy: f.contestedBy.value,
      besiegedBy: f.besiegedBy.value,
      vacatedBy: f.vacatedBy.value,
      takenFrom: f.takenFrom.value,
      side: f.side.value,
      category: this.category.value,
      best: this.best.value,
      low: this.low.value,
      high: this.high.value,
      openEnded: this.openEnded.checked,
      scope: this.scope.value,
      faction: f.faction.value,
      settlements: this.settlements.value,
      areaKm2: this.areaKm2.value,
      kind: this.kind.value,
      actors: [...this.actors.selectedOptions].map((o) => o.value),
    };
  }

  private async save(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    const answer = await ctx.session.send<{ claimId: string }>('POST', campaignUrl(ctx, 'claims'), claimInput(this.values()));
    this.saved(answer.claimId);
  }
}

function fill(select: HTMLSelectElement, options: [string, string][]): void {
  select.replaceChildren(...options.map(([value, label]) => html('option', { value }, label)));
}
