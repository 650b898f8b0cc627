/** Synthetic campaigns of any size, for benchmarks and load tests. */
export * from './synthetic-campaign';
export * from './synthetic-log';
