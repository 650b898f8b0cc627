/** Fixtures for tests: a campaign log built event by event, and databases of their own on a test PostgreSQL server. Never imported by the service. */
export * from './test-log';
export * from './decider-spec';
export * from './postgres-databases';
