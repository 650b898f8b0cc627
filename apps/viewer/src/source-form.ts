import { html } from './dom';
import { choice, field, RecordDialog } from './record-dialog';
import { campaignUrl, type RecordContext } from './record-context';
import { label, optionsOf, PUBLISHER_KINDS } from './record-vocabulary';
import { sourceRegistration, suggestedSourceId, type SourceFormValues } from './source-registration';
import { EditRefused } from './editor-session';

const NEW_PUBLISHER = '';
/** No publisher chosen yet: the form starts there, so no publisher is given by default. */
const NO_CHOICE = '-';
const LANGUAGES = ['en', 'ar', 'ru', 'fr', 'tr', 'fa', 'ku', 'he', 'de'];

/**
 * Registers a source: a report with its title, publisher, address, publication time, language
 * and a note. A publisher already known is picked by name and its name and kind are filled in;
 * a new one is described by id, name and kind. The source's id is suggested from the publisher,
 * the date and the title until the editor writes one.
 */
export class SourceForm {
  private readonly dialog = new RecordDialog('source-form', 'Register a source', 'Register source', () => this.save());
  private readonly title = html('input', { type: 'text', required: '', maxlength: 1000 });
  private readonly publisher = html('select');
  private readonly publisherField = field('Publisher', this.publisher, 'publisher');
  private readonly known = html('p', { class: 'hint known-publisher' });
  private readonly newId = html('input', { type: 'text', spellcheck: 'false', placeholder: 'e.g. enab-baladi' });
  private readonly newName = html('input', { type: 'text', placeholder: 'e.g. Enab Baladi' });
  private readonly newKind = choice(optionsOf(PUBLISHER_KINDS));
  private readonly newPublisher: HTMLFieldSetElement;
  private readonly url = html('input', { type: 'url', placeholder: 'https://…' });
  private readonly date = html('input', { type: 'date' });
  private readonly time = html('input', { type: 'time' });
  private readonly language = html('input', { type: 'text', list: 'source-languages', value: 'en', size: 6 });
  private readonly note = html('textarea', { rows: 2 });
  private readonly sourceId = html('input', { type: 'text', spellcheck: 'false' });
  private idWritten = false;
  private ctx: RecordContext | undefined;

  constructor(private readonly saved: (sourceId: string) => void) {
    this.newPublisher = html(
      'fieldset',
      { class: 'new-publisher' },
      html('legend', {}, 'New publisher'),
      field('Id', this.newId, 'publisher', 'lower case, digits and dashes'),
      field('Name', this.newName, 'publisherName'),
      field('Kind', this.newKind, 'publisherKind'),
    );
    const when = html(
      'div',
      { class: 'record-field', 'data-path': 'publishedAt' },
      html('span', { class: 'field-label' }, 'Published'),
      html('div', { class: 'inline' }, this.date, this.time),
      html(
        'span',
        { class: 'hint' },
        'the local date in the campaign’s zone, only if the report gives it (none: undated); the time too if it says',
      ),
      html('span', { class: 'field-problem' }),
    );
    this.dialog.fields.append(
      field('Title', this.title, 'title'),
      this.publisherField,
      this.known,
      this.newPublisher,
      field('Address (URL)', this.url, 'url'),
      when,
      field('Language', this.language, 'language', 'a language tag: en, ar, ru …'),
      html('datalist', { id: 'source-languages' }, ...LANGUAGES.map((l) => html('option', { value: l }))),
      field('Note', this.note, 'note', 'optional: where a date came from, what the report is'),
      field('Source id', this.sourceId, 'sourceId', 'suggested from the publisher, date and title'),
    );
    this.publisher.addEventListener('change', () => this.showPublisher());
    for (const input of [this.title, this.date, this.newId]) input.addEventListener('input', () => this.suggestId());
    this.publisher.addEventListener('change', () => this.suggestId());
    this.sourceId.addEventListener('input', () => (this.idWritten = this.sourceId.value.trim() !== ''));
  }

  open(ctx: RecordContext): void {
    this.ctx = ctx;
    this.dialog.form.reset();
    this.idWritten = false;
    this.publisher.replaceChildren(
      html('option', { value: NO_CHOICE, disabled: '' }, 'Choose the publisher…'),
      html('option', { value: NEW_PUBLISHER }, 'A new publisher…'),
      ...ctx.publishers.map((p) => html('option', { value: p.publisher }, p.name)),
    );
    this.publisher.value = NO_CHOICE;
    // no date unless the editor gives one: a wrong publication date would misdate what was reported when
    this.date.value = '';
    this.language.value = 'en';
    this.showPublisher();
    this.suggestId();
    this.dialog.open();
    this.title.focus();
  }

  private showPublisher(): void {
    const chosen = this.ctx?.publishers.find((p) => p.publisher === this.publisher.value);
    this.newPublisher.hidden = chosen !== undefined || this.publisher.value === NO_CHOICE;
    // the service's word on a new publisher's id goes beside that id, not beside the choice
    this.publisherField.dataset.path = chosen ? 'publisher' : 'publisher-choice';
    this.known.hidden = chosen === undefined;
    this.known.textContent = chosen ? `${label(chosen.kind)} · id ${chosen.publisher}` : '';
  }

  private suggestId(): void {
    if (this.idWritten) return;
    const publisher = (this.publisher.value === NO_CHOICE ? '' : this.publisher.value) || this.newId.value.trim();
    this.sourceId.value = suggestedSourceId(publisher, this.date.value, this.title.value);
  }

  values(): SourceFormValues {
    return {
      sourceId: this.sourceId.value,
      title: this.title.value,
      publisher: this.publisher.value,
      newPublisher: { publisher: this.newId.value, name: this.newName.value, kind: this.newKind.value },
      url: this.url.value,
      date: this.date.value,
      time: this.time.value,
      language: this.language.value,
      note: this.note.value,
    };
  }

  private async save(): Promise<void> {
    const ctx = this.ctx;
    if (!ctx) return;
    if (this.publisher.value === NO_CHOICE)
      throw new EditRefused(422, 'No publisher chosen', '', [
        { path: 'publisher-choice', message: 'choose the publisher, or "A new publisher…"' },
      ]);
    const body = sourceRegistration(this.values(), ctx.publishers, ctx.campaign.timeZone);
    await ctx.session.send('POST', campaignUrl(ctx, 'sources'), body);
    this.saved(body.sourceId);
  }
}
