/** The views' version and lag, and their rebuilds. */
export const PROJECTION_ADMIN = Symbol('ProjectionAdmin');
