/** The control, casualty and territory views: one fold of the log per campaign and the queries over it. */
export { TimelineViews, type ViewsCapture } from './timeline-views';
export { NOW, type KnownAt } from './known-at';
export {
  CatalogView,
  type CampaignEntry,
  type Faction,
  type PlaceEntry,
  type PublisherEntry,
  type Recorded,
  type SourceEntry,
} from './catalog.view';
export { CampaignLedger } from './campaign-ledger';
export { sourceRef, type SourceRef } from './source-ref';
export { isEditorial, type ClaimRecord, type ClaimVersion } from './claim-history';
export { casualtyKey } from './claim-indexes';
export { SNAPSHOT_FORMAT, type SnapshotLine } from './snapshot-format';
export {
  entryAt,
  placeStateAt,
  placeTimeline,
  type PendingChange,
  type PlaceState,
  type PlaceTimeline,
  type TimelineEntry,
} from './control';
export {
  controlAt,
  controlDays,
  controlSteps,
  endOfDay,
  placeHistory,
  type ControlDay,
  type ControlView,
} from './control.queries';
export {
  campaignDays,
  casualtyFigure,
  type CasualtyCandidate,
  type CasualtyFigure,
  type CasualtyFilter,
  type Group,
  type Preferred,
} from './casualties';
export { placesPassing, type BoundingBox, type PlaceFilter } from './control-filter';
export { casualtiesOn, casualtySeries } from './casualty.queries';
export { territoryOn, type FactionTerritory } from './territory.queries';
export {
  auditCasualties,
  auditControl,
  auditTerritory,
  type Audit,
  type AuditOrder,
  sourceImpact,
  type AuditEntry,
  type CasualtyFigureName,
} from './audit.queries';
export { possibleConflicts, type PossibleConflict } from './conflicts.queries';
export { controlGeoJson } from './export.queries';
export { ACLED_COLUMNS, ACLED_TABLE_COLUMNS, CLAIM_COLUMNS, acledLines } from './tables/acled.table';
export { UCDP_COLUMNS, UCDP_TABLE_COLUMNS, ucdpLines } from './tables/ucdp.table';
export { unreportedRevisions } from './tables/claim-rows';
export { csvCell, csvLine, parseCsv } from './tables/csv';
export { listClaims, type ClaimFilter, type ClaimRow } from './claims-list.queries';
export type { Count } from './counts';
export { lastAtOrBefore } from './sorted-search';
export { controlledPlaces, coveredPlaces, coveringAreas, placesOfControl } from './coverage';
