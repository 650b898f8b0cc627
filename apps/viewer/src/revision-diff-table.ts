import { valueInWords, type FieldDiff } from './claim-revisions';
import { html } from './dom';

/**
 * What changed in a claim since the editor opened it, beside what the editor changed: a row per
 * field, theirs as before → now and the editor's value, a clash marked (re-applying puts the
 * editor's value over theirs).
 */
export function revisionDiffTable(
  diff: readonly FieldDiff[],
  revisions: { from: number; to: number },
  name: (id: string) => string,
): HTMLElement {
  const words = (value: unknown) => valueInWords(value, name);
  const theirs = diff.filter((d) => words(d.before) !== words(d.now));
  return html(
    'section',
    { class: 'revision-diff', role: 'alert', 'data-revision': revisions.to },
    html(
      'p',
      {},
      html('strong', {}, `Someone corrected this claim since you opened it (revision ${revisions.from} → ${revisions.to}).`),
      theirs.length ? ' What changed, field by field:' : ' None of the fields here changed; the form is on the newest revision.',
    ),
    html(
      'table',
      {},
      html('thead', {}, html('tr', {}, html('th', {}, 'Field'), html('th', {}, 'Theirs: before → now'), html('th', {}, 'Yours'))),
      html(
        'tbody',
        {},
        ...diff.map((d) =>
          html(
            'tr',
            { 'data-field': d.name, class: d.clash ? 'clash' : undefined },
            html('th', { scope: 'row' }, d.label),
            html(
              'td',
              { class: 'theirs' },
              words(d.before) === words(d.now) ? 'unchanged' : `${words(d.before)} → ${words(d.now)}`,
            ),
            html(
              'td',
              { class: 'yours' },
              'yours' in d ? `${words(d.before)} → ${words(d.yours)}${d.clash ? ' (replaces theirs)' : ''}` : 'unchanged',
            ),
          ),
        ),
      ),
    ),
  );
}
