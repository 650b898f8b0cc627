import { html } from './dom';
import type { ListedSource } from './record-context';

/**
 * The sources of a claim: typed or chosen from the campaign's sources (by id, publisher, date or
 * title), each added as a chip that can be taken off again. At least one is required; the
 * service says so beside the field if none is given.
 */
export class SourcesPicker {
  readonly element: HTMLElement;
  private readonly input = html('input', {
    type: 'text',
    list: 'new-claim-source-list',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'source id or title',
    'aria-label': 'Add a source',
  });
  private readonly list = html('datalist', { id: 'new-claim-source-list' });
  private readonly chips = html('ul', { class: 'chips', 'aria-label': 'Sources of the claim' });
  private chosen: string[] = [];
  private sources: ListedSource[] = [];

  constructor() {
    const add = html('button', { type: 'button' }, 'Add');
    add.addEventListener('click', () => this.add());
    this.input.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter') return;
      e.preventDefault();
      this.add();
    });
    // choosing a suggestion of the list adds it at once
    this.input.addEventListener('input', (e) => {
      if (!(e instanceof InputEvent) || e.inputType === 'insertReplacementText') this.add(true);
    });
    this.element = html(
      'div',
      { class: 'record-field', 'data-path': 'sources' },
      html('span', { class: 'field-label' }, 'Sources'),
      this.chips,
      html('div', { class: 'inline' }, this.input, add),
      this.list,
      html('span', { class: 'field-problem' }),
    );
  }

  reset(sources: ListedSource[], chosen: string[] = []): void {
    this.sources = sources;
    this.list.replaceChildren(
      ...sources.map((s) => html('option', { value: s.sourceId }, `${s.publisherName ?? s.publisher} — ${s.title}`)),
    );
    this.chosen = [];
    this.input.value = '';
    for (const id of chosen) this.choose(id);
  }

  values(): string[] {
    return [...this.chosen];
  }

  /** Adds what was typed: a source's id, else the one source whose title is what was typed. */
  private add(onlyKnown = false): void {
    const typed = this.input.value.trim();
    if (!typed) return;
    const byTitle = this.sources.filter((s) => s.title.toLowerCase() === typed.toLowerCase());
    const id = this.sources.some((s) => s.sourceId === typed) ? typed : byTitle.length === 1 ? byTitle[0]?.sourceId : undefined;
    if (onlyKnown && id === undefined) return;
    this.choose(id ?? typed);
    this.input.value = '';
  }

  private choose(id: string): void {
    if (this.chosen.includes(id)) return;
    this.chosen.push(id);
    const source = this.sources.find((s) => s.sourceId === id);
    const remove = html('button', { type: 'button', class: 'chip-remove', 'aria-label': `Remove ${id}` }, '×');
    const chip = html('li', { 'data-source': id }, html('span', { title: source?.title ?? id }, id), remove);
    remove.addEventListener('click', () => {
      this.chosen = this.chosen.filter((c) => c !== id);
      chip.remove();
    });
    this.chips.append(chip);
  }
}
