import { byId } from './dom';
import { EditRefused, type Editor, type EditorSession } from './editor-session';

/**
 * The header's editor sign-in: a key pasted into a dialog, then the editor's name and role with
 * a way out. While an editor is signed in the page carries the class `editing`, which shows the
 * editing controls; readers never see them.
 */
export class SignIn {
  private readonly open = byId<HTMLButtonElement>('sign-in');
  private readonly who = byId('editor-who');
  private readonly out = byId<HTMLButtonElement>('sign-out');
  private readonly dialog = byId<HTMLDialogElement>('sign-in-dialog');
  private readonly form = byId<HTMLFormElement>('sign-in-form');
  private readonly key = byId<HTMLInputElement>('sign-in-key');
  private readonly problem = byId('sign-in-problem');

  constructor(private readonly session: EditorSession) {
    this.open.addEventListener('click', () => {
      this.problem.textContent = '';
      this.key.value = '';
      this.dialog.showModal();
      this.key.focus();
    });
    byId('sign-in-cancel').addEventListener('click', () => this.dialog.close());
    this.form.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.submit();
    });
    this.out.addEventListener('click', () => session.signOut());
    session.onChange((editor) => this.show(editor));
    this.show(session.editor);
  }

  private async submit(): Promise<void> {
    this.problem.textContent = 'Checking the key…';
    try {
      await this.session.signIn(this.key.value);
      this.key.value = '';
      this.dialog.close();
    } catch (error) {
      this.problem.textContent =
        error instanceof EditRefused && error.status === 401
          ? 'The service does not know this key.'
          : error instanceof EditRefused && error.status === 403
            ? error.detail
            : `Could not sign in: ${(error as Error).message}`;
    }
  }

  private show(editor: Editor | undefined): void {
    document.body.classList.toggle('editing', editor !== undefined);
    this.open.hidden = editor !== undefined;
    this.out.hidden = editor === undefined;
    this.who.hidden = editor === undefined;
    this.who.textContent = editor ? `Editing as ${editor.name} (${editor.role})` : '';
  }
}
