import { auditList, auditOrderChoice, type AuditWords } from './audit-list';
import { campaignPath, getJson } from './api';
import { countInWords } from './casualty-count';
import { byId, html } from './dom';
import { stateInWords, type Names } from './place-story';
import type { CampaignClock } from './time';
import type { Audit, AuditOrder, Count, Place, PlaceHistory } from './types';

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

export interface DetailContext extends AuditWords {
  campaignId: string;
  clock: CampaignClock;
  knownAt?: string;
  operation?: string;
  /** The end of the hour on screen: the instant whose state an audit explains. */
  until: string;
  /** Set when the replay shows the hour as reported at the time: the map's states are those reported by `until`. */
  reportedBy?: string;
  names: Names;
}

/** One subject open in the panel: its body, and loads whose answers are dropped once another subject opens. */
export interface Showing {
  body: HTMLElement;
  load<T>(get: () => Promise<T>): Promise<T | undefined>;
}

/** The side panel: a place's control history and the audit of a state or a figure. */
export class Details {
  private readonly panel = byId('details');
  private readonly body = byId('details-body');
  private readonly title = byId('details-title');
  /** Counts the subjects opened, so a late answer for an earlier one is dropped. */
  private shown = 0;
  /** The order audits are shown in; until the reader picks one, report order in a replay as reported. */
  private order: AuditOrder | undefined;

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
    const shown = this.open(
      `${place.name}`,
      `${place.kind}, ${place.governorate} — ${place.precision === 'unknown' ? 'location unknown' : `${place.precision} coordinates ${place.lat}, ${place.lon}`}`,
    );
    if (story)
      shown.body.append(html('p', { class: 'story' }, html('strong', {}, `At ${ctx.clock.instant(ctx.until)}: `), story));
    const base = campaignPath(ctx.campaignId);
    const history = await shown.load(() =>
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
    shown.body.append(
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
    const shown = this.open(`Audit: ${place.name}`, `What changed its state at ${ctx.clock.instant(ctx.until)}${asOf(ctx)}`);
    const order = this.showOrder(shown, ctx, () => void this.auditPlace(place, ctx));
    const audit = await shown.load(() =>
      getJson<Audit<ControlAfter>>(`${campaignPath(ctx.campaignId)}/audit/control`, {
        place: place.placeId,
        at: ctx.until,
        knownAt: ctx.knownAt,
        reportedBy: ctx.reportedBy,
        operation: ctx.operation,
        order,
      }),
    );
    if (audit) shown.body.append(...auditList(audit, (s) => stateInWords(s, ctx.names), ctx));
  }

  async auditFigure(side: string, category: string, day: string, ctx: DetailContext): Promise<void> {
    const shown = this.open(
      `Audit: ${ctx.names.faction(side)} ${category}, ${day}`,
      `Which source changed the preferred figure, and when${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ''}`,
    );
    const order = this.showOrder(shown, ctx, () => void this.auditFigure(side, category, day, ctx));
    const audit = await shown.load(() =>
      getJson<Audit<FigureAfter>>(`${campaignPath(ctx.campaignId)}/audit/casualties`, {
        side,
        category,
        day,
        figure: 'preferred',
        knownAt: ctx.knownAt,
        operation: ctx.operation,
        order,
      }),
    );
    if (audit)
      shown.body.append(
        ...auditList(audit, (f) => `${countInWords(f.count)}${f.publisher ? ` (${ctx.publisher(f.publisher)})` : ''}`, ctx),
      );
  }

  /** Opens the panel on a subject: its title and the line under it, the rest to follow. */
  open(title: string, subtitle: string): Showing {
    const shown = ++this.shown;
    this.panel.hidden = false;
    this.title.textContent = title;
    this.body.replaceChildren(html('p', { class: 'subtitle' }, subtitle));
    const body = this.body;
    const current = () => shown === this.shown;
    return {
      body,
      async load<T>(get: () => Promise<T>): Promise<T | undefined> {
        try {
          const answer = await get();
          return current() ? answer : undefined;
        } catch (error) {
          if (current()) body.append(html('p', { class: 'error', role: 'alert' }, String((error as Error).message)));
          return undefined;
        }
      },
    };
  }

  /** Adds the choice of order to an audit and says which to ask for; choosing again reopens the audit. */
  private showOrder(shown: Showing, ctx: DetailContext, reopen: () => void): AuditOrder {
    const order = this.order ?? (ctx.reportedBy ? 'reported' : 'log');
    shown.body.append(
      auditOrderChoice(order, (chosen) => {
        this.order = chosen;
        reopen();
      }),
    );
    return order;
  }
}

/** ", as known at 120, from what had been reported by then": the state of knowledge an audit explains, when it is not now. */
function asOf(ctx: DetailContext): string {
  return `${ctx.knownAt ? `, as known at ${ctx.knownAt}` : ''}${ctx.reportedBy ? `, from what had been reported by then` : ''}`;
}
