import { z } from 'zod';
import {
  CampaignRegistration,
  PlaceCorrection,
  PlaceRegistration,
  PublisherRegistration,
  PublisherAssessment,
  SourceCorrection,
  SourceRegistration,
  CampaignAmendment,
  ClaimBatchInput,
  ClaimChangesByType,
  ClaimCorrectionInput,
  ClaimInput,
  ClaimRankInput,
  ClaimRetractionInput,
} from '@timeline/domain';
import { ClaimListQuery } from '../claims/claim-list.query';
import {
  AuditCasualtiesQuery,
  AuditControlQuery,
  AuditTerritoryQuery,
  CasualtiesQuery,
  CasualtySeriesQuery,
  ConflictsQuery,
  SourceImpactQuery,
  ControlQuery,
  ExportQuery,
  TerritoryQuery,
  ViewOnlyQuery,
} from '../views/view-query';
import type { ResponseName } from './responses';

/** The areas the document groups its routes by. */
export const TAGS = {
  campaigns: 'Campaigns: their window, time zone, blocs, factions and operations',
  catalog: 'The gazetteer, the sources and the publishers claims cite, with their grades',
  claims: 'Sourced claims: recorded, corrected, ranked and retracted, each change an event',
  views: 'Control, casualty and territory views folded from the claims, now or as known or reported at a past moment',
  audits: 'Which events made a figure what it is, what a source changed, and where claims disagree',
  exports: 'The campaign as files: its log, a table of claims, a day’s map',
  admin: 'The read models: their version, lag and rebuilds',
  auth: 'Whom an API key signs in as',
  health: 'Liveness and readiness',
  viewer: 'The web viewer',
} as const;
export type Tag = keyof typeof TAGS;

/** One route of the public API; the body and query schemas are the ones that validate requests. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  tag: Tag;
  role?: 'editor' | 'admin';
  body?: z.ZodType;
  query?: z.ZodObject;
  /** The schema of the success body, by its name under #/components/schemas. */
  answer?: ResponseName;
  /** The success status: 200 unless given. */
  status?: 201 | 202;
  /** A 201 answers 200 with the same body when the same content is already stored (a retry). */
  idempotent?: boolean;
  /** 409: an id reused with different content, or a revision gone stale while the request ran. */
  conflicts?: boolean;
  /** Every answer counts against an anonymous client's budget of expensive reads, whatever the query. */
  expensive?: boolean;
  /** Answers carry an ETag and 304 to an `If-None-Match` that holds it. */
  versioned?: boolean;
}

const ClaimOrBatch = z.union([ClaimInput, ClaimBatchInput.extend({ claims: z.array(ClaimInput).min(1).max(1000) })]);
/** The correction body with its changes typed per type of claim. */
const ClaimCorrection = ClaimCorrectionInput.extend({ changes: ClaimChangesByType });

