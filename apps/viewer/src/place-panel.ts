import { campaignPath, getJson } from './api';
import type { DetailContext, Subject } from './details';
import { html } from './dom';
import { stateInWords } from './place-story';
import type { Place, PlaceHistory } from './types';

type HistoryClaim = PlaceHistory['changes'][number]['claims'][number];

/**
 * A place at the hour on screen: what its marker says (`story`, read at each drawing), its
 * control history and the button to the audit of its state. In a replay as reported, the history
 * is the one reported by the end of the hour, as the marker is; like the map, it covers every
 * operation.
 */
export function placeSubject(place: Place, story: () => string | undefined, openAudit: () => void): Subject {
  return {
    ofTheHour: true,
    pastViews: (ctx) => (ctx.knownAt || ctx.reportedBy ? 1 : 0),
    async draw(ctx, shown) {
      const where =
        place.precision === 'unknown' ? 'location unknown' : `${place.precision} coordinates ${place.lat}, ${place.lon}`;
      shown.heading(place.name, `${place.kind}, ${place.governorate} — ${where}`);
      const at = ctx.clock.instant(ctx.until);
      const told = story();
      if (told)
        shown.body.append(
          html('p', { class: 'story' }, html('strong', {}, `At ${at}${ctx.reportedBy ? ', as reported by then' : ''}: `), told),
        );
      const history = await shown.load(() =>
        getJson<PlaceHistory>(`${campaignPath(ctx.campaignId)}/places/${encodeURIComponent(place.placeId)}/history`, {
          knownAt: ctx.knownAt,
          reportedBy: ctx.reportedBy,
        }),
      );
      if (!history) return;
      const auditButton = html(
        'button',
        { type: 'button', class: 'audit-open' },
        `Audit its state at ${at}${ctx.reportedBy ? ', as reported' : ''}`,
      );
      auditButton.addEventListener('click', openAudit);
      shown.body.append(
        html(
          'h3',
          { class: 'history-heading', 'data-reported-by': ctx.reportedBy },
          ctx.reportedBy ? `Control history, as reported by ${at}` : 'Control history',
        ),
        history.changes.length
          ? html('ol', { class: 'history' }, ...history.changes.map((c) => change(c, ctx)))
          : html(
              'p',
              { class: 'empty' },
              ctx.reportedBy ? 'Nothing about this place had been reported by then.' : 'No claim about this place.',
            ),
        auditButton,
      );
    },
  };
}

function change(c: PlaceHistory['changes'][number], ctx: DetailContext): HTMLLIElement {
  return html(
    'li',
    { 'data-at': c.at ?? undefined, class: c.inferred ? 'inferred' : undefined },
    html(
      'p',
      {},
      c.at === null
        ? html('em', {}, 'Before the first report (inferred)')
        : html('time', { datetime: c.at }, ctx.clock.instant(c.at)),
      ' — ',
      html('strong', {}, stateInWords(c, ctx.names)),
    ),
    ...c.claims.map((claim) => quoted(claim, ctx)),
  );
}

/** The claim's quote, with its publishers, its time and when it was public. */
function quoted(claim: HistoryClaim, ctx: DetailContext): HTMLElement {
  const publishers = claim.sources.map((s) => s.publisher ?? s.sourceId).join(', ');
  const reported = claim.reportedAt ? `public by ${ctx.clock.short(claim.reportedAt)}` : 'no dated source';
  return html(
    'blockquote',
    { 'data-claim': claim.claimId, 'data-reported-at': claim.reportedAt ?? undefined },
    claim.quote,
    html('footer', {}, `${publishers} · ${ctx.clock.interval(claim.time)} · ${reported}`),
  );
}
