/** The dated reports that changed a state or a figure but came out after an instant. */
export interface LaterReports {
  count: number;
  /** When the first of them was public. */
  first: string;
}

/**
 * Of an audit asked without `reportedBy` (in log order, one entry per event), the changes whose
 * reports were public only after `reportedBy`: what a view as reported by then could not show yet.
 * Undated changes are not counted: no view as reported ever shows them. Undefined when there are none.
 */
export function reportedLater(changes: readonly { reportedAt: string | null }[], reportedBy: string): LaterReports | undefined {
  const by = Date.parse(reportedBy);
  const later = changes
    .map((c) => (c.reportedAt === null ? NaN : Date.parse(c.reportedAt)))
    .filter((t) => t > by)
    .sort((a, b) => a - b);
  const first = later[0];
  return first === undefined ? undefined : { count: later.length, first: new Date(first).toISOString() };
}
