/** Replay plans: a campaign's hours as frames, computed once per pinned log position. */
export * from './frame.types';
export { ReplayPlan, type ReplayScope } from './replay-plan';
export { frameClaim, placeFrameState, casualtyFrameFigure } from './frame-mappers';
export { correctionFor } from './correction';
export { HOUR, floorToLocalHour } from './local-hour';
export * from './claim-summary';
