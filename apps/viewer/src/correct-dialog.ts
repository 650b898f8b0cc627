import { formFields, type FormField } from './claim-fields';
import { ClaimForm } from './claim-form';
import { claimEditPath, claimNow, type ClaimNow } from './claim-now';
import { changesOf, reapplied, revisionDiff } from './claim-revisions';
import { claimSchema } from './claim-schemas';
import { EditDialog } from './edit-dialog';
import type { EditContext } from './edit-context';
import { EditRefused } from './editor-session';
import { revisionDiffTable } from './revision-diff-table';
import { SourcePicker } from './source-picker';

/**
 * "Correct": the claim's fields in a form made from its type's schema, prefilled with its values
 * now, the sources of the correction and a reason. It sends only the fields changed, against the
 * revision it showed. When someone corrected the claim meanwhile (409) it reads the claim again,
 * shows what changed since beside what the editor changed, and offers to re-apply the editor's
 * changes on the newest revision.
 */
export async function openCorrection(ctx: EditContext, claimId: string): Promise<void> {
  let shown = await claimNow(ctx.campaignId, claimId);
  const fields = formFields(claimSchema(shown.type), ctx.vocabularies);
  const dialog = new EditDialog('correct', `Correct ${shown.type} claim`, subtitle(shown), 'Correct');
  const form = new ClaimForm(fields, shown);
  const sources = new SourcePicker(ctx, 'Sources of the correction (required: at least one)');
  const since = dialog.body.appendChild(document.createElement('div'));
  since.className = 'since';
  dialog.body.append(form.element, sources.element);

  dialog.onSubmit(async () => {
    dialog.clearProblems();
    const changes = changesOf(fields, shown, form.read());
    if (!Object.keys(changes).length) {
      dialog.problem.textContent = 'Nothing is changed yet: change at least one field.';
      return;
    }
    try {
      const { revision } = await ctx.session.send<{ revision: number }>(
        'POST',
        claimEditPath(ctx.campaignId, claimId, 'corrections'),
        {
          expectedRevision: shown.revision,
          changes,
          sources: sources.cited(),
          reason: dialog.reason.value,
        },
      );
      dialog.close();
      ctx.done(`Corrected ${claimId} (${Object.keys(changes).join(', ')}) to revision ${revision}.`);
    } catch (error) {
      if (error instanceof EditRefused && error.status === 409) {
        shown = await rebase(ctx, shown, fields, { form, since, dialog });
        return;
      }
      form.showProblems((name) =>
        error instanceof EditRefused ? (error.forField(`changes.${name}`) ?? error.forField(name)) : undefined,
      );
      sources.problem.textContent = error instanceof EditRefused ? (error.forField('sources') ?? '') : '';
      dialog.refused(
        error,
        (path) => path === 'sources' || path.startsWith('sources.') || fields.some((f) => isFieldPath(path, f)),
      );
    }
  });
  dialog.open();
}

/**
 * Someone corrected the claim since the form was opened: the form now stands on the newest
 * revision, with the editor's changes kept, and says field by field what changed.
 */
async function rebase(
  ctx: EditContext,
  shown: ClaimNow,
  fields: FormField[],
  { form, since, dialog }: { form: ClaimForm; since: HTMLElement; dialog: EditDialog },
): Promise<ClaimNow> {
  const now = await claimNow(ctx.campaignId, shown.claimId);
  const edited = form.read();
  const diff = revisionDiff(fields, shown, now, edited);
  since.replaceChildren(revisionDiffTable(diff, { from: shown.revision, to: now.revision }, nameOf(ctx)));
  form.write(reapplied(fields, shown, now, edited));
  dialog.submit.textContent = `Re-apply my changes on revision ${now.revision}`;
  dialog.cancel.textContent = 'Give up';
  dialog.subtitle.textContent = subtitle(now);
  since.scrollIntoView({ block: 'nearest' });
  return now;
}

/** The name of a faction or place the diff shows by id. */
function nameOf({ vocabularies }: EditContext): (id: string) => string {
  const names = new Map([...vocabularies.factions, ...vocabularies.places].map((c) => [c.value, c.label]));
  return (id) => names.get(id) ?? id;
}

function isFieldPath(path: string, field: FormField): boolean {
  return [field.name, `changes.${field.name}`].some((p) => path === p || path.startsWith(`${p}.`));
}

function subtitle(claim: ClaimNow): string {
  return `${claim.claimId} · revision ${claim.revision} · rank ${claim.rank}${claim.retracted ? ' · retracted' : ''}`;
}
