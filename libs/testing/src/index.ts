/** Fixtures for tests: a campaign log built event by event. Never imported by the service. */
export * from './test-log';
export * from './decider-spec';
