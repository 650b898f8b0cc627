import { campaignPath, getJson } from './api';
import type { LogEntry } from './claim-log';
import { dayDigest, dayLabel, type ControlDay, type DayDigest } from './day-digest';
import { byId, externalLink, html } from './dom';
import { HeldChart } from './held-chart';
import { lastHourOf } from './held-scale';
import type { StatusBar } from './status-bar';
import type { CampaignClock } from './time';
import type { Campaign, CasualtyDay, ControlView } from './types';

/** How long the day on screen must stay before its digest is asked for, so a fast replay asks for few. */
const SETTLE_MS = 250;
const DAY = 86_400_000;

export interface DaysContext {
  campaign: Campaign;
  clock: CampaignClock;
  /** The replay's window, to find where a day ends in it. */
  window: { from: string; to: string };
  operation?: string;
  /** The campaign's claims, once read. */
  entries: () => Promise<readonly LogEntry[]>;
  publisherName: (id: string) => string;
}

/**
 * The campaign day by day: the chart of places held per bloc, and the digest of the day on screen
 * — places gained and lost per bloc, the captures of the day with their sources, the day's
 * casualty figures. Both read the plain views of now, which the service answers from its cache.
 */
export class DaysPanel {
  private readonly heading = byId('digest-heading');
  private readonly body = byId('digest');
  private readonly chart: HeldChart;
  private context: DaysContext | undefined;
  private days: ControlDay[] = [];
  private loading: Promise<void> = Promise.resolve();
  private today: string | undefined;
  private timer: number | undefined;
  /** Counts the digests asked for, so a late answer for an earlier day is dropped. */
  private asked = 0;

  constructor(
    private readonly status: StatusBar,
    goTo: (instant: number) => void,
    private readonly openPlace: (placeId: string) => void,
  ) {
    this.chart = new HeldChart((day) => {
      const ctx = this.context;
      const at = ctx && lastHourOf(day, ctx.window, (t) => ctx.clock.dayOf(t));
      if (at !== undefined) goTo(at);
    });
  }

  /** Reads the days of the campaign (for the replay's operation) and draws the chart. */
  open(context: DaysContext): Promise<void> {
    if (context.campaign.campaignId !== this.context?.campaign.campaignId) {
      this.heading.textContent = 'Day digest';
      this.body.replaceChildren(html('p', { class: 'empty' }, 'The digest of the day on screen appears here.'));
    }
    this.context = context;
    this.today = undefined;
    this.loading = this.load(context);
    return this.loading;
  }

  private async load(context: DaysContext): Promise<void> {
    try {
      const answer = await getJson<{ days: ControlDay[] }>(`${campaignPath(context.campaign.campaignId)}/control/days`, {
        operation: context.operation,
      });
      if (this.context !== context) return;
      this.days = answer.days;
    } catch (error) {
      this.status.show(`Places held per day: ${(error as Error).message}`, true);
      return;
    }
    this.chart.show(this.days, context.campaign.blocs, dayLabel);
  }

