import type { CampaignLedger } from '../campaign-ledger';
import type { PlaceEntry } from '../catalog.view';
import { NOW, type KnownAt } from '../known-at';
import { claimRows, countRange, isoOf, localDays, type ClaimFields, type ClaimRow } from './claim-rows';
import { csvLine, type Cell } from './csv';

/** UCDP GED's columns, in its order (the GED codebook, version 24.1). */
export const UCDP_COLUMNS = [
  'id',
  'relid',
  'year',
  'active_year',
  'code_status',
  'type_of_violence',
  'conflict_dset_id',
  'conflict_new_id',
  'conflict_name',
  'dyad_dset_id',
  'dyad_new_id',
  'dyad_name',
  'side_a_dset_id',
  'side_a_new_id',
  'side_a',
  'side_b_dset_id',
  'side_b_new_id',
  'side_b',
  'number_of_sources',
  'source_article',
  'source_office',
  'source_date',
  'source_headline',
  'source_original',
  'where_prec',
  'where_coordinates',
  'where_description',
  'adm_1',
  'adm_2',
  'latitude',
  'longitude',
  'geom_wkt',
  'priogrid_gid',
  'country',
  'country_id',
  'region',
  'event_clarity',
  'date_prec',
  'date_start',
  'date_end',
  'deaths_a',
  'deaths_b',
  'deaths_civilians',
  'deaths_unknown',
  'best',
  'high',
  'low',
  'gwnoa',
  'gwnob',
] as const;

/** This product's own columns after UCDP's. */
const OWN_COLUMNS = [
  'claim_id',
  'revision',
  'claim_status',
  'rank',
  'side',
  'open_ended',
  'valid_from',
  'valid_to',
  'valid_precision',
  'reported_at',
  'source_ids',
  'source_urls',
] as const;

export const UCDP_TABLE_COLUMNS = [...UCDP_COLUMNS, ...OWN_COLUMNS] as const;
type Column = (typeof UCDP_TABLE_COLUMNS)[number];

/** UCDP's date precision: 1 the day, 2 two to six days, 3 a week, 4 up to a month, 5 longer. */
function datePrecision(days: number): number {
  if (days <= 1) return 1;
  if (days <= 6) return 2;
  if (days === 7) return 3;
  if (days <= 31) return 4;
  return 5;
}

/** UCDP's place precision: 1 the place, 2 within 25 km of it, 3 a district, 4 a governorate or region, 6 only the country. */
function wherePrecision(place: PlaceEntry | undefined): number {
  if (!place) return 6;
  if (place.kind === 'country') return 6;
  if (place.kind === 'governorate' || place.kind === 'region') return 4;
  if (place.kind === 'district') return 3;
  if (place.kind === 'oil-field' || place.kind === 'gas-field' || place.kind === 'mountain') return 2;
  return 1;
}

/** The PRIO-GRID cell (half a degree) a point lies in, numbered from the south-west as PRIO-GRID does. */
export function prioGridCell(lat: number, lon: number): number {
  const row = Math.min(359, Math.floor((lat + 90) / 0.5));
  const col = Math.min(719, Math.floor((lon + 180) / 0.5));
  return row * 720 + col + 1;
}

/**
 * Which of UCDP's death columns a side's dead go in: civilians; side A, a state's forces (UCDP's
 * side A of a state-based conflict is the government); side B, a non-state group. A faction of no
 * known type goes in deaths_unknown.
 */
function deathsColumn(ledger: CampaignLedger, side: string): 'deaths_civilians' | 'deaths_a' | 'deaths_b' | 'deaths_unknown' {
  if (side === 'civilians') return 'deaths_civilians';
  const type = ledger.campaign.actorTypes?.[side];
  if (type === 'state-forces' || type === 'external-forces') return 'deaths_a';
  if (type === undefined) return 'deaths_unknown';
  return 'deaths_b';
}

/** Whether a row is one of UCDP's events: deaths in an incident, not a running total, a corroboration or a deprecated figure. */
function isEvent(row: ClaimRow): boolean {
  const c: ClaimFields = row.version.claim;
  return (
    c.type === 'casualties' &&
    c.category === 'killed' &&
    c.scope === 'incident' &&
    !c.corroborates &&
    row.version.rank !== 'deprecated'
  );
}

