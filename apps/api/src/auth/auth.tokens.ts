/** The API keys writes are checked against (hashed). */
export const API_KEYS = Symbol('ApiKeys');
/** How many writes a key may make per window. */
export const RATE_LIMITER = Symbol('RateLimiter');
/** How many expensive reads a client without a key may make per window. */
export const READ_BUDGET = Symbol('ReadBudget');
