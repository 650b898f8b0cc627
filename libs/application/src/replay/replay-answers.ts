import type { ReplayPlan } from '@timeline/replay';

/** What a client is told of the replay it started, resumed or joined. */
export function describePlan(plan: ReplayPlan) {
  return {
    from: new Date(plan.scope.from).toISOString(),
    to: new Date(plan.scope.to).toISOString(),
    frames: plan.hours,
    pinnedPosition: plan.pinnedPosition,
  };
}
