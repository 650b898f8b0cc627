/** Control, casualty and territory views at a knownAt. */
export const VIEW_QUERIES = Symbol('ViewQueries');
/** Which events made a figure what it is; possible conflicts. */
export const AUDIT_QUERIES = Symbol('AuditQueries');
/** A campaign as ndjson, csv or GeoJSON. */
export const CAMPAIGN_EXPORT = Symbol('CampaignExport');
