/** Replay plans: a campaign's hours as frames, computed once per pinned log position. */
export type { Correction } from './frame.types';
export { ReplayPlan, type HourlyReplay } from './replay-plan';
export { ReportedReplayPlan } from './reported-replay-plan';
export { correctionFor } from './correction';
export { HOUR, floorToLocalHour } from './local-hour';
