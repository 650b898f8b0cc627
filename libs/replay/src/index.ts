/** Replay plans: a campaign's hours as frames, computed once per pinned log position. */
export type { Correction, FrameClaimChange } from './frame.types';
export { claimChange } from './claim-change';
export { ReplayPlan, type HourlyReplay } from './replay-plan';
export { ReportedReplayPlan } from './reported-replay-plan';
export { correctionFor } from './correction';
export { HOUR, floorToLocalHour } from './local-hour';
