import { FADE_AFTER_DAYS } from './age';
import { campaignPath, getJson } from './api';
import { figureAuditSubject, placeAuditSubject } from './audit-subjects';
import { CampaignChoice } from './campaign-choice';
import { CasualtyPanel } from './casualty-panel';
import { ClaimRecords } from './claim-records';
import { Details, type DetailContext } from './details';
import { byId } from './dom';
import { FadeControl } from './fade-control';
import { ClaimFeed } from './feed';
import { HourOnScreen } from './hour-on-screen';
import { KnownAtPanel, parseKnownAt } from './known-at-panel';
import { LearnedLaterPanel } from './learned-later-panel';
import type { LinkState } from './link';
import { legend } from './legend';
import { CampaignMap } from './map';
import { PastViews } from './past-views';
import { placeSubject } from './place-panel';
import { Playback } from './playback';
import { ReplayClient, type StartedReplay } from './replay-client';
import { ShareLink } from './share-link';
import { StatusBar } from './status-bar';
import { CampaignClock } from './time';
import { ViewModeSwitch } from './view-mode';
import type { AuditOrder, Campaign, CampaignSummary, Place } from './types';

/**
 * The replay viewer: one campaign, one replay session over the socket protocol, and the views it
 * asks over HTTP for what the frames do not carry (history, audits, series, "as known at", what
 * the world learned later). The session shows each hour as known now or as reported at the time.
 * Each part of the page keeps its own elements; this wires them to the session and to each other.
 */
export class Viewer {
  private readonly status = new StatusBar();
  private readonly map = new CampaignMap(byId('map') as unknown as SVGSVGElement, (id) => void this.selectPlace(id));
  private readonly feed = new ClaimFeed(() => this.publisherNames);
  private readonly hour = new HourOnScreen(this.map, this.feed);
  /** The views of the past the page asks for, within the service's budget for it. */
  private readonly pastViews = new PastViews();
  private readonly details = new Details(this.pastViews);
  private readonly claims = new ClaimRecords();
  private readonly casualties = new CasualtyPanel(
    this.hour,
    this.status,
    this.pastViews,
    (side, category, day) =>
      void this.details.show(figureAuditSubject({ side, category, day }, this.claims, this.chooseOrder), this.context()),
  );
  private readonly knownAt = new KnownAtPanel(this.map, this.status, this.pastViews, (knownAt) => {
    this.link.knownAt = knownAt;
    void this.startReplay(this.hour.at || undefined);
  });
  private readonly learnedLater = new LearnedLaterPanel(this.claims);
  private readonly viewMode = new ViewModeSwitch((view) => {
    this.link.view = view === 'reported' ? 'reported' : undefined;
    this.status.show(
      view === 'reported'
        ? 'Replaying as reported at the time: each hour shows only what had been published by its end.'
        : 'Replaying as known now.',
    );
    void this.startReplay(this.hour.at || undefined);
  });
  private readonly share = new ShareLink(() => this.linkState(), this.status);
  private readonly fade = new FadeControl((days) => {
    this.link.fade = days;
    this.map.fadeAfter(days);
    if (this.campaign) legend(this.campaign.blocs, days);
    this.share.schedule();
  });
  private readonly client = new ReplayClient({
    snapshot: (m) => {
      this.hour.snapshot(m, this.clock, this.campaign.blocs);
      this.afterMove();
    },
    frame: (m) => {
      this.hour.frame(m, this.clock, this.campaign.blocs);
      this.afterMove();
    },
    correction: (m) => {
      if (m.control) this.map.apply(m.control);
      this.feed.prepend('correction', m.claim, m.claimId, this.clock, (id) => this.map.place(id)?.name);
      void this.casualties.refresh(this.link);
    },
    live: (m) => this.feed.prepend('live', m.claim, m.claim.claimId, this.clock, (id) => this.map.place(id)?.name),
    end: () => {
      this.playback.end();
      this.status.show('The replay reached the end of its window.');
    },
    connection: (state) => this.status.connection(state),
  });
  private readonly playback = new Playback(this.client, this.status, (speed) => {
    this.link.speed = speed;
    this.share.schedule();
  });
  private readonly choice = new CampaignChoice({
    campaign: (campaignId) => {
      this.link = { campaign: campaignId, speed: this.link.speed, fade: this.link.fade, view: this.link.view };
      this.details.close();
      void this.openCampaign(campaignId);
    },
    operation: (operationId) => {
      this.link.operation = operationId;
      void this.startReplay(this.hour.at || undefined);
    },
  });
  /** Set by `openCampaign` before the first session starts, so before any message arrives. */
  private campaign!: Campaign;
  private clock!: CampaignClock;
  private publisherNames = new Map<string, string>();
  private selected: string | undefined;
  /** Whether the session on screen shows each hour as reported at the time, as its start was acknowledged. */
  private asReported = false;
  /** Counts the sessions asked for, so a start overtaken by a later one goes no further. */
  private starts = 0;
  /** The order the reader chose for audits; until then, report order in a replay as reported. */
  private auditOrder: AuditOrder | undefined;

