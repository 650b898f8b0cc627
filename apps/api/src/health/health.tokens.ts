/** Store readiness and how far the read models trail the log. */
export const SERVICE_HEALTH = Symbol('ServiceHealth');
