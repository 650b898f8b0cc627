import { html } from './dom';
import type { CampaignClock } from './time';
import type { Audit, AuditChange, AuditOrder, SourceRef } from './types';

export interface AuditWords {
  clock: CampaignClock;
  /** A publisher's name from its id. */
  publisher: (id: string | null) => string;
}

const ORDERS: { order: AuditOrder; label: string }[] = [
  { order: 'log', label: 'as recorded' },
  { order: 'reported', label: 'as reported' },
];

/** The choice of an audit's order: as the events were recorded, or as their reports became public. */
export function auditOrderChoice(order: AuditOrder, onChange: (order: AuditOrder) => void): HTMLElement {
  const choice = html(
    'fieldset',
    { class: 'order-choice' },
    html('legend', {}, 'Order'),
    ...ORDERS.map(({ order: value, label }) => {
      const input = html('input', { type: 'radio', name: 'audit-order', value });
      input.checked = value === order;
      input.addEventListener('change', () => input.checked && onChange(value));
      return html('label', {}, input, ` ${label}`);
    }),
  );
  return choice;
}

/** The changes of an audit, each with when its report was public and when its sources were published. */
export function auditList<T>(audit: Audit<T>, show: (value: T) => string, words: AuditWords): HTMLElement[] {
  const reported = audit.order === 'reported';
  const nodes: HTMLElement[] = [
    html(
      'p',
      { class: 'hint' },
      reported ? 'In the order their reports became public.' : 'In the order the events were recorded.',
    ),
  ];
  nodes.push(
    audit.changes.length
      ? html('ol', { class: 'audit' }, ...audit.changes.map((c) => auditEntry(c, show, words)))
      : html('p', { class: 'empty' }, 'No recorded event changed it.'),
  );
  if (audit.unreported)
    nodes.push(
      html(
        'p',
        { class: 'hint unreported' },
        `${audit.unreported} claim version${audit.unreported === 1 ? ' has' : 's have'} no dated source and ${audit.unreported === 1 ? 'is' : 'are'} left out of this order.`,
      ),
    );
  return nodes;
}

function auditEntry<T>(c: AuditChange<T>, show: (value: T) => string, words: AuditWords): HTMLLIElement {
  const { clock } = words;
  return html(
    'li',
    { 'data-claim': c.claimId, 'data-position': c.position, 'data-reported-at': c.reportedAt ?? undefined },
    html('p', {}, html('strong', {}, c.event), ` ${c.claimId}`),
    html(
      'p',
      { class: 'change' },
      html('span', { class: 'before' }, c.before ? show(c.before) : 'nothing'),
      ' → ',
      html('span', { class: 'after' }, c.after ? show(c.after) : 'nothing'),
    ),
    html(
      'p',
      { class: c.reportedAt ? 'reported' : 'reported undated' },
      c.reportedAt ? `public by ${clock.instant(c.reportedAt)}` : 'no dated source: not in a view as reported',
    ),
    c.sources.length ? html('ul', { class: 'publications' }, ...c.sources.map((s) => publication(s, words))) : null,
    html(
      'p',
      { class: 'meta' },
      `recorded ${clock.instant(c.recordedAt)} at position ${c.position}${c.actor ? ` by ${c.actor}` : ''} · sources: ${c.sources.map((s) => `${s.publisher ?? 'unattributed'} (${s.sourceId})`).join(', ') || 'none'}`,
    ),
    c.alsoReported?.length
      ? html(
          'p',
          { class: 'also' },
          `made public with it, changing nothing more: ${c.alsoReported.map((a) => a.claimId).join(', ')}`,
        )
      : null,
  );
}

/** "CNN — published 5 Dec", or "— undated" when the source gives no publication time. */
function publication(source: SourceRef, { clock, publisher }: AuditWords): HTMLLIElement {
  return html(
    'li',
    { 'data-source': source.sourceId },
    html('span', { class: 'publisher' }, publisher(source.publisher)),
    ` — ${source.published ? clock.published(source.published) : 'undated'}`,
  );
}
