import { FADE_AFTER_DAYS } from './age';
import { campaignPath, getJson } from './api';
import { figureAuditSubject, placeAuditSubject } from './audit-subjects';
import { CampaignChoice } from './campaign-choice';
import { CasualtyPanel } from './casualty-panel';
import type { ChangeNames } from './change-card';
import { ChangeList } from './change-list';
import { ClaimActions } from './claim-actions';
import { ClaimRecords } from './claim-records';
import { DaysPanel } from './days-panel';
import { Details, type DetailContext } from './details';
import { editContext } from './edit-context';
import { EditorSession } from './editor-session';
import { byId } from './dom';
import { FadeControl } from './fade-control';
import { ClaimFeed } from './feed';
import { firstChange } from './first-change';
import { HourOnScreen } from './hour-on-screen';
import { KnownAtPanel, parseKnownAt } from './known-at-panel';
import { LearnedLaterPanel } from './learned-later-panel';
import { LiveChanges } from './live-changes';
import type { LinkState } from './link';
import { legend } from './legend';
import { CampaignMap } from './map';
import { operationScope, type OperationScope } from './operation-scope';
import { PastViews } from './past-views';
import { placeSubject } from './place-panel';
import { Playback } from './playback';
import { RecordTools } from './record-tools';
import { ReplayClient, type StartedReplay } from './replay-client';
import { RunningLog } from './running-log';
import { ShareLink } from './share-link';
import { SignIn } from './sign-in';
import { StatusBar } from './status-bar';
import { CampaignClock } from './time';
import { ViewModeSwitch } from './view-mode';
import type { AuditOrder, Campaign, CampaignSummary, ClaimChange, Place } from './types';

/**
 * The replay viewer: one campaign, one replay session over the socket protocol, and the views it
 * asks over HTTP for what the frames do not carry (history, audits, series, "as known at", what
 * the world learned later). The session shows each hour as known now or as reported at the time.
 * Each part of the page keeps its own elements; this wires them to the session and to each other.
 */
