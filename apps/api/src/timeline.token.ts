/** DI token of the service's `Timeline` (store, read models and use cases). */
export const TIMELINE = Symbol('Timeline');
export const APP_CONFIG = Symbol('AppConfig');
export const REDIS = Symbol('Redis');
