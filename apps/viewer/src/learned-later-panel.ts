import { campaignPath, getJson } from './api';
import type { ClaimRecords } from './claim-records';
import type { DetailContext, Showing, Subject } from './details';
import { externalLink, html } from './dom';
import {
  figuresLearnedLater,
  placesLearnedLater,
  revealedHow,
  revelation,
  type FigureLearnedLater,
  type PlaceLearnedLater,
  type Revelation,
} from './learned-later';
import { stateInWords } from './place-story';
import { delayInWords } from './report-delay';
import type { CasualtyDay, ControlPlace, ControlView } from './types';

interface Learned extends PlaceLearnedLater {
  revealed: Revelation | undefined;
}

/**
 * "What the world learned later": for the hour on screen, the places and the day's casualty
 * figures known differently now from what had been reported by the end of that hour — each place
 * with the report that made its state known, when it was public and how long after the change.
 * It follows the hour on screen while open.
 */
export class LearnedLaterPanel implements Subject {
  readonly ofTheHour = true;

  constructor(private readonly claims: ClaimRecords) {}

  /** The views as reported by the hour's end: of control, and of casualties. */
  pastViews(ctx: DetailContext): number {
    return ctx.knownAt ? 4 : 2;
  }

  async draw(ctx: DetailContext, shown: Showing): Promise<void> {
    const at = ctx.until;
    shown.heading(
      'What the world learned later',
      `At ${ctx.clock.instant(at)}: what is known now${ctx.knownAt ? ` (as known at ${ctx.knownAt})` : ''}, against what had been reported by then.`,
    );
    const base = campaignPath(ctx.campaignId);
    const day = ctx.clock.dayOf(Date.parse(at) - 1);
    const query = { knownAt: ctx.knownAt, operation: ctx.operation };
    const views = await shown.load(() =>
      Promise.all([
        getJson<ControlView>(`${base}/control`, { at, ...query }),
        getJson<ControlView>(`${base}/control`, { at, ...query, reportedBy: at }),
        getJson<CasualtyDay>(`${base}/casualties`, { day, ...query }),
        getJson<CasualtyDay>(`${base}/casualties`, { day, ...query, reportedBy: at }),
      ]),
    );
    if (!views) return;
    const [controlNow, controlThen, casualtiesNow, casualtiesThen] = views;
    const places = await shown.load(() => this.revealed(ctx.campaignId, placesLearnedLater(controlNow, controlThen)));
    if (!places) return;
    const figures = figuresLearnedLater(casualtiesNow, casualtiesThen);
    shown.body.append(
      summary(places, figures, controlThen.unreported ?? 0, casualtiesThen.unreported ?? 0),
      ...placeList(places, at, ctx),
      ...figureList(figures, ctx.clock.dayEnding(at), ctx),
    );
  }

  /** Each place with the report among its claims that made its state known; learned first, first. */
  private async revealed(campaignId: string, places: PlaceLearnedLater[]): Promise<Learned[]> {
    const learned = await Promise.all(
      places.map(async (p) => {
        const basis = await Promise.all((p.now?.basis ?? []).map((id) => this.claims.get(campaignId, id)));
        return { ...p, revealed: revelation(basis.filter((c) => c !== undefined)) };
      }),
    );
    const when = (l: Learned) => (l.revealed ? Date.parse(l.revealed.reportedAt) : Infinity);
    return learned.sort((a, b) => when(a) - when(b));
  }
}

function placeList(places: Learned[], at: string, ctx: DetailContext): HTMLElement[] {
  const dated = places.filter((p) => p.revealed);
  const undated = places.filter((p) => !p.revealed);
  const nodes: HTMLElement[] = [html('h3', {}, `Places (${places.length})`)];
  if (dated.length) nodes.push(html('ol', { class: 'learned' }, ...dated.map((p) => learnedPlace(p, at, ctx))));
  if (undated.length)
    nodes.push(
      html(
        'details',
        { class: 'undated' },
        html(
          'summary',
          {},
          `${undated.length} more ${undated.length === 1 ? 'place rests' : 'places rest'} on claims with no dated source`,
        ),
        html(
          'ul',
          {},
          ...undated.map((p) => html('li', { 'data-place': p.place }, html('strong', {}, p.name), ` — ${stateNow(p.now, ctx)}`)),
        ),
      ),
    );
  return nodes;
}

