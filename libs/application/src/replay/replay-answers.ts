import type { HourlyReplay } from '@timeline/replay';

/** What a client is told of the replay it started, resumed or joined. */
export function describePlan(plan: HourlyReplay) {
  return {
    from: new Date(plan.scope.from).toISOString(),
    to: new Date(plan.scope.to).toISOString(),
    frames: plan.hours,
    pinnedPosition: plan.pinnedPosition,
    asReported: plan.asReported,
  };
}
