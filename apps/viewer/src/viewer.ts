import { campaignPath, getJson } from './api';
import { CasualtyChart, type SeriesLine } from './chart';
import { Details, type DetailContext } from './details';
import { byId, html } from './dom';
import { ClaimFeed } from './feed';
import { figuresChanged, placesChangedSince } from './known-at';
import { linkTo, type LinkState } from './link';
import { CampaignMap, legend } from './map';
import { ReplayClient, type StartedReplay } from './replay-client';
import { CampaignClock } from './time';
import { zoomable } from './zoom';
import type { Campaign, CasualtySeries, CampaignSummary, Frame, FrameClaim, Place, Snapshot } from './types';

const HOUR = 3_600_000;
const SIDE_COLOURS = ['#6d4c41', '#00897b', '#8e24aa', '#f4511e', '#3949ab', '#c0ca33'];

/**
 * The replay viewer: one campaign, one replay session over the socket protocol, and the views it
 * asks over HTTP for what the frames do not carry (history, audits, series, "as known at").
 */
export class Viewer {
  private readonly map = new CampaignMap(byId('map') as unknown as SVGSVGElement, (id) => void this.selectPlace(id));
  private readonly feed = new ClaimFeed(() => this.publisherNames);
  private readonly chart = new CasualtyChart(
    (side, day) => void this.details.auditFigure(side, this.category, day, this.context()),
  );
  private readonly details = new Details();
  private readonly client: ReplayClient;
  private campaign!: Campaign;
  private clock!: CampaignClock;
  private replay: StartedReplay | undefined;
  private publisherNames = new Map<string, string>();
  private series: CasualtySeries = { series: [] };
  private seriesNow: CasualtySeries | undefined;
  private category = 'killed';
  private playing = false;
  private ended = false;
  /** The hour on screen, [at, until); before the first frame, the instant of the snapshot. */
  private at = '';
  private until = '';
  private hourClaims: FrameClaim[] = [];
  private selected: string | undefined;
  private diffRun = 0;
  private linkTimer: number | undefined;

  constructor(private link: LinkState) {
    this.client = new ReplayClient({
      snapshot: (m) => this.onSnapshot(m),
      frame: (m) => this.onFrame(m),
      correction: (m) => {
        if (m.control) this.map.apply(m.control);
        this.feed.prepend('correction', m.claim, m.claimId, this.clock, (id) => this.map.place(id)?.name);
        void this.refreshSeries();
      },
      live: (m) => this.feed.prepend('live', m.claim, m.claim.claimId, this.clock, (id) => this.map.place(id)?.name),
      end: () => {
        this.ended = true;
        this.setPlaying(false);
        this.status('The replay reached the end of its window.');
      },
      connection: (state) =>
        this.status(
          state === 'connected'
            ? ''
            : state === 'reconnecting'
              ? 'Connection lost: reconnecting…'
              : 'Offline: the service cannot be reached.',
          state !== 'connected',
        ),
    });
    this.wireControls();
    zoomable(byId('map') as unknown as SVGSVGElement, { in: byId('zoom-in'), out: byId('zoom-out'), reset: byId('zoom-reset') });
  }

  async open(): Promise<void> {
    const campaigns = await getJson<CampaignSummary[]>('/campaigns');
    const select = byId<HTMLSelectElement>('campaign');
    select.replaceChildren(
      ...campaigns.map((c) => html('option', { value: c.campaignId }, `${c.title} (${c.counts.claims} claims)`)),
    );
    if (!campaigns.length) return this.status('No campaign is recorded yet.', true);
    const chosen = campaigns.some((c) => c.campaignId === this.link.campaign) ? this.link.campaign! : campaigns[0].campaignId;
    select.value = chosen;
    const publishers = await getJson<{ publisher: string; name: string }[]>('/publishers').catch(() => []);
    this.publisherNames = new Map(publishers.map((p) => [p.publisher, p.name]));
    await this.openCampaign(chosen);
  }

