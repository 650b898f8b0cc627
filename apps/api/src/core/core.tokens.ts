/** The service's `Timeline`: its store and use cases, opened by bootstrap. */
export const TIMELINE = Symbol('Timeline');
export const APP_CONFIG = Symbol('AppConfig');
/** The Redis connection, or null when the instance runs alone. */
export const REDIS = Symbol('Redis');
/** Whether Redis is usable (`RedisState`), for the health report. */
export const REDIS_STATE = Symbol('RedisState');
