import { campaignPath, getJson } from './api';
import { byId, html } from './dom';
import { stateInWords, type Names } from './place-story';
import type { CampaignClock } from './time';
import type { AuditChange, Count, Place, PlaceHistory } from './types';

interface ControlAfter {
  status: string;
  controller: string | null;
  bloc: string | null;
  disputed: boolean;
}

interface FigureAfter {
  count: Count;
  publisher: string | null;
  claimId: string | null;
}

export interface DetailContext {
  campaignId: string;
  clock: CampaignClock;
  knownAt?: string;
  operation?: string;
  /** The end of the hour on screen: the instant whose state an audit explains. */
  until: string;
  names: Names;
}

/** The side panel: a place's control history and the audit of a state or a figure. */
export class Details {
  private readonly panel = byId('details');
  private readonly body = byId('details-body');
  private readonly title = byId('details-title');

  constructor() {
    byId('details-close').addEventListener('click', () => this.close());
    document.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') this.close();
    });
  }

  close(): void {
    this.panel.hidden = true;
  }

  /** The place's history; `story` is what its marker says at the hour on screen, for screens without a pointer to hover. */
  async showPlace(place: Place, ctx: DetailContext, story?: string): Promise<void> {
    this.open(
      `${place.name}`,
      `${place.kind}, ${place.governorate} — ${place.precision === 'unknown' ? 'location unknown' : `${place.precision} coordinates ${place.lat}, ${place.lon}`}`,
    );
    if (story) this.body.append(html('p', { class: 'story' }, html('strong', {}, `At ${ctx.clock.instant(ctx.until)}: `), story));
    const base = campaignPath(ctx.campaignId);
    const history = await this.load(() =>
      getJson<PlaceHistory>(`${base}/places/${encodeURIComponent(place.placeId)}/history`, {
        knownAt: ctx.knownAt,
        operation: ctx.operation,
      }),
    );
    if (!history) return;
    const auditButton = html(
      'button',
      { type: 'button', class: 'audit-open' },
      `Audit its state at ${ctx.clock.instant(ctx.until)}`,
    );
    auditButton.addEventListener('click', () => void this.auditPlace(place, ctx));
    this.body.append(
      html('h3', {}, 'Control history'),
      history.changes.length
        ? html(
            'ol',
            { class: 'history' },
            ...history.changes.map((c) =>
              html(
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
                ...c.claims.map((claim) =>
                  html(
                    'blockquote',
                    { 'data-claim': claim.claimId },
                    claim.quote,
                    html(
                      'footer',
                      {},
                      `${claim.sources.map((s) => s.publisher ?? s.sourceId).join(', ')} · ${ctx.clock.interval(claim.time)}`,
                    ),
                  ),
                ),
              ),
            ),
          )
        : html('p', { class: 'empty' }, 'No claim about this place.'),
      auditButton,
    );
  }

  async auditPlace(place: Place, ctx: DetailContext): Promise<void> {
    this.open(
      `Audit: ${place.name}`,
      `What changed its state at ${ctx.clock.instant(ctx.until)}${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ''}`,
    );
    const audit = await this.load(() =>
      getJson<{ changes: AuditChange<ControlAfter>[] }>(`${campaignPath(ctx.campaignId)}/audit/control`, {
        place: place.placeId,
        at: ctx.until,
        knownAt: ctx.knownAt,
        operation: ctx.operation,
      }),
    );
    if (audit) this.body.append(auditList(audit.changes, (s) => stateInWords(s, ctx.names)));
  }

  async auditFigure(side: string, category: string, day: string, ctx: DetailContext): Promise<void> {
    this.open(
      `Audit: ${side} ${category}, ${day}`,
      `Which source changed the preferred figure, and when it was recorded${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ''}`,
    );
    const audit = await this.load(() =>
      getJson<{ changes: AuditChange<FigureAfter>[] }>(`${campaignPath(ctx.campaignId)}/audit/casualties`, {
        side,
        category,
        day,
        figure: 'preferred',
        knownAt: ctx.knownAt,
        operation: ctx.operation,
      }),
    );
    if (audit)
      this.body.append(
        auditList(
          audit.changes,
          (f) => `${f.count.best}${f.count.openEnded ? '+' : ''}${f.publisher ? ` (${f.publisher})` : ''}`,
        ),
      );
  }

  private open(title: string, subtitle: string): void {
    this.panel.hidden = false;
    this.title.textContent = title;
    this.body.replaceChildren(html('p', { class: 'subtitle' }, subtitle));
  }

  private async load<T>(get: () => Promise<T>): Promise<T | undefined> {
    try {
      return await get();
    } catch (error) {
      this.body.append(html('p', { class: 'error', role: 'alert' }, String((error as Error).message)));
      return undefined;
    }
  }
}

function auditList<T>(changes: AuditChange<T>[], show: (value: T) => string): HTMLElement {
  if (!changes.length) return html('p', { class: 'empty' }, 'No recorded event changed it.');
  return html(
    'ol',
    { class: 'audit' },
    ...changes.map((c) =>
      html(
        'li',
        { 'data-claim': c.claimId, 'data-position': c.position },
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
          { class: 'meta' },
          `recorded ${c.recordedAt} at position ${c.position}${c.actor ? ` by ${c.actor}` : ''} · sources: ${c.sources.map((s) => `${s.publisher ?? 'unattributed'} (${s.sourceId})`).join(', ') || 'none'}`,
        ),
      ),
    ),
  );
}
