import { RANKS } from '@timeline/domain/vocabulary';
import { claimEditPath, claimNow } from './claim-now';
import { html } from './dom';
import { EditDialog } from './edit-dialog';
import type { EditContext } from './edit-context';

/** What each rank does to a claim in the views (domain.md, "How views decide"). */
const RANK_MEANS: Record<(typeof RANKS)[number], string> = {
  preferred: 'wins ties against claims of the same time',
  normal: 'counts as any other claim',
  deprecated: 'no longer counts in any view, but stays on record',
};

/** "Rank": an editor's adjudication between claims, from the domain's rank vocabulary, with a reason. */
export async function openRanking(ctx: EditContext, claimId: string): Promise<void> {
  const shown = await claimNow(ctx.campaignId, claimId);
  const dialog = new EditDialog('rank', `Rank ${shown.type} claim`, `${claimId} · rank now ${shown.rank}`, 'Rank');
  const choices = RANKS.map((rank) => {
    const input = html('input', { type: 'radio', name: 'rank', value: rank });
    input.checked = rank === shown.rank;
    return html('label', { class: 'rank-choice' }, input, ' ', html('strong', {}, rank), ` — ${RANK_MEANS[rank]}`);
  });
  dialog.body.append(html('fieldset', { class: 'ranks' }, html('legend', {}, 'Rank'), ...choices));

  dialog.onSubmit(async () => {
    dialog.clearProblems();
    const rank = dialog.form.querySelector<HTMLInputElement>('input[name=rank]:checked')?.value;
    try {
      const { revision } = await ctx.session.send<{ revision: number }>('POST', claimEditPath(ctx.campaignId, claimId, 'rank'), {
        rank,
        reason: dialog.reason.value,
      });
      dialog.close();
      ctx.done(`Ranked ${claimId} ${rank} (revision ${revision}).`);
    } catch (error) {
      dialog.refused(error, () => false);
    }
  });
  dialog.open();
}
