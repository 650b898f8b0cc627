import { html } from './dom';
import { EditRefused } from './editor-session';
import { placeProblems } from './field-problems';

/** A labelled control of a record form, named by the path the service uses for it, with room for the service's message. */
export function field(label: string, control: HTMLElement, path: string, hint?: string): HTMLLabelElement {
  control.setAttribute('name', path);
  return html(
    'label',
    { class: 'record-field', 'data-path': path },
    html('span', { class: 'field-label' }, label),
    control,
    hint ? html('span', { class: 'hint' }, hint) : undefined,
    html('span', { class: 'field-problem' }),
  );
}

/** A select of `[value, label]` options, the first chosen unless `chosen` is given. */
export function choice(options: readonly (readonly [string, string])[], chosen?: string): HTMLSelectElement {
  const select = html('select');
  // chosen by default, so that a form's reset comes back to it
  for (const [value, label] of options)
    select.append(html('option', { value, selected: value === chosen ? '' : undefined }, label));
  return select;
}

/**
 * A modal form that records something: its fields, a line for what the service said, and Save /
 * Cancel. Saving sends through `save`; a refusal puts each of the service's messages beside the
 * field it names, the others (and the title) on the form's line, and the form stays open.
 */
export class RecordDialog {
  readonly dialog: HTMLDialogElement;
  readonly form: HTMLFormElement;
  readonly fields = html('div', { class: 'record-fields' });
  private readonly problem = html('p', { class: 'problem', role: 'alert' });
  private readonly saveButton: HTMLButtonElement;

  constructor(id: string, title: string, saveLabel: string, save: () => Promise<void>) {
    this.saveButton = html('button', { type: 'submit' }, saveLabel);
    const cancel = html('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => this.close());
    this.form = html(
      'form',
      { method: 'dialog', novalidate: '' },
      html('h2', { id: `${id}-title` }, title),
      this.fields,
      this.problem,
      html('div', { class: 'inline' }, this.saveButton, cancel),
    );
    this.dialog = html('dialog', { id, class: 'edit-dialog record-dialog', 'aria-labelledby': `${id}-title` }, this.form);
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit(save);
    });
    document.body.append(this.dialog);
  }

  open(): void {
    this.clearProblems();
    if (!this.dialog.open) this.dialog.showModal();
  }

  close(): void {
    this.dialog.close();
  }

  /** Says something on the form's line (what is under way, or what is missing). */
  say(text: string): void {
    this.problem.textContent = text;
  }

  private async submit(save: () => Promise<void>): Promise<void> {
    this.clearProblems();
    this.say('Saving…');
    this.saveButton.disabled = true;
    try {
      await save();
      this.say('');
      this.close();
    } catch (error) {
      this.showRefusal(error);
    } finally {
      this.saveButton.disabled = false;
    }
  }

  private showRefusal(error: unknown): void {
    if (!(error instanceof EditRefused)) return this.say(`Not saved: ${(error as Error).message}`);
    const slots = [...this.form.querySelectorAll<HTMLElement>('[data-path]')];
    const { byField, rest } = placeProblems(
      slots.map((s) => s.dataset.path ?? ''),
      error.fields,
    );
    for (const slot of slots) {
      const messages = byField.get(slot.dataset.path ?? '');
      if (!messages) continue;
      const problem = slot.querySelector('.field-problem');
      if (problem) problem.textContent = messages.join('; ');
      slot.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    }
    const others = rest.map((p) => (p.path ? `${p.path}: ${p.message}` : p.message));
    this.say([`Not saved — ${error.message}`, ...others].join('. '));
    this.form.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  private clearProblems(): void {
    this.say('');
    for (const problem of this.form.querySelectorAll('.field-problem')) problem.textContent = '';
    for (const invalid of this.form.querySelectorAll('[aria-invalid]')) invalid.removeAttribute('aria-invalid');
  }
}