function cells(ledger: CampaignLedger, row: ClaimRow, knownAt: KnownAt): Record<Column, Cell> {
  const { version } = row;
  const c: ClaimFields = version.claim;
  const campaign = ledger.campaign;
  const side = c.side ?? '';
  const sideName = side === 'civilians' ? 'Civilians' : (campaign.factions.find((f) => f.id === side)?.name ?? side);
  const place = c.place ? ledger.placeAt(c.place, knownAt) : undefined;
  const parent = place?.parent ? ledger.placeAt(place.parent, knownAt) : undefined;
  const sources = version.claim.sources.map((id) => ledger.sourceAt(id, knownAt));
  const { first, last, days } = localDays(version.claim.time, campaign.timeZone);
  const count = countRange(c.count);
  const column = deathsColumn(ledger, side);
  const located = place && place.lat !== null && place.lon !== null;
  const type = column === 'deaths_civilians' ? 3 : column === 'deaths_a' ? 1 : undefined;
  return {
    id: row.serial,
    relid: row.record.claimId,
    year: Number(first.slice(0, 4)),
    active_year: undefined,
    code_status: 'Clear',
    type_of_violence: type,
    conflict_dset_id: undefined,
    conflict_new_id: undefined,
    conflict_name: campaign.title,
    dyad_dset_id: undefined,
    dyad_new_id: undefined,
    dyad_name: undefined,
    side_a_dset_id: undefined,
    side_a_new_id: undefined,
    side_a: column === 'deaths_a' ? sideName : undefined,
    side_b_dset_id: undefined,
    side_b_new_id: undefined,
    side_b: column === 'deaths_a' ? undefined : sideName,
    number_of_sources: sources.length,
    source_article: sources.map((s) => s?.title ?? '').join('; '),
    source_office: [...new Set(sources.map((s) => s?.publisherName ?? ''))].join('; '),
    source_date: sources.map((s) => (s?.published ? s.published.to.slice(0, 10) : '')).join('; '),
    source_headline: sources.map((s) => s?.title ?? '').join('; '),
    source_original: undefined,
    where_prec: wherePrecision(place),
    where_coordinates: place?.name ?? campaign.country?.name,
    where_description: c.quote,
    adm_1: place?.governorate,
    adm_2: parent?.kind === 'district' ? parent.name : undefined,
    latitude: place?.lat,
    longitude: place?.lon,
    geom_wkt: located ? `POINT (${place.lon} ${place.lat})` : undefined,
    priogrid_gid: located ? prioGridCell(place.lat as number, place.lon as number) : undefined,
    country: campaign.country?.name,
    country_id: undefined,
    region: campaign.country?.region,
    event_clarity: days <= 1 && wherePrecision(place) <= 2 ? 1 : 2,
    date_prec: datePrecision(days),
    date_start: first,
    date_end: last,
    deaths_a: column === 'deaths_a' ? count?.best : 0,
    deaths_b: column === 'deaths_b' ? count?.best : 0,
    deaths_civilians: column === 'deaths_civilians' ? count?.best : 0,
    deaths_unknown: column === 'deaths_unknown' ? count?.best : 0,
    best: count?.best,
    // UCDP's high is never open: an open-ended count's is its best, and open_ended says so
    high: count?.high ?? count?.best,
    low: count?.low,
    gwnoa: undefined,
    gwnob: undefined,
    claim_id: row.record.claimId,
    revision: row.revision,
    claim_status: row.status,
    rank: version.rank,
    side,
    open_ended: count?.openEnded,
    valid_from: c.time?.from,
    valid_to: c.time?.to,
    valid_precision: c.time?.precision,
    reported_at: isoOf(ledger.reportedAtOf(version, knownAt)),
    source_ids: version.claim.sources.join(' '),
    source_urls: sources.map((s) => s?.url ?? '').join(' '),
  };
}

/**
 * The campaign's deaths as UCDP GED's table, a line at a time (the header first): one row per
 * casualty claim counting the killed in an incident, as it stands at knownAt (or, with `history`,
 * per revision). Running totals, corroborating and deprecated figures are left out: summed, they
 * would count the same dead twice.
 */
export function* ucdpLines(ledger: CampaignLedger, knownAt: KnownAt = NOW, history = false): Generator<string> {
  yield `${UCDP_TABLE_COLUMNS.join(',')}\n`;
  for (const row of claimRows(ledger, knownAt, history))
    if (isEvent(row)) yield csvLine(UCDP_TABLE_COLUMNS, cells(ledger, row, knownAt));
}
