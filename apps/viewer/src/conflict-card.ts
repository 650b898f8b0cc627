import { conflictVerdict } from './conflict-verdict';
import { externalLink, html } from './dom';
import { stateInWords } from './place-story';
import type { InboxContext } from './record-context';
import type { Rank } from './record-vocabulary';
import type { Published } from './types';

/** A claim of a conflict as `GET /campaigns/:c/claims/:id` reads it now. */
export interface ConflictClaim {
  claimId: string;
  status: string;
  controller?: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  quote: string;
  rank: string;
  time: { from: string; to: string; precision: string };
  /** The publisher the conflict sets against the other claim's: the one the claim is attributed to, else its sources'. */
  saidBy?: string | null;
  sourceDetails: {
    sourceId: string;
    publisher: string | null;
    title?: string | null;
    url?: string | null;
    published?: Published | null;
  }[];
}

type RankIt = (claimId: string, rank: Rank, reason: string, card: HTMLElement) => Promise<void>;

/**
 * One possible conflict: its place, whether it is resolved, the two claims side by side and the
 * reason the editor gives for ranking one of them.
 */
export function conflictCard(placeId: string, claims: ConflictClaim[], ctx: InboxContext, rank: RankIt): HTMLElement {
  const place = ctx.places.find((p) => p.placeId === placeId)?.name ?? placeId;
  const verdict = conflictVerdict(claims);
  const reason = html('input', {
    type: 'text',
    name: 'reason',
    required: '',
    placeholder: 'e.g. the monitor’s later report confirms it',
  });
  const card = html(
    'article',
    { class: `conflict${verdict.resolved ? ' resolved' : ''}`, 'data-place': placeId },
    html(
      'h3',
      {},
      place,
      ' ',
      html('span', { class: 'verdict' }, verdict.resolved ? 'resolved: one claim preferred' : 'sources disagree'),
    ),
    html(
      'label',
      { class: 'record-field', 'data-path': 'reason' },
      html('span', { class: 'field-label' }, 'Reason for the ranking (required)'),
      reason,
      html('span', { class: 'field-problem', role: 'alert' }),
    ),
    html(
      'div',
      { class: 'conflict-pair' },
      ...claims.map((c) => side(c, ctx, (r) => void rank(c.claimId, r, reason.value, card))),
    ),
  );
  return card;
}

function side(claim: ConflictClaim, ctx: InboxContext, rank: (rank: Rank) => void): HTMLElement {
  const state = stateInWords({ ...claim, controller: claim.controller ?? null, bloc: null }, ctx.names);
  const action = (text: string, to: Rank, kind: string) => {
    const button = html('button', { type: 'button', class: kind, 'data-rank': to }, text);
    button.addEventListener('click', () => rank(to));
    return button;
  };
  const preferred = claim.rank === 'preferred';
  return html(
    'section',
    { class: `conflict-claim rank-${claim.rank}`, 'data-claim': claim.claimId },
    html('p', { class: 'claim-state' }, html('strong', {}, state)),
    claim.saidBy ? html('p', { class: 'said-by' }, `as ${ctx.publisherName(claim.saidBy)} says`) : undefined,
    html('p', { class: 'meta' }, `${ctx.clock.window(claim.time)} · rank ${claim.rank}`),
    html('blockquote', {}, claim.quote),
    html(
      'ul',
      { class: 'conflict-sources' },
      ...claim.sourceDetails.map((s) =>
        html(
          'li',
          {},
          html('strong', {}, ctx.publisherName(s.publisher)),
          ` · ${s.published ? ctx.clock.published(s.published) : 'undated'} · `,
          externalLink(s.title || s.sourceId, s.url),
        ),
      ),
    ),
    html(
      'div',
      { class: 'inline conflict-actions' },
      preferred ? action('Set back to normal', 'normal', 'undo') : action('Prefer this one', 'preferred', 'prefer'),
      action('Deprecate this one', 'deprecated', 'deprecate'),
    ),
    html('p', { class: 'meta claim-id' }, claim.claimId),
  );
}
