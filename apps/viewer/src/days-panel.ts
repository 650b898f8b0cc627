import { campaignPath, getJson } from './api';
import type { LogEntry } from './claim-log';
import { dayDigest, dayLabel, type ControlDay } from './day-digest';
import { digestView } from './day-digest-view';
import { byId, html } from './dom';
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
      this.body.replaceChildren(
        ...digestView(digest, { campaign: ctx.campaign, publisherName: ctx.publisherName, openPlace: this.openPlace }),
      );
      this.body.dataset.day = digest.day;
    } catch (error) {
      if (asked === this.asked) this.body.replaceChildren(html('p', { class: 'error', role: 'alert' }, (error as Error).message));
    }
  }
}
