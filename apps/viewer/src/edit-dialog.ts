import { html } from './dom';
import { EditRefused } from './editor-session';

/**
 * The frame of an editor's dialog on a claim: a title, a form, a line for what the service said
 * that belongs to no field, a required reason and the buttons. It is made when opened and removed
 * when closed, so a dialog never shows what was typed for another claim.
 */
export class EditDialog {
  readonly dialog: HTMLDialogElement;
  readonly form: HTMLFormElement;
  /** Where the dialog's own fields go, above the reason. */
  readonly body: HTMLElement;
  /** The line under the title: which claim, at which revision. */
  readonly subtitle: HTMLElement;
  readonly problem: HTMLElement;
  readonly reason: HTMLTextAreaElement;
  readonly reasonProblem: HTMLElement;
  readonly submit: HTMLButtonElement;
  readonly cancel: HTMLButtonElement;

  constructor(kind: string, title: string, subtitle: string, submitLabel: string) {
    document.getElementById(`${kind}-dialog`)?.remove();
    this.subtitle = html('p', { class: 'hint' }, subtitle);
    this.problem = html('div', { class: 'problem', role: 'alert' });
    this.body = html('div', { class: 'edit-body' });
    this.reason = html('textarea', { name: 'reason', rows: 2, required: '', maxlength: 2000 });
    this.reasonProblem = html('p', { class: 'field-problem', role: 'alert', 'data-problem': 'reason' });
    this.submit = html('button', { type: 'submit' }, submitLabel);
    this.cancel = html('button', { type: 'button', class: 'cancel' }, 'Cancel');
    this.form = html(
      'form',
      { method: 'dialog' },
      html('h2', { id: `${kind}-title` }, title),
      this.subtitle,
      this.problem,
      this.body,
      html('label', { class: 'reason' }, 'Reason (required)', this.reason),
      this.reasonProblem,
      html('div', { class: 'inline edit-buttons' }, this.submit, this.cancel),
    );
    this.dialog = html(
      'dialog',
      { id: `${kind}-dialog`, class: 'edit-dialog claim-edit', 'aria-labelledby': `${kind}-title` },
      this.form,
    );
    this.cancel.addEventListener('click', () => this.close());
    // Escape closes the dialog only, not the side panel it was opened from
    this.dialog.addEventListener('keydown', (event) => event.key === 'Escape' && event.stopPropagation());
    this.dialog.addEventListener('close', () => this.dialog.remove());
    document.body.append(this.dialog);
  }

  open(): void {
    this.dialog.showModal();
  }

  close(): void {
    if (this.dialog.open) this.dialog.close();
    this.dialog.remove();
  }

  /** Runs `send` on submit, with the buttons held while it is under way. */
  onSubmit(send: () => Promise<void>): void {
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.submit.disabled = true;
      void send().finally(() => (this.submit.disabled = false));
    });
  }

  /**
   * Says what the service refused: the reason's problem beside it, the problems of `known` fields
   * left to the caller, and the rest at the top.
   */
  refused(error: unknown, known: (path: string) => boolean): void {
    if (!(error instanceof EditRefused)) {
      this.problem.textContent = `The edit did not reach the service: ${(error as Error).message}`;
      return;
    }
    this.reasonProblem.textContent = error.forField('reason') ?? '';
    const elsewhere = error.fields.filter((f) => f.path !== 'reason' && !known(f.path));
    this.problem.replaceChildren(html('p', {}, error.detail || error.title));
    if (elsewhere.length) this.problem.append(html('ul', {}, ...elsewhere.map((f) => html('li', {}, `${f.path}: ${f.message}`))));
  }

  clearProblems(): void {
    this.problem.replaceChildren();
    this.reasonProblem.textContent = '';
  }
}
