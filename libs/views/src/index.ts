/** The control, casualty and territory views: one fold of the log per campaign and the queries over it. */
export * from './timeline-views';
export * from './ledger';
export * from './control';
export * from './control.queries';
export * from './casualties';
export * from './casualty.queries';
export * from './territory.queries';
export * from './audit.queries';
export * from './conflicts.queries';
export * from './export.queries';
export * from './claims-list.queries';
export * from './counts';
export * from './sorted-search';