export const ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/campaigns',
    summary: 'Campaigns with their window, zone and counts',
    tag: 'campaigns',
    answer: 'CampaignSummaries',
  },
  {
    method: 'post',
    path: '/campaigns',
    summary: 'Register a campaign (CampaignRegistered)',
    tag: 'campaigns',
    role: 'admin',
    body: CampaignRegistration,
    answer: 'CampaignRecorded',
    status: 201,
    idempotent: true,
    conflicts: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}',
    summary: 'A campaign with its blocs, factions, operations, claim window, area and admin areas',
    tag: 'campaigns',
    answer: 'Campaign',
  },
  {
    method: 'patch',
    path: '/campaigns/{c}',
    summary:
      'Amend a campaign: widen its window or claim window, set its area or admin areas, with a reason (CampaignAmended); refused when recorded claims or places would fall outside',
    tag: 'campaigns',
    role: 'admin',
    body: CampaignAmendment,
    answer: 'CampaignRecorded',
    conflicts: true,
  },
  { method: 'get', path: '/campaigns/{c}/places', summary: 'The gazetteer', tag: 'catalog', answer: 'Places' },
  {
    method: 'post',
    path: '/campaigns/{c}/places',
    summary: 'Register a place (PlaceRegistered)',
    tag: 'catalog',
    role: 'editor',
    body: PlaceRegistration,
    answer: 'PlaceRecorded',
    status: 201,
    idempotent: true,
    conflicts: true,
  },
  { method: 'get', path: '/campaigns/{c}/places/{p}', summary: 'One place', tag: 'catalog', answer: 'Place' },
  {
    method: 'patch',
    path: '/campaigns/{c}/places/{p}',
    summary: 'Correct a place (PlaceCorrected)',
    tag: 'catalog',
    role: 'editor',
    body: PlaceCorrection,
    answer: 'PlaceRecorded',
    conflicts: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/sources',
    summary: 'The sources (reports) of a campaign',
    tag: 'catalog',
    answer: 'Sources',
  },
  {
    method: 'post',
    path: '/campaigns/{c}/sources',
    summary: 'Register a source (SourceRegistered)',
    tag: 'catalog',
    role: 'editor',
    body: SourceRegistration,
    answer: 'SourceRecorded',
    status: 201,
    idempotent: true,
    conflicts: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/sources/{s}',
    summary: 'One source with its publisher grade',
    tag: 'catalog',
    answer: 'Source',
  },
  {
    method: 'patch',
    path: '/campaigns/{c}/sources/{s}',
    summary: 'Correct a source (SourceCorrected)',
    tag: 'catalog',
    role: 'editor',
    body: SourceCorrection,
    answer: 'SourceRecorded',
    conflicts: true,
  },
  {
    method: 'get',
    path: '/me',
    summary: 'Whom the presented key signs in as: {name, role}',
    tag: 'auth',
    role: 'editor',
    answer: 'Me',
  },
  {
    method: 'get',
    path: '/publishers',
    summary: 'Publishers with their reliability grades',
    tag: 'catalog',
    answer: 'Publishers',
  },
  {
    method: 'post',
    path: '/publishers',
    summary: 'Register a publisher claims can be attributed to',
    tag: 'catalog',
    role: 'admin',
    body: PublisherRegistration,
    answer: 'PublisherRecorded',
    status: 201,
    idempotent: true,
    conflicts: true,
  },
  {
    method: 'post',
    path: '/publishers/{publisher}/assessments',
    summary: 'Grade a publisher A–F (PublisherAssessed)',
    tag: 'catalog',
    role: 'admin',
    body: PublisherAssessment,
    answer: 'PublisherRecorded',
    status: 201,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims',
    summary: 'Append a claim, or a batch of up to 1,000 all-or-nothing',
    tag: 'claims',
    role: 'editor',
    body: ClaimOrBatch,
    answer: 'ClaimsRecorded',
    status: 201,
    idempotent: true,
    conflicts: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/claims',
    summary: 'Claims at their newest revision, filtered and paged',
    tag: 'claims',
    query: ClaimListQuery,
    answer: 'ClaimPage',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/claims/{id}',
    summary: 'A claim now, with its history',
    tag: 'claims',
    answer: 'ClaimNow',
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/corrections',
    summary: 'Correct a claim at the revision read (ClaimCorrected)',
    tag: 'claims',
    role: 'editor',
    body: ClaimCorrection,
    answer: 'ClaimRecorded',
    status: 201,
    conflicts: true,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/retraction',
    summary: 'Retract a claim (ClaimRetracted)',
    tag: 'claims',
    role: 'editor',
    body: ClaimRetractionInput,
    answer: 'ClaimRecorded',
    status: 201,
    conflicts: true,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/rank',
    summary: 'Rank a claim preferred/normal/deprecated (ClaimRanked)',
    tag: 'claims',
    role: 'editor',
    body: ClaimRankInput,
    answer: 'ClaimRecorded',
    status: 201,
    conflicts: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/control',
    summary: 'Who held every place at the end of a day or at an instant, as known at knownAt, or as reported by reportedBy',
    tag: 'views',
    query: ControlQuery,
    answer: 'ControlMap',
    versioned: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/control/days',
    summary: 'Per day: places held, gained and lost per bloc',
    tag: 'views',
    query: ViewOnlyQuery,
    answer: 'ControlDays',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/places/{p}/history',
    summary: "A place's control over time, each change with its claims and sources",
    tag: 'views',
    query: ViewOnlyQuery,
    answer: 'PlaceHistory',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/casualties',
    summary: 'Casualty figures of a day per side and category',
    tag: 'views',
    query: CasualtiesQuery,
    answer: 'Casualties',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/casualties/series',
    summary: 'Casualty figures per day across the campaign',
    tag: 'views',
    query: CasualtySeriesQuery,
    answer: 'CasualtySeries',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/territory',
    summary: 'Per faction: places gained and lost, settlements and area reported',
    tag: 'views',
    query: TerritoryQuery,
    answer: 'Territory',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/control',
    summary:
      "The events that changed a place's state at an instant, in log order or (order=reported) by when their reports were published",
    tag: 'audits',
    query: AuditControlQuery,
    answer: 'ControlAudit',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/casualties',
    summary: 'The events that changed a casualty figure, in log order or (order=reported) by when their reports were published',
    tag: 'audits',
    query: AuditCasualtiesQuery,
    answer: 'CasualtyAudit',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/territory',
    summary: "The events that changed a faction's territory for a day",
    tag: 'audits',
    query: AuditTerritoryQuery,
    answer: 'TerritoryAudit',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/sources/{s}/impact',
    summary: "Every figure a source's claims changed, in the order its reports appeared",
    tag: 'audits',
    query: SourceImpactQuery,
    answer: 'SourceImpact',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/conflicts',
    summary: 'Possible conflicts for editors: overlapping claims that disagree, from different publishers',
    tag: 'audits',
    query: ConflictsQuery,
    answer: 'Conflicts',
  },
  {
    method: 'get',
    path: '/campaigns/{c}/export',
    summary: 'The log (ndjson), an ACLED-style table of claims (csv), or a day’s control map (geojson)',
    tag: 'exports',
    query: ExportQuery,
    expensive: true,
  },
  {
    method: 'get',
    path: '/admin/projections',
    summary: 'Views: version, position, lag, rebuild progress',
    tag: 'admin',
    role: 'admin',
    answer: 'Projections',
  },
  {
    method: 'post',
    path: '/admin/projections/rebuild',
    summary: 'Rebuild the views beside the serving version, then swap; progress on GET /admin/projections',
    tag: 'admin',
    role: 'admin',
    answer: 'RebuildStarted',
    status: 202,
  },
  {
    method: 'get',
    path: '/health',
    summary: 'Liveness, store and Redis readiness, and projection lag (503 when the store does not answer)',
    tag: 'health',
    answer: 'HealthReady',
  },
  {
    method: 'get',
    path: '/',
    summary: 'The replay viewer, a web page (503 saying how to build it when `npm run build` has not made it)',
    tag: 'viewer',
  },
];
