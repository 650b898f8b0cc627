import { html } from './dom';
import type { EditorSession } from './editor-session';
import type { ClaimEdit, EditContext } from './edit-context';

const EDITS: { edit: ClaimEdit; label: string }[] = [
  { edit: 'correct', label: 'Correct' },
  { edit: 'rank', label: 'Rank' },
  { edit: 'retract', label: 'Retract' },
];

/** The cards that stand for one claim: the log's and feed's lines, a place's quoted claims, an audit's entries. */
const CARDS = 'li[data-claim], blockquote[data-claim]';

/**
 * "Correct", "Rank" and "Retract" on every claim card on screen while an editor is signed in.
 * The cards are drawn by many parts of the page (the running log, the feed, a place's history, an
 * audit), so the buttons are added where cards appear rather than by each part: a part that
 * draws claims needs only mark each card with its `data-claim`. The dialogs, with the domain's
 * schemas they are made from, are loaded on the first edit, so readers never download them.
 */
export class ClaimActions {
  private readonly watcher = new MutationObserver(() => this.decorate());

  constructor(
    private readonly session: EditorSession,
    private readonly containers: HTMLElement[],
    private readonly context: () => Promise<EditContext>,
    private readonly failed: (message: string) => void,
  ) {
    session.onChange(() => this.follow());
    this.follow();
  }

  private follow(): void {
    this.watcher.disconnect();
    if (!this.session.editor) {
      for (const c of this.containers) for (const bar of c.querySelectorAll('.claim-actions')) bar.remove();
      return;
    }
    for (const c of this.containers) this.watcher.observe(c, { childList: true, subtree: true });
    this.decorate();
  }

  private decorate(): void {
    for (const container of this.containers)
      for (const card of container.querySelectorAll<HTMLElement>(CARDS)) {
        const claimId = card.dataset.claim;
        if (claimId && !card.querySelector(':scope > .claim-actions')) card.append(this.bar(claimId));
      }
  }

  private bar(claimId: string): HTMLElement {
    const buttons = EDITS.map(({ edit, label }) => {
      const button = html('button', { type: 'button', class: `claim-${edit}`, 'data-edit': edit }, label);
      button.addEventListener('click', (event) => {
        event.stopPropagation();
        void this.open(edit, claimId);
      });
      return button;
    });
    return html('div', { class: 'claim-actions editor-only', role: 'group', 'aria-label': `Edit claim ${claimId}` }, ...buttons);
  }

  private async open(edit: ClaimEdit, claimId: string): Promise<void> {
    try {
      const [{ openClaimEdit }, context] = await Promise.all([import('./claim-editor'), this.context()]);
      await openClaimEdit(edit, context, claimId);
    } catch (error) {
      this.failed(`Cannot ${edit} ${claimId}: ${(error as Error).message}`);
    }
  }
}