  private async openCampaign(campaignId: string): Promise<void> {
    const base = campaignPath(campaignId);
    const [campaign, places] = await Promise.all([getJson<Campaign>(base), getJson<Place[]>(`${base}/places`)]);
    this.campaign = campaign;
    this.clock = new CampaignClock(campaign.timeZone);
    this.map.setCampaign(campaign.blocs, places);
    legend(campaign.blocs);
    const operation = byId<HTMLSelectElement>('operation');
    operation.replaceChildren(
      html('option', { value: '' }, 'All operations'),
      ...campaign.operations.map((o) => html('option', { value: o.id }, o.title)),
    );
    if (!campaign.operations.some((o) => o.id === this.link.operation)) this.link.operation = undefined;
    operation.value = this.link.operation ?? '';
    byId<HTMLInputElement>('known-at').value = this.link.knownAt ?? '';
    byId<HTMLSelectElement>('speed').value = String(this.link.speed ?? 1);
    if (byId<HTMLSelectElement>('speed').value === '') byId<HTMLSelectElement>('speed').value = '1';
    await this.startReplay(this.link.at);
    if (this.link.place && this.map.place(this.link.place)) void this.selectPlace(this.link.place);
  }

  /** Starts a fresh session (paused), at `at` if given: a shared link opens on its hour. */
  private async startReplay(at?: string): Promise<void> {
    this.setPlaying(false);
    this.ended = false;
    try {
      this.replay = await this.client.start({
        campaignId: this.campaign.campaignId,
        speed: Number(byId<HTMLSelectElement>('speed').value),
        operation: this.link.operation,
        knownAt: parseKnownAt(this.link.knownAt),
        paused: true,
      });
    } catch (error) {
      this.status(`Cannot start the replay: ${(error as Error).message}`, true);
      return;
    }
    const timeline = byId<HTMLInputElement>('timeline');
    timeline.max = String(this.replay.frames - 1);
    timeline.value = '0';
    this.dayMarks();
    byId('pinned').textContent =
      `This replay shows the record as of log position ${this.replay.pinnedPosition}${this.link.knownAt ? ` (as known at ${this.link.knownAt})` : ' (now)'}; enter an earlier position or instant to see what was known then.`;
    await this.refreshSeries();
    if (at && Date.parse(at) >= Date.parse(this.replay.from) && Date.parse(at) < Date.parse(this.replay.to))
      await this.goTo(Date.parse(at));
  }

  /** Shows the hour starting at `instant`: the state before it, then its frame. */
  private async goTo(instant: number): Promise<void> {
    if (!this.replay) return;
    const hour = Math.floor((instant - Date.parse(this.replay.from)) / HOUR);
    const at = new Date(Date.parse(this.replay.from) + Math.max(0, hour) * HOUR).toISOString();
    this.ended = false;
    await this.client.seek(at);
    if (!this.playing) await this.client.step(1);
  }

  private onSnapshot(m: Snapshot): void {
    this.map.reset(m.control);
    this.map.markIntervals(new Map());
    this.at = new Date(Date.parse(m.at) - HOUR).toISOString();
    this.until = m.at;
    this.hourClaims = [];
    byId('clock').textContent = `at ${this.clock.instant(m.at)}`;
    byId('clock').dataset.at = m.at;
    this.summary(m.summary.byBloc);
    this.afterMove();
  }

  private onFrame(m: Frame): void {
    this.map.apply(m.control);
    const notes = new Map<string, string>();
    for (const claim of m.claims)
      if (claim.place && this.clock.isUncertain(claim.time)) notes.set(claim.place, `changed ${this.clock.interval(claim.time)}`);
    this.map.markIntervals(notes);
    this.at = m.at;
    this.until = m.until;
    this.hourClaims = m.claims;
    const clock = byId('clock');
    clock.textContent = this.clock.hourSpan(m.at, m.until);
    clock.dataset.at = m.at;
    this.summary(m.summary.byBloc);
    this.feed.show(this.clock.hourSpan(m.at, m.until), m.claims, this.clock, (id) => this.map.place(id)?.name);
    this.afterMove();
  }

  private afterMove(): void {
    if (!this.replay) return;
    const index = Math.round((Date.parse(this.at) - Date.parse(this.replay.from)) / HOUR);
    byId<HTMLInputElement>('timeline').value = String(Math.max(0, index));
    this.chart.draw(this.clock.dayOf(Date.parse(this.until) - 1));
    this.scheduleLink();
    void this.refreshDiff();
  }

  private summary(byBloc: Record<string, number>): void {
    const names = new Map(this.campaign.blocs.map((b) => [b.id, b.name]));
    const parts = Object.entries(byBloc)
      .sort((a, b) => b[1] - a[1])
      .map(([bloc, n]) => `${names.get(bloc) ?? bloc}: ${n}`);
    byId('summary').textContent = parts.length
      ? `Places held — ${parts.join(' · ')}`
      : 'No place is held by anyone yet in this record.';
  }

