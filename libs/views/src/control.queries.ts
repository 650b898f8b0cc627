import { addDays, dayBounds } from '@timeline/domain';
import { campaignDays } from './casualties';
import { placeStateAt, type PlaceState, type PlaceTimeline } from './control';
import type { CampaignLedger } from './campaign-ledger';
import type { ClaimVersion } from './claim-history';
import { controlledPlaces } from './coverage';
import type { KnownAt } from './known-at';
import type { TimelineViews } from './timeline-views';

export interface ControlView {
  campaignId: string;
  at: string;
  knownAt: number | null;
  places: PlaceState[];
  summary: { byBloc: Record<string, number>; byStatus: Record<string, number> };
}

/**
 * The bloc holding a place in a state: its controller's (contested places may have none, a
 * vacated place has none); undefined while nothing is in effect for the place.
 */
export function holderBloc(state: PlaceState | undefined): string | null | undefined {
  if (!state || state.status === null) return undefined;
  return state.status !== 'vacated' ? state.bloc : null;
}

/** Every place's state at instant `at` as known at knownAt, with the counts per bloc and status. */
export function controlAt(
  views: TimelineViews,
  ledger: CampaignLedger,
  at: number,
  knownAt: KnownAt,
  operation?: string,
): ControlView {
  return views.memo(ledger, `control|${at}|${operation ?? ''}`, knownAt, () =>
    computeControlAt(views, ledger, at, knownAt, operation),
  );
}

function computeControlAt(
  views: TimelineViews,
  ledger: CampaignLedger,
  at: number,
  knownAt: KnownAt,
  operation?: string,
): ControlView {
  const steps = controlSteps(views, ledger, at, knownAt, operation);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The control view a place at a time: it yields after each place, so a caller computing a view
 * of the past — which no cache answers — can let other requests run in between.
 */
export function* controlSteps(
  views: TimelineViews,
  ledger: CampaignLedger,
  at: number,
  knownAt: KnownAt,
  operation?: string,
): Generator<void, ControlView> {
  const places: PlaceState[] = [];
  for (const place of controlledPlaces(ledger, knownAt)) {
    const state = placeStateAt(ledger, place, views.timeline(ledger, place, knownAt, operation), at, knownAt);
    if (state) places.push(state);
    yield;
  }
  const byBloc: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const state of places) {
    const bloc = holderBloc(state);
    if (bloc) byBloc[bloc] = (byBloc[bloc] ?? 0) + 1;
    if (state.status) byStatus[state.status] = (byStatus[state.status] ?? 0) + 1;
  }
  return {
    campaignId: ledger.campaign.campaignId,
    at: new Date(at).toISOString(),
    knownAt: null,
    places,
    summary: { byBloc, byStatus },
  };
}

export function endOfDay(ledger: CampaignLedger, day: string): number {
  return dayBounds(day, ledger.campaign.timeZone).end;
}

export interface ControlDay {
  day: string;
  byBloc: Record<string, number>;
  gained: Record<string, number>;
  lost: Record<string, number>;
}

/**
 * Per day of the campaign: places held per bloc at the day's end, and gained and lost that day.
 * A place's first state is no gain: only a change from one holder to another counts.
 */
export function controlDays(views: TimelineViews, ledger: CampaignLedger, knownAt: KnownAt, operation?: string): ControlDay[] {
  const days = campaignDays(ledger);
  const timelines = controlledPlaces(ledger, knownAt).map((place) => ({
    place,
    timeline: views.timeline(ledger, place, knownAt, operation),
  }));
  const holderAt = (timeline: PlaceTimeline, place: string, at: number) =>
    holderBloc(placeStateAt(ledger, place, timeline, at, knownAt));
  let previous = new Map(
    timelines.map(({ place, timeline }) => [
      place,
      holderAt(timeline, place, endOfDay(ledger, addDays(ledger.campaign.window.from, -1))),
    ]),
  );
  return days.map((day) => {
    const end = endOfDay(ledger, day);
    const byBloc: Record<string, number> = {};
    const gained: Record<string, number> = {};
    const lost: Record<string, number> = {};
    const current = new Map<string, string | null | undefined>();
    for (const { place, timeline } of timelines) {
      const bloc = holderAt(timeline, place, end);
      current.set(place, bloc);
      if (bloc) byBloc[bloc] = (byBloc[bloc] ?? 0) + 1;
      const before = previous.get(place);
      if (before !== undefined && bloc !== undefined && bloc !== before) {
        if (bloc) gained[bloc] = (gained[bloc] ?? 0) + 1;
        if (before) lost[before] = (lost[before] ?? 0) + 1;
      }
    }
    previous = current;
    return { day, byBloc, gained, lost };
  });
}

/**
 * A place's control over valid time: each change of state, with the claims and sources behind
 * it. A state inferred before the first report comes first, with `at` null.
 */
export function placeHistory(views: TimelineViews, ledger: CampaignLedger, place: string, knownAt: KnownAt) {
  const timeline = views.timeline(ledger, place, knownAt);
  return timeline.entries
    .filter((entry, i) => entry.runStart === i)
    .map((entry) => {
      const { state } = entry;
      return {
        at: Number.isFinite(entry.to) ? new Date(entry.to).toISOString() : null,
        status: state.status,
        controller: state.controller,
        contestedBy: state.contestedBy ?? null,
        besiegedBy: state.besiegedBy ?? null,
        vacatedBy: state.vacatedBy ?? null,
        bloc: ledger.bloc(state.controller),
        ...(entry.inferred ? { inferred: true } : {}),
        claims: entry.basis.map((c) => ({
          claimId: c.claimId,
          ...(c.area ? { area: c.area } : {}),
          time: c.version.claim.time,
          reportedAt: reportedAtIso(ledger, c.version, knownAt),
          quote: c.version.claim.quote,
          sources: c.version.claim.sources.map((sourceId) => ({
            sourceId,
            publisher: ledger.sources.get(sourceId)?.publisher ?? null,
          })),
        })),
      };
    });
}

/** When a claim version was publicly reported, as an ISO instant; null when no source of it is dated. */
function reportedAtIso(ledger: CampaignLedger, version: ClaimVersion, knownAt: KnownAt): string | null {
  const reportedAt = ledger.reportedAtOf(version, knownAt);
  return reportedAt === null ? null : new Date(reportedAt).toISOString();
}
