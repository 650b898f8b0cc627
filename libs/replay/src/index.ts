/** Replay plans: a campaign's hours as frames, computed once per pinned log position. */
export * from './replay-plan';
export * from './claim-summary';