  constructor(private link: LinkState) {
    byId('learned-later').addEventListener('click', () => {
      if (this.playback.started && this.hour.until) void this.details.show(this.learnedLater, this.context());
    });
  }

  /** Opens the campaign the link names, else the first; what stops it is said in the status line. */
  async open(): Promise<void> {
    try {
      await this.openChosen();
    } catch (error) {
      this.status.show(`The viewer could not load: ${(error as Error).message}`, true);
    }
  }

  private async openChosen(): Promise<void> {
    const campaigns = await getJson<CampaignSummary[]>('/campaigns');
    const chosen = this.choice.list(campaigns, this.link.campaign);
    if (chosen === undefined) return this.status.show('No campaign is recorded yet.', true);
    const publishers = await getJson<{ publisher: string; name: string }[]>('/publishers').catch(() => []);
    this.publisherNames = new Map(publishers.map((p) => [p.publisher, p.name]));
    await this.openCampaign(chosen);
  }

  private async openCampaign(campaignId: string): Promise<void> {
    const base = campaignPath(campaignId);
    const [campaign, places] = await Promise.all([getJson<Campaign>(base), getJson<Place[]>(`${base}/places`)]);
    this.campaign = campaign;
    this.clock = new CampaignClock(campaign.timeZone);
    this.casualties.open(campaign, this.clock);
    this.map.setCampaign(campaign, this.clock, places);
    const fadeAfter = this.fade.show(this.link.fade);
    this.map.fadeAfter(fadeAfter);
    legend(campaign.blocs, fadeAfter);
    this.link.operation = this.choice.listOperations(campaign.operations, this.link.operation);
    this.knownAt.show(this.link.knownAt);
    this.viewMode.show(this.link.view === 'reported' ? 'reported' : 'known');
    this.playback.showSpeed(this.link.speed);
    await this.startReplay(this.link.at);
    if (this.link.place && this.map.place(this.link.place)) void this.selectPlace(this.link.place);
  }

  /**
   * Starts a fresh session (paused), at `at` if given: a shared link opens on its hour. A start
   * asked for while an earlier one is under way supersedes it: the earlier stops where it is.
   */
  private async startReplay(at?: string): Promise<void> {
    const start = ++this.starts;
    this.playback.reset();
    let replay: StartedReplay;
    try {
      replay = await this.client.start({
        campaignId: this.campaign.campaignId,
        speed: this.playback.speed,
        operation: this.link.operation,
        knownAt: parseKnownAt(this.link.knownAt),
        paused: true,
        asReported: this.link.view === 'reported',
      });
    } catch (error) {
      if (start === this.starts) this.status.show(`Cannot start the replay: ${(error as Error).message}`, true);
      return;
    }
    if (start !== this.starts) return;
    this.asReported = replay.asReported;
    this.viewMode.announce(this.asReported);
    this.playback.begin(replay, this.clock);
    this.knownAt.pin(replay.pinnedPosition, this.link.knownAt);
    await this.casualties.refresh(this.link);
    if (start !== this.starts) return;
    if (at && Date.parse(at) >= Date.parse(replay.from) && Date.parse(at) < Date.parse(replay.to))
      await this.playback
        .goTo(Date.parse(at))
        .catch((error: Error) => start === this.starts && this.status.show(error.message, true));
  }

  /** What follows the hour on screen once a message has moved it. */
  private afterMove(): void {
    if (!this.playback.started) return;
    this.playback.showHour(this.hour.at);
    this.casualties.draw();
    this.share.schedule();
    this.knownAt.showDifferences(this.context());
    this.details.follow(this.context());
  }

  private async selectPlace(placeId: string): Promise<void> {
    const place = this.map.place(placeId);
    if (!place) return;
    this.selected = placeId;
    this.map.select(placeId);
    this.share.schedule();
    const audit = () => void this.details.show(placeAuditSubject(place, this.claims, this.chooseOrder), this.context());
    await this.details.show(
      placeSubject(place, () => this.map.storyOf(placeId), audit),
      this.context(),
    );
  }

  /** The reader chose the order of audits: it holds for every audit from now on. */
  private readonly chooseOrder = (order: AuditOrder): void => {
    this.auditOrder = order;
    void this.details.redraw(this.context());
  };

  private context(): DetailContext {
    const reportedBy = this.asReported && this.hour.until ? this.hour.until : undefined;
    return {
      campaignId: this.campaign.campaignId,
      clock: this.clock,
      knownAt: this.link.knownAt,
      operation: this.link.operation,
      until: this.hour.until,
      reportedBy,
      order: this.auditOrder ?? (reportedBy ? 'reported' : 'log'),
      names: this.map.names,
      publisher: (id) => (id ? (this.publisherNames.get(id) ?? id) : 'unattributed'),
    };
  }

  private linkState(): LinkState {
    return {
      campaign: this.campaign.campaignId,
      operation: this.link.operation,
      at: this.hour.at || undefined,
      speed: this.link.speed,
      knownAt: this.link.knownAt,
      place: this.selected,
      fade: this.link.fade === FADE_AFTER_DAYS ? undefined : this.link.fade,
      view: this.link.view,
    };
  }
}
