import { externalLink, html } from './dom';
import type { CampaignClock } from './time';
import type { ClaimChange } from './types';

/** What a reader is told happened to a claim, by the kind of change. */
const DONE: Record<ClaimChange['kind'], string> = {
  recorded: 'recorded',
  corrected: 'corrected',
  ranked: 'rank changed',
  retracted: 'retracted',
};

export interface ChangeNames {
  publisher(id: string | null): string;
  place(id: string): string | undefined;
}

/**
 * A card for one change to the record: what was done, the claim as it now reads, each changed
 * value with the old one struck through, the sources the change cites, why, and who made it. A
 * retracted claim is struck through.
 */
export function changeCard(change: ClaimChange, clock: CampaignClock, names: ChangeNames): HTMLLIElement {
  const { claim } = change;
  const place = claim.place ? names.place(claim.place) : undefined;
  const said = html('span', { class: 'said' }, place ? `${place}: ` : '', claim.summary);
  return html(
    'li',
    { class: `change change-${change.kind} type-${claim.type}`, 'data-claim': claim.claimId, 'data-change': change.position },
    html('span', { class: 'tag' }, DONE[change.kind]),
    html(
      'p',
      { class: 'summary' },
      html('strong', {}, claim.type),
      ' ',
      change.kind === 'retracted' ? html('del', {}, said) : said,
    ),
    change.fields.length && change.kind !== 'retracted'
      ? html('ul', { class: 'fields' }, ...change.fields.map((f) => fieldLine(f, clock, names)))
      : null,
    change.reason ? html('p', { class: 'reason' }, html('span', { class: 'label' }, 'Reason: '), change.reason) : null,
    change.sources.length
      ? html(
          'ul',
          { class: 'sources' },
          ...change.sources.map((s) =>
            html(
              'li',
              {},
              html('span', { class: 'publisher' }, names.publisher(s.publisher)),
              ' — ',
              externalLink(s.title ?? s.sourceId, s.url),
              s.published ? html('span', { class: 'published' }, ` (${clock.published(s.published)})`) : null,
            ),
          ),
        )
      : null,
    html('p', { class: 'by' }, `by ${change.actor}, ${clock.instant(change.recordedAt)}`),
  );
}

/** `count: 111 → 125`, the old value struck through, the new one marked as inserted. */
function fieldLine(field: ClaimChange['fields'][number], clock: CampaignClock, names: ChangeNames): HTMLLIElement {
  const shown = (value: unknown) => valueText(field.field, value, clock, names);
  return html(
    'li',
    { 'data-field': field.field },
    html('span', { class: 'label' }, `${field.field}: `),
    field.before === null ? null : html('del', {}, shown(field.before)),
    field.before === null ? null : ' ',
    field.after === null ? html('em', {}, 'removed') : html('ins', {}, shown(field.after)),
  );
}

function valueText(field: string, value: unknown, clock: CampaignClock, names: ChangeNames): string {
  if (field === 'place' && typeof value === 'string') return names.place(value) ?? value;
  if (field === 'time' && isInterval(value)) return clock.interval(value);
  if (isCount(value)) return countText(value);
  if (Array.isArray(value)) return value.map((v) => valueText(field, v, clock, names)).join(', ');
  if (value !== null && typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

type Count = { best: number; low?: number; high?: number | null; openEnded?: boolean };

export function countText({ best, low = best, high = best, openEnded }: Count): string {
  const range = low !== best || (high !== null && high !== best) ? ` (${low}–${high ?? '…'})` : '';
  return `${best}${openEnded ? '+' : ''}${range}`;
}

/** A count as stored in full, or as a correction wrote it: `{best}` alone means low = high = best. */
function isCount(value: unknown): value is Count {
  return typeof value === 'object' && value !== null && typeof (value as { best?: unknown }).best === 'number';
}

function isInterval(value: unknown): value is { from: string; to: string; precision: string } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value && 'precision' in value;
}
