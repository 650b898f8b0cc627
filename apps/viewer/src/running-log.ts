import { campaignSources, listedClaims, logEntry } from './claim-list';
import { logAt, matchesFilter, NO_FILTER, type LogEntry, type LogFilter } from './claim-log';
import { byId, html } from './dom';
import { logLine } from './log-line';
import type { StatusBar } from './status-bar';
import type { CampaignClock } from './time';
import type { Campaign, Place } from './types';
import { CLAIM_TYPES, INCIDENT_KINDS } from '@timeline/domain/vocabulary';

/** How many lines are drawn at first, and how many more each "show more" adds. */
const PAGE = 50;
const TYPES = CLAIM_TYPES;
const KINDS = INCIDENT_KINDS;

/**
 * "Running log": every claim that took effect up to the end of the hour on screen, newest first,
 * under the changes still under way then. The campaign's claims are read once from the claims
 * list, so a seek only moves the instant the log is cut at; a correction or a live claim reads
 * them again. Filters narrow it by type, faction, publisher, operation and place.
 */
export class RunningLog {
  private readonly list = byId<HTMLOListElement>('log');
  private readonly count = byId('log-count');
  private readonly more = byId<HTMLButtonElement>('log-more');
  private readonly choices = {
    type: byId<HTMLSelectElement>('log-type'),
    faction: byId<HTMLSelectElement>('log-faction'),
    publisher: byId<HTMLSelectElement>('log-publisher'),
    operation: byId<HTMLSelectElement>('log-operation'),
  };
  private readonly search = byId<HTMLInputElement>('log-place');
  private entries: LogEntry[] = [];
  private filter: LogFilter = { ...NO_FILTER };
  private until = '';
  private shown = PAGE;
  private clock: CampaignClock | undefined;
  private publisherName: (id: string) => string = (id) => id;
  /** What the list on screen was drawn for: the same key draws the same list. */
  private drawnFor = '';
  private frame: number | undefined;
  /** Counts the readings of the claims, so a late answer for an earlier campaign is dropped. */
  private readings = 0;
  private reading: Promise<void> = Promise.resolve();

  constructor(
    private readonly status: StatusBar,
    private readonly openPlace: (placeId: string) => void,
  ) {
    for (const name of ['type', 'faction', 'publisher', 'operation'] as const) {
      const choice = this.choices[name];
      choice.addEventListener('change', () => this.narrow({ ...this.filter, [name]: choice.value }));
    }
    this.search.addEventListener('input', () => this.narrow({ place: this.search.value }));
    this.more.addEventListener('click', () => {
      this.shown += PAGE;
      this.schedule();
    });
  }

  /** Reads the campaign's claims and offers its factions, publishers and operations to filter by. */
  async open(campaign: Campaign, places: Place[], clock: CampaignClock, publisherName: (id: string) => string): Promise<void> {
    this.clock = clock;
    this.publisherName = publisherName;
    this.entries = [];
    this.until = '';
    this.count.textContent = '';
    this.filter = { ...NO_FILTER };
    this.search.value = '';
    this.reading = this.read(campaign, places);
    await this.reading;
    const publishers = [...new Set(this.entries.flatMap((e) => e.publishers))]
      .map((id) => ({ id, name: publisherName(id) }))
      .sort((a, b) => a.name.localeCompare(b.name));
    offer(this.choices.type, 'All types', [
      ...TYPES.map((t) => ({ id: t, name: t })),
      ...KINDS.filter((k) => this.entries.some((e) => e.kind === k)).map((k) => ({
        id: `incident:${k}`,
        name: `incident: ${k}`,
      })),
    ]);
    offer(this.choices.faction, 'All factions', campaign.factions);
    offer(this.choices.publisher, 'All publishers', publishers);
    offer(
      this.choices.operation,
      'All operations',
      campaign.operations.map((o) => ({ id: o.id, name: o.title })),
    );
    this.schedule();
  }

  /** Reads the claims again: one was corrected, retracted or recorded since. */
  refresh(campaign: Campaign, places: Place[]): void {
    this.reading = this.read(campaign, places);
    void this.reading.then(() => this.schedule());
  }

  /** The campaign's claims, once the reading under way is done. */
  async claims(): Promise<readonly LogEntry[]> {
    await this.reading;
    return this.entries;
  }

  /** Says whether the replay shows another view than the log's, which is always as known now. */
  viewOfReplay(knownNow: boolean): void {
    byId('log-view').hidden = knownNow;
  }

  /** The hour on screen moved: the log is cut at its end. */
  moveTo(until: string): void {
    this.until = until;
    this.schedule();
  }

  private async read(campaign: Campaign, places: Place[]): Promise<void> {
    const reading = ++this.readings;
    try {
      const [claims, sources] = await Promise.all([listedClaims(campaign.campaignId), campaignSources(campaign.campaignId)]);
      if (reading !== this.readings) return;
      const names = {
        campaign,
        places: new Map(places.map((p) => [p.placeId, p])),
        sources: new Map(sources.map((s) => [s.sourceId, s])),
      };
      this.entries = claims.map((claim) => logEntry(claim, names));
      this.drawnFor = '';
    } catch (error) {
      this.status.show(`Running log: ${(error as Error).message}`, true);
    }
  }

  private narrow(change: Partial<LogFilter>): void {
    this.filter = { ...this.filter, ...change };
    this.shown = PAGE;
    this.schedule();
  }

  /** Draws at most once a frame, however fast the replay moves. */
  private schedule(): void {
    if (this.frame !== undefined) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = undefined;
      this.draw();
    });
  }

  private draw(): void {
    const clock = this.clock;
    if (!clock) return;
    if (!this.until) {
      this.list.replaceChildren(html('li', { class: 'empty' }, 'Press play, or step an hour.'));
      return;
    }
    const lines = logAt(
      this.entries.filter((e) => matchesFilter(e, this.filter)),
      this.until,
    );
    const drawn = lines.slice(0, this.shown);
    const key = [this.until, lines.length, ...drawn.map((l) => `${l.entry.claimId}${l.underWay ? '~' : ''}`)].join('|');
    if (key === this.drawnFor) return;
    this.drawnFor = key;
    const underWay = lines.filter((l) => l.underWay).length;
    this.count.textContent = `${lines.length - underWay} claims took effect by ${clock.instant(this.until)}${underWay ? `; ${underWay} under way` : ''}.`;
    this.list.replaceChildren(...drawn.map((line) => logLine(line, clock, this.publisherName, this.openPlace)));
    if (!lines.length) this.list.append(html('li', { class: 'empty' }, 'No claim matches by this hour.'));
    this.more.hidden = lines.length <= drawn.length;
    this.more.textContent = `Show ${Math.min(PAGE, lines.length - drawn.length)} more`;
  }
}

function offer(choice: HTMLSelectElement, all: string, options: { id: string; name: string }[]): void {
  choice.replaceChildren(html('option', { value: '' }, all), ...options.map((o) => html('option', { value: o.id }, o.name)));
  choice.value = '';
}
