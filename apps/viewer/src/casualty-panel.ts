import { campaignPath, getJson } from './api';
import { CasualtyChart } from './chart';
import { byId, html } from './dom';
import { figuresChanged } from './known-at';
import { seriesLines } from './side-colours';
import type { PastViews } from './past-views';
import type { StatusBar } from './status-bar';
import type { CampaignClock } from './time';
import type { Campaign, CasualtySeries } from './types';

/**
 * "Casualties per day": the chart of one category up to the day on screen. Replaying as known at
 * an earlier point, it also fetches the series known now to mark the figures that differ.
 */
export class CasualtyPanel {
  private readonly chart: CasualtyChart;
  private readonly categoryChoice = byId<HTMLSelectElement>('category');
  private campaign: Campaign | undefined;
  private clock: CampaignClock | undefined;
  private series: CasualtySeries = { series: [] };
  private seriesNow: CasualtySeries | undefined;
  private category = 'killed';
  /** The first and last day drawn: the operation's, else every day of the series. */
  private days: { from: string; to: string } | undefined;

  constructor(
    /** The end of the hour on screen, '' before the first. */
    private readonly hour: { readonly until: string },
    private readonly status: StatusBar,
    private readonly pastViews: PastViews,
    onFigure: (side: string, category: string, day: string) => void,
  ) {
    this.chart = new CasualtyChart((side, day) => onFigure(side, this.category, day));
    this.categoryChoice.addEventListener('change', () => {
      this.category = this.categoryChoice.value;
      this.redraw();
    });
  }

  open(campaign: Campaign, clock: CampaignClock): void {
    this.campaign = campaign;
    this.clock = clock;
  }

  /** Fetches the series of the replay's operation and state of knowledge, and draws them over its days. */
  async refresh(query: { operation?: string; knownAt?: string; days?: { from: string; to: string } }): Promise<void> {
    if (!this.campaign) return;
    this.days = query.days;
    const path = `${campaignPath(this.campaign.campaignId)}/casualties/series`;
    try {
      if (query.knownAt) this.pastViews.spend(1, performance.now());
      this.series = await getJson<CasualtySeries>(path, { knownAt: query.knownAt, operation: query.operation });
      this.seriesNow = query.knownAt ? await getJson<CasualtySeries>(path, { operation: query.operation }) : undefined;
    } catch (error) {
      this.status.show(`Casualty series: ${(error as Error).message}`, true);
      return;
    }
    const categories = [...new Set(this.series.series.map((s) => s.category))].sort();
    if (!categories.includes(this.category))
      this.category = categories.includes('killed') ? 'killed' : (categories[0] ?? 'killed');
    this.categoryChoice.replaceChildren(...categories.map((c) => html('option', { value: c }, c)));
    this.categoryChoice.value = this.category;
    this.redraw();
  }

  /** Draws the lines as they are up to the day on screen. */
  draw(): void {
    this.chart.draw(this.hour.until && this.clock ? this.clock.dayOf(Date.parse(this.hour.until) - 1) : undefined);
  }

  private redraw(): void {
    if (!this.campaign) return;
    const days = this.days;
    const lines = seriesLines(this.series, this.category, this.campaign);
    this.chart.setSeries(
      days ? lines.map((l) => ({ ...l, days: l.days.filter((d) => d.day >= days.from && d.day <= days.to) })) : lines,
    );
    this.chart.markChanged(this.seriesNow ? figuresChanged(this.series, this.seriesNow, this.category) : new Set());
    this.draw();
  }
}
