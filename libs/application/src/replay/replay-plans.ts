import type { ReplayStart } from '@timeline/contracts';
import { dayBounds, DomainError, isCalendarDate } from '@timeline/domain';
import { floorToLocalHour, HOUR, ReplayPlan, ReportedReplayPlan, type HourlyReplay } from '@timeline/replay';
import type { ServingViews } from '../serving-views';

const MAX_PLANS = 50;

/**
 * Plans for replay requests. They are shared between sessions that ask for the same thing at the
 * same pinned position, so a thousand viewers of one link cost one plan.
 */
export class ReplayPlans {
  private readonly plans = new Map<string, HourlyReplay>();

  constructor(private readonly serving: ServingViews) {}

  /** A plan for the request, pinned at `pinnedPosition` (default: the log now). */
  async plan(request: ReplayStart, pinnedPosition?: number): Promise<HourlyReplay> {
    const { views, ledger } = await this.serving.forCampaign(request.campaignId);
    const zone = ledger.campaign.timeZone;
    const instant = (bound: string, end: boolean) =>
      isCalendarDate(bound) ? dayBounds(bound, zone)[end ? 'end' : 'start'] : Date.parse(bound);
    const from = floorToLocalHour(instant(request.from ?? ledger.campaign.window.from, false), zone);
    const to = instant(request.to ?? ledger.campaign.window.to, true);
    if (to <= from) throw DomainError.invalid('the replay window is empty', [{ path: 'to', message: 'must be after from' }]);
    if ((to - from) / HOUR > 24 * 366)
      throw DomainError.invalid('the replay window is too long', [{ path: 'to', message: 'at most a year of hours' }]);
    const pinned = pinnedPosition ?? (request.knownAt !== undefined ? views.knownAtPosition(request.knownAt) : views.position);
    const asReported = request.asReported === true;
    const key = JSON.stringify([request.campaignId, from, to, request.operation, request.places, pinned, asReported]);
    const cached = this.plans.get(key);
    if (cached && cached.pinnedPosition === pinned) return cached;
    const scope = { campaignId: request.campaignId, from, to, operation: request.operation, places: request.places };
    const plan = asReported ? new ReportedReplayPlan(views, ledger, scope, pinned) : new ReplayPlan(views, ledger, scope, pinned);
    const oldest = this.plans.keys().next();
    if (this.plans.size > MAX_PLANS && !oldest.done) this.plans.delete(oldest.value);
    this.plans.set(key, plan);
    return plan;
  }

  /** The campaign's zone, in which days given to `seek` are read. */
  timeZoneOf(campaignId: string): string {
    return this.serving.current.ledger(campaignId)?.campaign.timeZone ?? 'UTC';
  }
}
