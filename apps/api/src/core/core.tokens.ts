/** The service's `Timeline`: its store, read models and commands, opened by bootstrap. */
export const TIMELINE = Symbol('Timeline');
export const APP_CONFIG = Symbol('AppConfig');
/** The Redis connection, or null when the instance runs alone. */
export const REDIS = Symbol('Redis');
/** The serving views, caught up before each query: what every query use case reads. */
export const SERVING_VIEWS = Symbol('ServingViews');
