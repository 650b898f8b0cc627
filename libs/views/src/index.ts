/** The control, casualty and territory views: one fold of the log per campaign and the queries over it. */
export { TimelineViews } from './timeline-views';
export { NOW, type KnownAt } from './known-at';
export { CatalogView, type CampaignEntry } from './catalog.view';
export { CampaignLedger } from './campaign-ledger';
export type { ClaimVersion } from './claim-history';
export { casualtyKey } from './claim-indexes';
export { SNAPSHOT_FORMAT, type SnapshotLine } from './snapshot-format';
export { entryAt, placeStateAt, type PlaceState, type TimelineEntry } from './control';
export { controlAt, controlDays, endOfDay, placeHistory } from './control.queries';
export { campaignDays, casualtyFigure, type CasualtyCandidate, type Group } from './casualties';
export { casualtiesOn, casualtySeries } from './casualty.queries';
export { territoryOn } from './territory.queries';
export { auditCasualties, auditControl, auditTerritory, sourceImpact, type CasualtyFigureName } from './audit.queries';
export { possibleConflicts } from './conflicts.queries';
export { claimsCsv, controlGeoJson } from './export.queries';
export { listClaims, type ClaimFilter, type ClaimRow } from './claims-list.queries';
export type { Count } from './counts';
export { lastAtOrBefore } from './sorted-search';
