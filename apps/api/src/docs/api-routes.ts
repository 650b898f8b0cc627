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

/** One route of the public API; the body and query schemas are the ones that validate requests. */
export interface RouteDoc {
  method: 'get' | 'post' | 'patch';
  path: string;
  summary: string;
  role?: 'editor' | 'admin';
  body?: z.ZodType;
  query?: z.ZodObject;
  created?: boolean;
  /** Every answer counts against an anonymous client's budget of expensive reads, whatever the query. */
  expensive?: boolean;
  /** Answers carry an ETag and 304 to an `If-None-Match` that holds it. */
  versioned?: boolean;
}

const ClaimOrBatch = z.union([ClaimInput, ClaimBatchInput.extend({ claims: z.array(ClaimInput).min(1).max(1000) })]);
/** The correction body with its changes typed per type of claim. */
const ClaimCorrection = ClaimCorrectionInput.extend({ changes: ClaimChangesByType });

export const ROUTES: RouteDoc[] = [
  { method: 'get', path: '/campaigns', summary: 'Campaigns with their window, zone and counts' },
  {
    method: 'post',
    path: '/campaigns',
    summary: 'Register a campaign (CampaignRegistered)',
    role: 'admin',
    body: CampaignRegistration,
    created: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}',
    summary: 'A campaign with its blocs, factions, operations, claim window, area and admin areas',
  },
  {
    method: 'patch',
    path: '/campaigns/{c}',
    summary:
      'Amend a campaign: widen its window or claim window, set its area or admin areas, with a reason (CampaignAmended); refused when recorded claims or places would fall outside',
    role: 'admin',
    body: CampaignAmendment,
  },
  { method: 'get', path: '/campaigns/{c}/places', summary: 'The gazetteer' },
  {
    method: 'post',
    path: '/campaigns/{c}/places',
    summary: 'Register a place (PlaceRegistered)',
    role: 'editor',
    body: PlaceRegistration,
    created: true,
  },
  { method: 'get', path: '/campaigns/{c}/places/{p}', summary: 'One place' },
  {
    method: 'patch',
    path: '/campaigns/{c}/places/{p}',
    summary: 'Correct a place (PlaceCorrected)',
    role: 'editor',
    body: PlaceCorrection,
  },
  { method: 'get', path: '/campaigns/{c}/sources', summary: 'The sources (reports) of a campaign' },
  {
    method: 'post',
    path: '/campaigns/{c}/sources',
    summary: 'Register a source (SourceRegistered)',
    role: 'editor',
    body: SourceRegistration,
    created: true,
  },
  { method: 'get', path: '/campaigns/{c}/sources/{s}', summary: 'One source with its publisher grade' },
  {
    method: 'patch',
    path: '/campaigns/{c}/sources/{s}',
    summary: 'Correct a source (SourceCorrected)',
    role: 'editor',
    body: SourceCorrection,
  },
  {
    method: 'get',
    path: '/me',
    summary: 'Whom the presented key signs in as: {name, role}',
    role: 'editor',
  },
  { method: 'get', path: '/publishers', summary: 'Publishers with their reliability grades' },
  {
    method: 'post',
    path: '/publishers',
    summary: 'Register a publisher claims can be attributed to',
    role: 'admin',
    body: PublisherRegistration,
    created: true,
  },
  {
    method: 'post',
    path: '/publishers/{publisher}/assessments',
    summary: 'Grade a publisher A–F (PublisherAssessed)',
    role: 'admin',
    body: PublisherAssessment,
    created: true,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims',
    summary: 'Append a claim, or a batch of up to 1,000 all-or-nothing',
    role: 'editor',
    body: ClaimOrBatch,
    created: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/claims',
    summary: 'Claims at their newest revision, filtered and paged',
    query: ClaimListQuery,
  },
  { method: 'get', path: '/campaigns/{c}/claims/{id}', summary: 'A claim now, with its history' },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/corrections',
    summary: 'Correct a claim at the revision read (ClaimCorrected)',
    role: 'editor',
    body: ClaimCorrection,
    created: true,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/retraction',
    summary: 'Retract a claim (ClaimRetracted)',
    role: 'editor',
    body: ClaimRetractionInput,
    created: true,
  },
  {
    method: 'post',
    path: '/campaigns/{c}/claims/{id}/rank',
    summary: 'Rank a claim preferred/normal/deprecated (ClaimRanked)',
    role: 'editor',
    body: ClaimRankInput,
    created: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/control',
    summary: 'Who held every place at the end of a day or at an instant, as known at knownAt, or as reported by reportedBy',
    query: ControlQuery,
    versioned: true,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/control/days',
    summary: 'Per day: places held, gained and lost per bloc',
    query: ViewOnlyQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/places/{p}/history',
    summary: "A place's control over time, each change with its claims and sources",
    query: ViewOnlyQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/casualties',
    summary: 'Casualty figures of a day per side and category',
    query: CasualtiesQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/casualties/series',
    summary: 'Casualty figures per day across the campaign',
    query: CasualtySeriesQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/territory',
    summary: 'Per faction: places gained and lost, settlements and area reported',
    query: TerritoryQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/control',
    summary:
      "The events that changed a place's state at an instant, in log order or (order=reported) by when their reports were published",
    query: AuditControlQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/casualties',
    summary: 'The events that changed a casualty figure, in log order or (order=reported) by when their reports were published',
    query: AuditCasualtiesQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/audit/territory',
    summary: "The events that changed a faction's territory for a day",
    query: AuditTerritoryQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/sources/{s}/impact',
    summary: "Every figure a source's claims changed, in the order its reports appeared",
    query: SourceImpactQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/conflicts',
    summary: 'Possible conflicts for editors: overlapping claims that disagree, from different publishers',
    query: ConflictsQuery,
  },
  {
    method: 'get',
    path: '/campaigns/{c}/export',
    summary: 'The log (ndjson), an ACLED-style table of claims (csv), or a day’s control map (geojson)',
    query: ExportQuery,
    expensive: true,
  },
  { method: 'get', path: '/admin/projections', summary: 'Views: version, position, lag, rebuild progress', role: 'admin' },
  {
    method: 'post',
    path: '/admin/projections/rebuild',
    summary: 'Rebuild the views beside the serving version, then swap (202 with a job id)',
    role: 'admin',
  },
  { method: 'get', path: '/health', summary: 'Liveness, store readiness and projection lag' },
  {
    method: 'get',
    path: '/',
    summary: 'The replay viewer, a web page (503 saying how to build it when `npm run build` has not made it)',
  },
];
