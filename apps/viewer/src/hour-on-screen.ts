import { underWayAfter, underWayAt, type ChangesUnderWay } from './changes-under-way';
import { byId } from './dom';
import type { ClaimFeed } from './feed';
import type { CampaignMap } from './map';
import { claimsWithin, type OperationScope } from './operation-scope';
import type { CampaignClock } from './time';
import type { Bloc, Frame, Snapshot } from './types';

const HOUR = 3_600_000;

/**
 * The hour on screen, [at, until), as the replay's messages set it: the map's state at its end
 * with the changes under way then, the clock above the map, the places each bloc holds below it
 * and the claims of the hour.
 */
export class HourOnScreen {
  /** Before the first frame, the hour ending at the snapshot's instant; '' before any snapshot. */
  at = '';
  until = '';
  private readonly clockOutput = byId('clock');
  private readonly placesHeld = byId('summary');
  private underWay: ChangesUnderWay = new Map();
  /** The operation chosen: the feed lists its claims only. */
  operation: OperationScope | undefined;

  constructor(
    private readonly map: CampaignMap,
    private readonly feed: ClaimFeed,
  ) {}

  snapshot(m: Snapshot, clock: CampaignClock, blocs: Bloc[]): void {
    this.map.reset(m.control);
    this.underWay = underWayAt(m.pending);
    this.map.moveTo(m.at, this.underWay, new Map());
    this.at = new Date(Date.parse(m.at) - HOUR).toISOString();
    this.until = m.at;
    this.clockOutput.textContent = `at ${clock.instant(m.at)}`;
    this.clockOutput.dataset.at = m.at;
    this.showPlacesHeld(m.summary.byBloc, blocs);
  }

  frame(m: Frame, clock: CampaignClock, blocs: Bloc[]): void {
    this.map.learn([...m.claims, ...m.opening]);
    this.map.apply(m.control);
    const notes = new Map<string, string>();
    for (const claim of m.claims)
      if (claim.place && clock.isUncertain(claim.time)) notes.set(claim.place, `changed ${clock.interval(claim.time)}`);
    this.underWay = underWayAfter(this.underWay, m);
    this.map.moveTo(m.until, this.underWay, notes);
    this.at = m.at;
    this.until = m.until;
    this.clockOutput.textContent = clock.hourSpan(m.at, m.until);
    this.clockOutput.dataset.at = m.at;
    this.showPlacesHeld(m.summary.byBloc, blocs);
    this.feed.show(clock.hourSpan(m.at, m.until), claimsWithin(m, this.operation), clock, (id) => this.map.place(id)?.name);
  }

  private showPlacesHeld(byBloc: Record<string, number>, blocs: Bloc[]): void {
    const names = new Map(blocs.map((b) => [b.id, b.name]));
    const parts = Object.entries(byBloc)
      .sort((a, b) => b[1] - a[1])
      .map(([bloc, n]) => `${names.get(bloc) ?? bloc}: ${n}`);
    this.placesHeld.textContent = parts.length
      ? `Places held — ${parts.join(' · ')}`
      : 'No place is held by anyone yet in this record.';
  }
}
