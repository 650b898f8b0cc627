import { actorInWords, eventInWords } from './audit-events';
import { html } from './dom';
import type { LaterReports } from './later-reports';
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

/** What an audit of the hour as reported adds: the instant it was asked for, and what came out after. */
export interface AuditAsReported {
  reportedBy: string;
  later: LaterReports | undefined;
}

/**
 * The changes of an audit, each with when its report was public and when its sources were
 * published. Asked as reported by an instant, an audit with no change says that no report out by
 * then changed it, and how many reports came out later.
 */
export function auditList<T>(
  audit: Audit<T>,
  show: (value: T) => string,
  words: AuditWords,
  asReported?: AuditAsReported,
  ranks: ReadonlyMap<number, string> = new Map(),
): HTMLElement[] {
  const reported = audit.order === 'reported';
  const nodes: HTMLElement[] = [
    html(
      'p',
      { class: 'hint' },
      reported ? 'In the order their reports became public.' : 'In the order the events were recorded.',
    ),
  ];
  const none = asReported ? 'No report published by then changed it.' : 'No recorded event changed it.';
  nodes.push(
    audit.changes.length
      ? html('ol', { class: 'audit' }, ...audit.changes.map((c) => auditEntry(c, show, words, ranks.get(c.position))))
      : html('p', { class: 'empty' }, none),
  );
  if (asReported?.later) nodes.push(laterReports(asReported.later, audit.changes.length === 0, words));
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

/** "3 reports published later did, the first public by Fri, 6 Dec 2024, 00:00 GMT+3." */
function laterReports({ count, first }: LaterReports, none: boolean, { clock }: AuditWords): HTMLElement {
  const reports = `${count} report${count === 1 ? '' : 's'} published later`;
  return html(
    'p',
    { class: 'later', 'data-count': count, 'data-first': first },
    `${reports} ${none ? 'did' : 'changed it again'}, ${count === 1 ? '' : 'the first '}public by ${clock.instant(first)}.`,
  );
}

function auditEntry<T>(c: AuditChange<T>, show: (value: T) => string, words: AuditWords, rank?: string): HTMLLIElement {
  const { clock } = words;
  const actor = actorInWords(c.actor);
  const also = c.alsoReported ?? [];
  return html(
    'li',
    {
      'data-claim': c.claimId ?? undefined,
      'data-position': c.position,
      'data-reported-at': c.reportedAt ?? undefined,
      'data-event': c.event,
    },
    html('p', { class: 'event' }, html('strong', {}, capitalised(eventInWords(c.event, rank)))),
    html(
      'p',
      { class: 'change' },
      html('span', { class: 'before' }, c.before ? show(c.before) : 'nothing'),
      ' → ',
      html('span', { class: 'after' }, c.after ? show(c.after) : 'nothing'),
    ),
    html('p', { class: c.reportedAt || editorial(c) ? 'reported' : 'reported undated' }, reportedWords(c, clock)),
    c.reason ? html('p', { class: 'reason' }, `Reason: ${c.reason}`) : null,
    c.sources.length ? html('ul', { class: 'publications' }, ...c.sources.map((s) => publication(s, words))) : null,
    html('p', { class: 'meta' }, `recorded ${clock.instant(c.recordedAt)}${actor ? `, ${actor}` : ''}`),
    also.length
      ? html(
          'p',
          { class: 'also' },
          `made public with it, changing nothing more: ${also.length} other claim${also.length === 1 ? '' : 's'}`,
        )
      : null,
    html('p', { class: 'ids' }, idsOf(c)),
  );
}

/** A rank, or a retraction citing no source: the editors' own act, which every view as reported applies too. */
function editorial(c: AuditChange<unknown>): boolean {
  return c.sources.length === 0 && (c.event === 'ClaimRanked' || c.event === 'ClaimRetracted');
}

/** When the entry's report was public, or why it has no such time. */
export function reportedWords(c: AuditChange<unknown>, clock: Pick<AuditWords['clock'], 'instant'>): string {
  if (c.reportedAt) return `public by ${clock.instant(c.reportedAt)}`;
  if (editorial(c)) return "the editors' own act: it holds in views as reported too";
  return 'no dated source: not in a view as reported';
}

/** The record's own names for the entry, for whoever looks it up: claim, event, log position, sources. */
function idsOf(c: AuditChange<unknown>): string {
  const also = c.alsoReported ?? [];
  return [
    c.claimId ? `claim ${c.claimId}` : undefined,
    `${c.event} at log position ${c.position}`,
    c.sources.length ? `sources ${c.sources.map((s) => s.sourceId).join(', ')}` : undefined,
    also.length ? `also ${also.map((a) => a.claimId).join(', ')}` : undefined,
  ]
    .filter((part) => part !== undefined)
    .join(' · ');
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** "CNN — published 5 Dec", or "— undated" when the source gives no publication time. */
function publication(source: SourceRef, { clock, publisher }: AuditWords): HTMLLIElement {
  return html(
    'li',
    { 'data-source': source.sourceId, title: source.sourceId },
    html('span', { class: 'publisher' }, publisher(source.publisher)),
    ` — ${source.published ? clock.published(source.published) : 'undated'}`,
  );
}