function learnedPlace(p: Learned, at: string, ctx: DetailContext): HTMLLIElement {
  const revealed = p.revealed;
  return html(
    'li',
    { 'data-place': p.place, 'data-reported-at': revealed?.reportedAt },
    html('p', {}, html('strong', {}, p.name)),
    html('p', { class: 'now' }, `Known now: ${stateNow(p.now, ctx)}`),
    html('p', { class: 'then' }, `Reported by then: ${p.then ? stateNow(p.then, ctx) : 'nothing yet'}`),
    revealed ? revealedBy(revealed, p, at, ctx) : null,
  );
}

/** "controlled by … since 5 Dec 18:00", or "…, before the first report" for an inferred holder. */
function stateNow(state: ControlPlace | undefined, ctx: DetailContext): string {
  if (!state) return 'no claim stands';
  const words = stateInWords(state, ctx.names);
  if (state.inferred || !state.since) return `${words}, before the first report`;
  return `${words} since ${ctx.clock.short(state.since)}`;
}

/**
 * "Made known by CNN: "Rebels capture Hama" (published 5 Dec), public by 6 Dec 00:00 — 6 h after
 * the change.", or "Inferred from the report of …" for a holder inferred before the first report.
 */
function revealedBy(revealed: Revelation, p: PlaceLearnedLater, at: string, ctx: DetailContext): HTMLElement {
  const { source, reportedAt } = revealed;
  const since = p.now?.since;
  const after =
    since && Date.parse(reportedAt) > Date.parse(at)
      ? `, ${delayInWords(Date.parse(reportedAt) - Date.parse(since))} after the change`
      : '';
  return html(
    'p',
    { class: 'revealed', 'data-claim': revealed.claimId },
    revealedHow(p.now),
    html('span', { class: 'publisher' }, ctx.publisher(source.publisher)),
    ', “',
    externalLink(source.title ?? source.sourceId, source.url),
    `”${source.published ? ` (${ctx.clock.published(source.published)})` : ''}: public by ${ctx.clock.short(reportedAt)}${after}.`,
  );
}

function figureList(figures: FigureLearnedLater[], day: string, ctx: DetailContext): HTMLElement[] {
  const heading = html('h3', {}, `Casualty figures of ${day}`);
  if (!figures.length) return [heading, html('p', { class: 'empty' }, 'The day’s figures had all been reported by then.')];
  return [
    heading,
    html(
      'ul',
      { class: 'learned-figures' },
      ...figures.map((f) =>
        html(
          'li',
          { 'data-side': f.side, 'data-category': f.category },
          html('strong', {}, `${ctx.names.faction(f.side)}, ${f.category}`),
          `: ${f.now ?? 'none'} known now; ${f.then ?? 'none'} reported by then`,
        ),
      ),
    ),
  ];
}

/** How much differs, and how many claim versions no view as reported can show. */
function summary(places: Learned[], figures: FigureLearnedLater[], control: number, casualties: number): HTMLElement {
  const learned = places.filter((p) => p.revealed).length;
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return html(
    'div',
    { class: 'learned-summary' },
    html(
      'p',
      {},
      places.length
        ? `${plural(places.length, 'place stands', 'places stand')} differently now: ${learned} from reports published later, ${places.length - learned} resting on claims with no dated source.`
        : 'Every place stands now as it had been reported by then.',
      ` ${plural(figures.length, 'casualty figure', 'casualty figures')} of the day ${figures.length === 1 ? 'differs' : 'differ'}.`,
    ),
    html(
      'p',
      { class: 'hint unreported' },
      `${plural(control, 'claim version', 'claim versions')} about places and ${casualties} about casualties have no dated source and are left out of the reported view.`,
    ),
  );
}
