/**
 * The service without its shell: `Timeline` opens the store, keeps the read models folded from
 * it, and hands out the use cases. Apps reach the read models only through those use cases.
 */
export * from './timeline';
export * from './load-campaigns';
export { LOADER_ACTOR, REVISED_DATA, type LoadOutcome } from './shipped-items';
export * from './event-writer';
export * from './campaign-log';
export * from './refusal';
export { readJsonLines } from './snapshot-file';
export { SnapshotWriter, type SnapshotWritten } from './snapshots';
export * from './replay/room-registry';
export type { KnownAtInput } from './serving-views';
export type { ViewScope, DayOrInstant, CasualtyFilter, ViewQueries } from './view.queries';
export { CONTENT_CODINGS, EncodedJson, type ContentCoding, type EncodedBody } from './encoded-json';
export type { AuditQueries } from './audit.queries';
export type { CampaignExport, CampaignExportFile, ExportFormat } from './campaign-export';
export { EXPORT_FORMATS } from './campaign-export';
export type { ClaimQueries, ClaimListFilter } from './claim.queries';
export type { CatalogQueries } from './catalog.queries';
export type { ProjectionAdmin, FoldedLog } from './projection-admin';
export type { RebuildJob } from './projection-versions';
export type { ServiceHealth, HealthReport, RedisState, ReplayActivity, ShellPorts } from './service-health';
export type { LiveFeed } from './live-feed';
export type { Outbox } from './replay/replay-session';
export { SessionMessage } from './replay/session-message';
export type { ReplayClient, RoomAudience } from './replay/replay-client';
export type { ReplayControl } from './replay/replay-control';
export type { ClaimCommands } from './claim.commands';
export type { ClaimsRecorded, RecordedClaim } from './recorded-claim';
export type { CatalogCommands, Registered } from './catalog.commands';
export { importAcled, IMPORT_ACTOR, type ImportReport } from './acled-import';