export class Viewer {
  private readonly status = new StatusBar();
  /** An editor's sign-in for this tab; readers never use it. */
  private readonly session = new EditorSession();
  private readonly map = new CampaignMap(byId('map') as unknown as SVGSVGElement, (id) => void this.selectPlace(id));
  private readonly feed = new ClaimFeed(() => this.publisherNames);
  private readonly changes = new ChangeList(() => this.changeNames());
  private readonly liveChanges = new LiveChanges(
    (change) => this.changedLive(change),
    () => void this.placesChangedLive(),
  );
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly hour = new HourOnScreen(this.map, this.feed);
  /** The views of the past the page asks for, within the service's budget for it. */
  private readonly pastViews = new PastViews();
  private readonly details = new Details(this.pastViews);
  private readonly claims = new ClaimRecords();
  private readonly log = new RunningLog(this.status, (id) => void this.selectPlace(id));
  private readonly days = new DaysPanel(
    this.status,
    (instant) => void this.playback.goTo(instant).catch((e: Error) => this.status.show(e.message, true)),
    (id) => void this.selectPlace(id),
  );
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
      this.changes.show(m.change, this.clock);
      this.log.refresh(this.campaign, this.places);
      void this.casualties.refresh(this.casualtyQuery());
    },
    live: (m) => {
      this.feed.prependLive(m.claim, this.clock, (id) => this.map.place(id)?.name);
      this.log.refresh(this.campaign, this.places);
    },
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
      void this.focusOperation().then(() => this.startReplay(this.hour.at || undefined));
    },
  });
  /** Set by `openCampaign` before the first session starts, so before any message arrives. */
  private campaign!: Campaign;
  private clock!: CampaignClock;
  private places: Place[] = [];
  private publisherNames = new Map<string, string>();
  /** The places, claims and days of the operation chosen; undefined for all of them. */
  private scope: OperationScope | undefined;
  private selected: string | undefined;
  /** Whether the session on screen shows each hour as reported at the time, as its start was acknowledged. */
  private asReported = false;
  /** Counts the sessions asked for, so a start overtaken by a later one goes no further. */
  private starts = 0;
  /** The order the reader chose for audits; until then, report order in a replay as reported. */
  private auditOrder: AuditOrder | undefined;

  /** A signed-in editor's forms and conflicts inbox, on the campaign and the hour on screen. */
  private readonly records = new RecordTools(this.session, {
    context: () =>
      this.campaign && {
        campaign: this.campaign,
        clock: this.clock,
        places: this.places,
        day: this.clock.dayOf(this.hour.at || this.campaign.window.from),
        selected: this.selected,
        names: this.map.names,
        publisherName: (id) => (id ? (this.publisherNames.get(id) ?? id) : 'unattributed'),
      },
    placesChanged: (places, placeId) => {
      this.places = places;
      this.map.replacePlaces(places);
      this.map.focus(this.scope?.places);
      void this.selectPlace(placeId);
    },
    recorded: () => {
      this.log.refresh(this.campaign, this.places);
      void this.startReplay(this.hour.at || undefined).then(() => this.details.redraw(this.context()));
    },
    say: (text, error) => this.status.show(text, error),
  });

  constructor(private link: LinkState) {
    this.details.onClose = this.deselect;
    new SignIn(this.session);
    new ClaimActions(
      this.session,
      [byId('log'), byId('feed'), byId('details-body')],
      () =>
        editContext(
          { campaign: this.campaign, places: this.places, publisherNames: this.publisherNames, session: this.session },
          this.edited,
        ),
      (message) => this.status.show(message, true),
    );
    void this.session.resume();
    byId('learned-later').addEventListener('click', () => {
      if (this.playback.started && this.hour.until) void this.details.show(this.learnedLater, this.context());
    });
  }

  /** Opens the campaign the link names, else the one with the most claims; what stops it is said in the status line. */
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
    this.places = places;
    this.changes.clear();
    this.liveChanges.follow(campaignId);
    void this.log.open(campaign, places, this.clock, (id) => this.publisherNames.get(id) ?? id);
    this.casualties.open(campaign, this.clock);
    this.map.setCampaign(campaign, this.clock, places);
    const fadeAfter = this.fade.show(this.link.fade);
    this.map.fadeAfter(fadeAfter);
    legend(campaign.blocs, fadeAfter);
    this.link.operation = this.choice.listOperations(campaign.operations, this.link.operation);
    await this.focusOperation();
    this.knownAt.show(this.link.knownAt);
    this.viewMode.show(this.link.view === 'reported' ? 'reported' : 'known');
    this.playback.showSpeed(this.link.speed);
    await this.startReplay(this.link.at);
    if (this.link.place && this.map.place(this.link.place)) void this.selectPlace(this.link.place);
  }

  /**
   * The operation chosen stands out: the other places dimmed in their colours, the map framed on
   * its places, the timeline kept to its days, the feed to its claims. None chosen shows all.
   */
  private async focusOperation(): Promise<void> {
    const operation = this.link.operation;
    const scope = operation
      ? await operationScope(this.campaign.campaignId, operation, this.clock, this.campaign.window).catch((error: Error) => {
          this.status.show(`Operation: ${error.message}`, true);
          return undefined;
        })
      : undefined;
    if (operation !== this.link.operation) return;
    this.scope = scope;
    this.hour.operation = scope;
    this.map.focus(scope?.places);
    this.map.fit(scope?.places);
  }

  /**
   * Starts a fresh session (paused) and shows one hour of it: `at` if given and within it (a shared
   * link opens on its hour), else its first change. The session covers the whole campaign, or
   * the days of the operation chosen. A start asked for while an earlier one is under way
   * supersedes it: the earlier stops where it is.
   */
  private async startReplay(at?: string): Promise<void> {
    const start = ++this.starts;
    this.playback.reset();
    let replay: StartedReplay;
    try {
      replay = await this.client.start({
        campaignId: this.campaign.campaignId,
        speed: this.playback.speed,
        // every place keeps its state, so those outside the operation are dimmed rather than blank
        from: this.scope?.fromDay,
        to: this.scope?.toDay,
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
    this.log.viewOfReplay(!this.asReported && !this.link.knownAt);
    void this.days.open({
      campaign: this.campaign,
      clock: this.clock,
      window: replay,
      operation: this.link.operation,
      entries: () => this.log.claims(),
      publisherName: (id) => this.publisherNames.get(id) ?? id,
    });
    await this.casualties.refresh(this.casualtyQuery());
    if (start !== this.starts) return;
    const within = at !== undefined && Date.parse(at) >= Date.parse(replay.from) && Date.parse(at) < Date.parse(replay.to);
    const shown = within
      ? at
      : await firstChange(
          this.campaign.campaignId,
          { from: replay.from, to: replay.to, fromDay: this.clock.dayOf(replay.from) },
          this.clock,
          this.link.knownAt,
        ).catch(() => replay.from);
    if (start !== this.starts) return;
    await this.playback
      .goTo(Date.parse(shown))
      .catch((error: Error) => start === this.starts && this.status.show(error.message, true));
  }

  /**
   * A change to the record while no replay is playing: its card at once, then the hour on screen
   * from a session pinned after it (map, claims and figures). A replay playing tells its own
   * changes as its hours reach them; a view "as known at" a past position does not move.
   */
  private changedLive(change: ClaimChange): void {
    if (!this.campaign || this.playback.isPlaying) return;
    this.changes.show(change, this.clock);
    if (this.link.knownAt) return;
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => {
      this.log.refresh(this.campaign, this.places);
      void this.startReplay(this.hour.at || undefined);
    }, 100);
  }

  private changeNames(): ChangeNames {
    return {
      publisher: (id) => (id ? (this.publisherNames.get(id) ?? id) : 'unattributed'),
      place: (id) => this.map.place(id)?.name,
    };
  }

  /** The casualty series of the operation chosen, over its days. */
  private casualtyQuery() {
    const days = this.scope && { from: this.scope.fromDay, to: this.scope.toDay };
    return { operation: this.link.operation, knownAt: this.link.knownAt, days };
  }

  /** What follows the hour on screen once a message has moved it. */
  private afterMove(): void {
    if (!this.playback.started) return;
    this.playback.showHour(this.hour.at);
    this.casualties.draw();
    this.log.moveTo(this.hour.until);
    this.days.moveTo(this.hour.until);
    this.share.schedule();
    this.knownAt.showDifferences(this.context());
    this.details.follow(this.context());
    this.records.follow();
  }

  /** The reader closed the side panel: no place is chosen any more, in the map, the list or the link. */
  private readonly deselect = (): void => {
    if (this.selected === undefined) return;
    this.selected = undefined;
    this.map.select(undefined);
    this.share.schedule();
  };

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

  /** A place was registered or moved, here or in another editor's viewer: the map draws the gazetteer as it now stands. */
  private async placesChangedLive(): Promise<void> {
    const campaignId = this.campaign.campaignId;
    const places = await getJson<Place[]>(`${campaignPath(campaignId)}/places`).catch(() => undefined);
    if (!places || campaignId !== this.campaign.campaignId) return;
    this.places = places;
    this.map.replacePlaces(places);
    this.map.focus(this.scope?.places);
  }

  /** An editor corrected, ranked or retracted a claim: the status line says so and the views on screen are read again. */
  private readonly edited = (message: string): void => {
    this.status.show(message);
    this.log.refresh(this.campaign, this.places);
    void this.casualties.refresh(this.casualtyQuery());
    void this.details.redraw(this.context());
  };

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
