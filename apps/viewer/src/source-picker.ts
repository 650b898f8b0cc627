import { PUBLISHER_KINDS } from '@timeline/domain/vocabulary';
import { campaignPath } from './api';
import { html } from './dom';
import { EditRefused, type EditorSession } from './editor-session';
import { newSourceId } from './source-words';
import type { SourceRef } from './types';

/** How many matching sources are listed at once; the search narrows the rest. */
const SHOWN = 40;

/** What the picker needs of the page: the campaign, its sources and publishers, and the editor's key. */
export interface SourceCatalog {
  campaignId: string;
  sources: SourceRef[];
  publisherName: (id: string) => string;
  /** The publishers known, with their kind: a source of a known publisher keeps its kind. */
  publishers: { id: string; name: string; kind?: string }[];
  session: EditorSession;
}

/**
 * The sources an edit cites: the campaign's registered sources, searched by publisher, title or
 * id and ticked, or a new one registered on the spot (`POST /campaigns/:c/sources`) and ticked.
 */
export class SourcePicker {
  readonly element: HTMLElement;
  readonly problem = html('p', { class: 'field-problem', role: 'alert', 'data-problem': 'sources' });
  private readonly chosen = new Set<string>();
  private readonly search = html('input', {
    type: 'search',
    class: 'source-search',
    placeholder: 'Search by publisher, title or id',
  });
  private readonly list = html('ul', { class: 'source-options' });
  private readonly citing = html('p', { class: 'citing hint' });

  constructor(
    private readonly catalog: SourceCatalog,
    legend: string,
  ) {
    this.search.addEventListener('input', () => this.draw());
    this.element = html(
      'fieldset',
      { class: 'source-picker', 'data-field': 'sources' },
      html('legend', {}, legend),
      html('label', { class: 'search' }, 'Find a source', this.search),
      this.list,
      this.citing,
      this.problem,
      this.registration(),
    );
    this.draw();
  }

  cited(): string[] {
    return [...this.chosen];
  }

  private draw(): void {
    const words = this.search.value.trim().toLowerCase();
    const matches = this.catalog.sources.filter((s) => this.chosen.has(s.sourceId) || !words || this.wordsOf(s).includes(words));
    const ticked = (s: SourceRef) => (this.chosen.has(s.sourceId) ? 0 : 1);
    const shown = matches.sort((a, b) => ticked(a) - ticked(b)).slice(0, SHOWN);
    this.list.replaceChildren(...shown.map((s) => this.option(s)));
    if (matches.length > shown.length)
      this.list.append(html('li', { class: 'hint' }, `${matches.length - shown.length} more: narrow the search`));
    if (!matches.length) this.list.append(html('li', { class: 'hint' }, 'No source matches.'));
    this.citing.textContent = this.chosen.size
      ? `Citing ${this.chosen.size}: ${[...this.chosen].join(', ')}`
      : 'No source cited yet.';
  }

  private option(source: SourceRef): HTMLLIElement {
    const box = html('input', { type: 'checkbox', value: source.sourceId });
    box.checked = this.chosen.has(source.sourceId);
    box.addEventListener('change', () => {
      if (box.checked) this.chosen.add(source.sourceId);
      else this.chosen.delete(source.sourceId);
      this.draw();
    });
    const publisher = source.publisher ? this.catalog.publisherName(source.publisher) : 'unattributed';
    return html(
      'li',
      { 'data-source': source.sourceId },
      html(
        'label',
        { title: source.sourceId },
        box,
        html('span', {}, html('strong', {}, publisher), ` — ${source.title ?? source.sourceId}`),
      ),
    );
  }

  private wordsOf(source: SourceRef): string {
    const publisher = source.publisher ? this.catalog.publisherName(source.publisher) : '';
    return `${source.sourceId} ${publisher} ${source.title ?? ''}`.toLowerCase();
  }

  /** "Register a new source": title, publisher, address and date, then it is cited. */
  private registration(): HTMLElement {
    const field = (label: string, input: HTMLInputElement | HTMLSelectElement) => html('label', {}, label, input);
    const title = html('input', { type: 'text', name: 'source-title', maxlength: 1000 });
    const publisher = html('input', { type: 'text', name: 'source-publisher', list: 'known-publishers' });
    const known = html(
      'datalist',
      { id: 'known-publishers' },
      ...this.catalog.publishers.map((p) => html('option', { value: p.id }, p.name)),
    );
    const kind = html(
      'select',
      { name: 'source-publisher-kind' },
      ...PUBLISHER_KINDS.map((k) => html('option', { value: k }, k)),
    );
    kind.value = 'news-agency';
    publisher.addEventListener('change', () => {
      const known = this.publisherOf(publisher.value);
      if (known?.kind) kind.value = known.kind;
    });
    const url = html('input', { type: 'url', name: 'source-url', placeholder: 'https://…' });
    const published = html('input', { type: 'date', name: 'source-published' });
    const problem = html('p', { class: 'field-problem', role: 'alert' });
    const register = html('button', { type: 'button', class: 'register-source' }, 'Register and cite');
    register.addEventListener('click', () => {
      register.disabled = true;
      const typed = {
        title: title.value,
        publisher: publisher.value,
        kind: kind.value,
        url: url.value,
        published: published.value,
      };
      void this.register(typed, problem)
        .then((ok) => ok && [title, publisher, url, published].forEach((i) => (i.value = '')))
        .finally(() => (register.disabled = false));
    });
    return html(
      'details',
      { class: 'new-source' },
      html('summary', {}, 'Register a new source'),
      field('Title', title),
      field('Publisher (id or name)', publisher),
      known,
      field('Kind of publisher', kind),
      field('Address', url),
      field('Published on', published),
      problem,
      register,
    );
  }

  private publisherOf(typed: string) {
    return this.catalog.publishers.find((p) => p.id === typed.trim() || p.name === typed.trim());
  }

  private async register(
    typed: { title: string; publisher: string; kind: string; url: string; published: string },
    problem: HTMLElement,
  ): Promise<boolean> {
    const known = this.publisherOf(typed.publisher);
    const publisherName = known?.name ?? typed.publisher.trim();
    const publisher = known?.id ?? newSourceId(publisherName, '', '');
    const source = {
      sourceId: newSourceId(publisher, typed.published, typed.title),
      publisher,
      publisherName,
      publisherKind: typed.kind,
      title: typed.title.trim(),
      url: typed.url.trim() || null,
      publishedAt: typed.published || null,
    };
    try {
      await this.catalog.session.send('POST', `${campaignPath(this.catalog.campaignId)}/sources`, source);
    } catch (error) {
      problem.textContent =
        error instanceof EditRefused
          ? [error.detail || error.title, ...error.fields.map((f) => `${f.path}: ${f.message}`)].join(' · ')
          : (error as Error).message;
      return false;
    }
    problem.textContent = '';
    this.catalog.sources.unshift({ sourceId: source.sourceId, publisher, title: source.title, url: source.url });
    this.chosen.add(source.sourceId);
    this.search.value = '';
    this.draw();
    return true;
  }
}