  /** The hour on screen moved: the chart marks its day, and the digest follows once it settles. */
  moveTo(until: string): void {
    const ctx = this.context;
    if (!ctx || !until) return;
    const today = ctx.clock.dayOf(Date.parse(until) - 1);
    this.chart.mark(today);
    if (today === this.today) return;
    this.today = today;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.digest(ctx, today), SETTLE_MS);
  }

  private async digest(ctx: DaysContext, day: string): Promise<void> {
    const asked = ++this.asked;
    await this.loading;
    if (asked !== this.asked) return;
    const controlDay = this.days.find((d) => d.day === day);
    this.heading.textContent = `Day digest: ${dayLabel(day, true)}`;
    if (!controlDay) {
      this.body.replaceChildren(html('p', { class: 'empty' }, 'This day is outside the campaign’s days.'));
      return;
    }
    const base = campaignPath(ctx.campaign.campaignId);
    const dayBefore = new Date(Date.parse(`${day}T00:00:00Z`) - DAY).toISOString().slice(0, 10);
    try {
      const [before, after, casualties, entries] = await Promise.all([
        getJson<ControlView>(`${base}/control`, { day: dayBefore, operation: ctx.operation }),
        getJson<ControlView>(`${base}/control`, { day, operation: ctx.operation }),
        getJson<CasualtyDay>(`${base}/casualties`, { day, operation: ctx.operation }),
        ctx.entries(),
      ]);
      if (asked !== this.asked || this.context !== ctx) return;
      const digest = dayDigest({
        day: controlDay,
        before: before.places,
        after: after.places,
        casualties: casualties.figures,
        entries,
        dayOf: (t) => ctx.clock.dayOf(t),
      });
      this.draw(digest, ctx);
    } catch (error) {
      if (asked === this.asked) this.body.replaceChildren(html('p', { class: 'error', role: 'alert' }, (error as Error).message));
    }
  }

  private draw(digest: DayDigest, ctx: DaysContext): void {
    const blocName = new Map(ctx.campaign.blocs.map((b) => [b.id, b]));
    const faction = (id: string) => ctx.campaign.factions.find((f) => f.id === id)?.name ?? id;
    const blocs = html(
      'ul',
      { class: 'digest-blocs' },
      ...digest.blocs.map((b) => {
        const li = html(
          'li',
          { 'data-bloc': b.bloc },
          html('strong', {}, blocName.get(b.bloc)?.name ?? b.bloc),
          `: ${b.held} held`,
          b.gained ? html('span', { class: 'gained' }, `, ${b.gained} gained`) : '',
          b.lost ? html('span', { class: 'lost' }, `, ${b.lost} lost`) : '',
        );
        li.style.setProperty('--side', blocName.get(b.bloc)?.color ?? '#757575');
        return li;
      }),
    );
    const captures = digest.captures.length
      ? html(
          'ul',
          { class: 'captures' },
          ...digest.captures.map((c) => {
            const open = html(
              'button',
              { type: 'button', class: 'capture-open', 'data-place': c.place },
              html('strong', {}, c.name),
              ` taken by ${faction(c.to)} from ${faction(c.from)}`,
            );
            open.addEventListener('click', () => this.openPlace(c.place));
            // claims of one capture often cite the same report
            const sources = [...new Map(c.claims.flatMap((claim) => claim.sources).map((s) => [s.sourceId, s])).values()];
            return html(
              'li',
              { 'data-place': c.place },
              open,
              html(
                'ul',
                { class: 'sources' },
                ...sources.map((s) =>
                  html(
                    'li',
                    {},
                    html('span', { class: 'publisher' }, s.publisher ? ctx.publisherName(s.publisher) : 'unattributed'),
                    ' — ',
                    externalLink(s.title ?? s.sourceId, s.url),
                  ),
                ),
              ),
            );
          }),
        )
      : html('p', { class: 'empty' }, 'No place changed hands this day.');
    const side = (id: string) => (id === 'civilians' ? 'Civilians' : faction(id));
    const casualties = digest.casualties.length
      ? html(
          'ul',
          { class: 'digest-casualties' },
          ...digest.casualties.map((f) =>
            html(
              'li',
              {},
              `${side(f.side)}, ${f.category}: `,
              html('strong', {}, `${f.best}${f.openEnded ? '+' : ''}`),
              f.publisher ? ` (${ctx.publisherName(f.publisher)})` : '',
            ),
          ),
        )
      : html('p', { class: 'empty' }, 'No casualty figure for this day.');
    this.body.replaceChildren(
      html('h3', {}, 'Places per bloc at the day’s end'),
      blocs,
      html('h3', {}, 'Captures of the day'),
      captures,
      html('h3', {}, 'Casualties of the day'),
      casualties,
    );
    this.body.dataset.day = digest.day;
  }
}