  private async selectPlace(placeId: string): Promise<void> {
    const place = this.map.place(placeId);
    if (!place) return;
    this.selected = placeId;
    this.map.select(placeId);
    this.scheduleLink();
    await this.details.showPlace(place, this.context());
  }

  private context(): DetailContext {
    return {
      campaignId: this.campaign.campaignId,
      clock: this.clock,
      knownAt: this.link.knownAt,
      operation: this.link.operation,
      until: this.until,
    };
  }

  // --- casualties and "as known at"

  private async refreshSeries(): Promise<void> {
    const path = `${campaignPath(this.campaign.campaignId)}/casualties/series`;
    try {
      this.series = await getJson<CasualtySeries>(path, { knownAt: this.link.knownAt, operation: this.link.operation });
      this.seriesNow = this.link.knownAt ? await getJson<CasualtySeries>(path, { operation: this.link.operation }) : undefined;
    } catch (error) {
      this.status(`Casualty series: ${(error as Error).message}`, true);
      return;
    }
    const categories = [...new Set(this.series.series.map((s) => s.category))].sort();
    const select = byId<HTMLSelectElement>('category');
    if (!categories.includes(this.category))
      this.category = categories.includes('killed') ? 'killed' : (categories[0] ?? 'killed');
    select.replaceChildren(...categories.map((c) => html('option', { value: c }, c)));
    select.value = this.category;
    this.drawSeries();
  }

  private drawSeries(): void {
    const factions = new Map(this.campaign.factions.map((f) => [f.id, f]));
    const blocs = new Map(this.campaign.blocs.map((b) => [b.id, b]));
    const used = new Set<string>();
    const lines: SeriesLine[] = this.series.series
      .filter((s) => s.category === this.category && s.days.some((d) => d.preferred))
      .map((s, i) => {
        const faction = factions.get(s.side);
        let color =
          s.side === 'civilians' ? '#455a64' : (blocs.get(faction?.bloc ?? '')?.color ?? SIDE_COLOURS[i % SIDE_COLOURS.length]);
        if (used.has(color)) color = SIDE_COLOURS[i % SIDE_COLOURS.length];
        used.add(color);
        return { side: s.side, label: faction?.name ?? s.side, color, days: s.days };
      });
    this.chart.setSeries(lines);
    this.chart.markChanged(this.seriesNow ? figuresChanged(this.series, this.seriesNow, this.category) : new Set());
    this.chart.draw(this.until ? this.clock.dayOf(Date.parse(this.until) - 1) : undefined);
  }

  /** Marks what differs from the record now when the replay shows an earlier state of knowledge. */
  private async refreshDiff(): Promise<void> {
    const list = byId('changes');
    const knownAt = this.link.knownAt;
    if (!knownAt || !this.until) {
      this.map.markChanged(new Map());
      list.replaceChildren();
      return;
    }
    const run = ++this.diffRun;
    const until = this.until;
    try {
      const changed = await placesChangedSince(this.campaign.campaignId, until, knownAt, this.link.operation);
      if (run !== this.diffRun) return;
      this.map.markChanged(changed);
      list.replaceChildren(
        ...[...changed].map(([place, why]) =>
          html(
            'li',
            { 'data-place': place },
            html('strong', {}, this.map.place(place)?.name ?? place),
            ` ${why.replace(/ → now .*/, '')} → `,
            html('span', { class: 'now' }, why.replace(/.* → /, '')),
          ),
        ),
      );
      if (!changed.size) list.append(html('li', { class: 'empty' }, 'No place differs at this hour from what is known now.'));
    } catch (error) {
      if (run === this.diffRun) this.status(`As known at: ${(error as Error).message}`, true);
    }
  }

  // --- controls

