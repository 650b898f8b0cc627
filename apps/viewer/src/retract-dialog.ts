import { claimEditPath, claimNow, type ClaimNow } from './claim-now';
import { EditDialog } from './edit-dialog';
import type { EditContext } from './edit-context';
import { EditRefused } from './editor-session';
import { html } from './dom';
import { SourcePicker } from './source-picker';

/**
 * "Retract": a reason and, if a report says so, the sources of the retraction. A retracted claim
 * no longer counts in any view. When the claim was edited since the dialog opened (409), the
 * dialog says what happened to it and offers to retract the newest revision.
 */
export async function openRetraction(ctx: EditContext, claimId: string): Promise<void> {
  let shown = await claimNow(ctx.campaignId, claimId);
  const dialog = new EditDialog('retract', `Retract ${shown.type} claim`, `${claimId} · revision ${shown.revision}`, 'Retract');
  const since = html('div', { class: 'since' });
  const sources = new SourcePicker(ctx, 'Sources of the retraction (optional)');
  dialog.body.append(since, html('blockquote', { class: 'retracted-quote' }, shown.quote), sources.element);
  if (shown.retracted) dialog.problem.textContent = 'This claim is already retracted.';

  dialog.onSubmit(async () => {
    dialog.clearProblems();
    const cited = sources.cited();
    try {
      const { revision } = await ctx.session.send<{ revision: number }>(
        'POST',
        claimEditPath(ctx.campaignId, claimId, 'retraction'),
        {
          expectedRevision: shown.revision,
          reason: dialog.reason.value,
          ...(cited.length ? { sources: cited } : {}),
        },
      );
      dialog.close();
      ctx.done(`Retracted ${claimId} at revision ${revision}: the views no longer count it.`);
    } catch (error) {
      if (error instanceof EditRefused && error.status === 409) {
        const now = await claimNow(ctx.campaignId, claimId);
        since.replaceChildren(changedSince(shown, now));
        shown = now;
        dialog.submit.textContent = `Retract revision ${now.revision}`;
        dialog.cancel.textContent = 'Give up';
        return;
      }
      sources.problem.textContent = error instanceof EditRefused ? (error.forField('sources') ?? '') : '';
      dialog.refused(error, (path) => path === 'sources' || path.startsWith('sources.'));
    }
  });
  dialog.open();
}

/** What the claim's stream recorded after the revision the dialog showed. */
function changedSince(shown: ClaimNow, now: ClaimNow): HTMLElement {
  const history = (now.history ?? []) as { revision: number; event: string; actor: string | null; reason?: string }[];
  const later = history.filter((h) => h.revision > shown.revision);
  return html(
    'section',
    { class: 'revision-diff', role: 'alert', 'data-revision': now.revision },
    html('p', {}, html('strong', {}, `The claim changed since you opened it (revision ${shown.revision} → ${now.revision}).`)),
    html(
      'ul',
      {},
      ...later.map((h) => html('li', {}, `${h.event}${h.actor ? ` by ${h.actor}` : ''}${h.reason ? `: ${h.reason}` : ''}`)),
    ),
    now.retracted ? html('p', {}, 'It is retracted already.') : null,
  );
}