  private wireControls(): void {
    byId('play').addEventListener('click', () => void this.togglePlay());
    byId('step').addEventListener('click', () => void this.step(1));
    byId('step-back').addEventListener('click', () => void this.step(-1));
    byId<HTMLSelectElement>('speed').addEventListener('change', (e) => {
      this.link.speed = Number((e.target as HTMLSelectElement).value);
      void this.client.speed(this.link.speed);
      this.scheduleLink();
    });
    const timeline = byId<HTMLInputElement>('timeline');
    timeline.addEventListener(
      'change',
      () =>
        this.replay &&
        void this.goTo(Date.parse(this.replay.from) + Number(timeline.value) * HOUR).catch((e) =>
          this.status(String(e.message), true),
        ),
    );
    byId<HTMLSelectElement>('campaign').addEventListener('change', (e) => {
      this.link = { campaign: (e.target as HTMLSelectElement).value, speed: this.link.speed };
      this.details.close();
      void this.openCampaign(this.link.campaign!);
    });
    byId<HTMLSelectElement>('operation').addEventListener('change', (e) => {
      this.link.operation = (e.target as HTMLSelectElement).value || undefined;
      void this.startReplay(this.at || undefined);
    });
    byId<HTMLSelectElement>('category').addEventListener('change', (e) => {
      this.category = (e.target as HTMLSelectElement).value;
      this.drawSeries();
    });
    byId<HTMLFormElement>('known-at-form').addEventListener('submit', (e) => {
      e.preventDefault();
      const value = byId<HTMLInputElement>('known-at').value.trim();
      if (value && parseKnownAt(value) === undefined)
        return this.status(
          'As known at: enter a log position (a whole number) or an ISO instant such as 2024-12-05T12:00:00Z.',
          true,
        );
      this.link.knownAt = value || undefined;
      void this.startReplay(this.at || undefined);
    });
    byId('known-at-clear').addEventListener('click', () => {
      byId<HTMLInputElement>('known-at').value = '';
      this.link.knownAt = undefined;
      void this.startReplay(this.at || undefined);
    });
    byId('copy-link').addEventListener('click', () => {
      const input = byId<HTMLInputElement>('share');
      input.select();
      void navigator.clipboard?.writeText(input.value).then(
        () => this.status('Link copied.'),
        () => undefined,
      );
    });
    document.addEventListener('keydown', (e) => this.onKey(e));
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape') return this.details.close();
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea') || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ' && !target.closest('button')) {
      e.preventDefault();
      void this.togglePlay();
    } else if (e.key === 'ArrowRight' || e.key === 'ArrowLeft') {
      e.preventDefault();
      void this.step((e.key === 'ArrowRight' ? 1 : -1) * (e.shiftKey ? 24 : 1));
    }
  }

  private async togglePlay(): Promise<void> {
    if (!this.replay) return;
    if (this.playing) {
      this.setPlaying(false);
      await this.client.pause();
      return;
    }
    if (this.ended) await this.goTo(Date.parse(this.replay.from));
    this.ended = false;
    this.setPlaying(true);
    await this.client.play();
  }

  private async step(hours: number): Promise<void> {
    if (!this.replay) return;
    if (this.playing) {
      this.setPlaying(false);
      await this.client.pause();
    }
    await this.client.step(hours).catch((e) => this.status(String(e.message), true));
  }

  private setPlaying(playing: boolean): void {
    this.playing = playing;
    const button = byId('play');
    button.textContent = playing ? 'Pause' : 'Play';
    button.setAttribute('aria-pressed', String(playing));
  }

  private dayMarks(): void {
    if (!this.replay) return;
    const marks = byId('day-marks');
    const from = Date.parse(this.replay.from);
    const span = Date.parse(this.replay.to) - from;
    const every = span > 60 * 24 * HOUR ? 14 : 7;
    const out: HTMLElement[] = [];
    for (let t = from, i = 0; t < from + span; t += 24 * HOUR, i++) {
      if (i % every) continue;
      const label = html('span', {}, this.clock.dayOf(t).slice(5));
      const percent = ((t - from) / span) * 100;
      label.style.left = `${percent}%`;
      label.style.transform = `translateX(-${percent}%)`;
      out.push(label);
    }
    marks.replaceChildren(...out);
  }

  private scheduleLink(): void {
    if (this.linkTimer !== undefined) return;
    this.linkTimer = window.setTimeout(() => {
      this.linkTimer = undefined;
      const state: LinkState = {
        campaign: this.campaign.campaignId,
        operation: this.link.operation,
        at: this.at || undefined,
        speed: this.link.speed,
        knownAt: this.link.knownAt,
        place: this.selected,
      };
      const url = linkTo(state, window.location);
      history.replaceState(null, '', url);
      byId<HTMLInputElement>('share').value = url;
    }, 250);
  }

  private status(text: string, error = false): void {
    const status = byId('status');
    status.textContent = text;
    status.classList.toggle('error', error);
  }
}

function parseKnownAt(value: string | undefined): string | number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value);
  return Number.isNaN(Date.parse(value)) || !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? undefined : value;
}
