import type { ClaimData } from '@timeline/domain';
import type { CampaignLedger } from './campaign-ledger';
import type { ControlView } from './control.queries';
import { NOW, type KnownAt } from './known-at';

const PRECISION_CODE: Record<string, number> = { exact: 1, hour: 1, by: 1, 'part-of-day': 1, day: 1, 'multi-day': 2 };

type KeyOfAny<T> = T extends unknown ? keyof T : never;
type FieldOfAny<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;
/** Every field a claim of any type may have, read from one flat row: absent where its type has none. */
type ClaimFields = { [K in KeyOfAny<ClaimData>]?: FieldOfAny<ClaimData, K> };
type Cell = string | number | boolean | null | undefined;

const COLUMNS = [
  'claim_id',
  'revision',
  'event',
  'recorded_at',
  'actor',
  'type',
  'operation',
  'time_from',
  'time_to',
  'time_precision',
  'time_precision_code',
  'place',
  'place_name',
  'governorate',
  'latitude',
  'longitude',
  'geo_precision',
  'status',
  'controller',
  'contested_by',
  'besieged_by',
  'vacated_by',
  'bloc',
  'side',
  'category',
  'count_low',
  'count_best',
  'count_high',
  'open_ended',
  'scope',
  'settlements',
  'area_km2',
  'incident_kind',
  'actors',
  'sources',
  'publishers',
  'attributed_to',
  'rank',
  'retracted',
  'reported_at',
  'quote',
] as const;

/**
 * An ACLED-style table of claims: one row per claim revision, with time and place precision
 * columns (ACLED's time precision code: 1 day or better, 2 a span of days), sources and quote.
 * From a ledger seen as reported by an instant, only the revisions reported by then.
 */
export function claimsCsv(ledger: CampaignLedger, knownAt: KnownAt = NOW): string {
  return [...claimsCsvLines(ledger, knownAt)].join('');
}

/** How many revisions recorded by knownAt a reported table sets aside because no source of theirs is dated. */
export function unreportedRevisions(ledger: CampaignLedger, knownAt: KnownAt = NOW): number {
  let count = 0;
  for (const record of ledger.claims.values())
    for (const version of record.versions)
      if (version.position <= knownAt && !ledger.reportedHere(version, knownAt) && ledger.reportedAtOf(version, knownAt) === null)
        count++;
  return count;
}

/** The table a line at a time (each ending in a newline), so a caller can pause between lines. */
export function* claimsCsvLines(ledger: CampaignLedger, knownAt: KnownAt = NOW): Generator<string> {
  yield `${COLUMNS.join(',')}\n`;
  const records = [...ledger.claims.values()].sort((a, b) => a.firstPosition - b.firstPosition);
  const rows: string[] = [];
  for (const record of records) {
    record.versions.forEach((version, revision) => {
      if (version.position > knownAt || !ledger.reportedHere(version, knownAt)) return;
      const reportedAt = ledger.reportedAtOf(version, knownAt);
      const c: ClaimFields = version.claim;
      const { time, sources } = version.claim;
      const place = c.place ? ledger.places.get(c.place) : undefined;
      const count = typeof c.count === 'number' ? { best: c.count, low: c.count, high: c.count } : c.count;
      const row: Record<(typeof COLUMNS)[number], Cell> = {
        claim_id: record.claimId,
        revision,
        event: version.event,
        recorded_at: new Date(version.recordedAt).toISOString(),
        actor: version.actor,
        type: c.type,
        operation: c.operation,
        time_from: time.from,
        time_to: time.to,
        time_precision: time.precision,
        time_precision_code: PRECISION_CODE[time.precision] ?? 3,
        place: c.place,
        place_name: place?.name,
        governorate: place?.governorate,
        latitude: place?.lat,
        longitude: place?.lon,
        geo_precision: place?.precision,
        status: c.status,
        controller: c.controller,
        contested_by: c.contestedBy,
        besieged_by: c.besiegedBy,
        vacated_by: c.vacatedBy,
        bloc: ledger.bloc(c.controller ?? c.faction),
        side: c.side,
        category: c.category,
        count_low: count?.low ?? count?.best,
        count_best: count?.best,
        count_high: count?.openEnded ? '' : (count?.high ?? count?.best),
        open_ended: count ? Boolean(count.openEnded) : '',
        scope: c.scope,
        settlements: c.settlements,
        area_km2: c.areaKm2,
        incident_kind: c.kind,
        actors: (c.actors ?? []).join(';'),
        sources: sources.join(';'),
        publishers: [...new Set<string>(sources.map((s) => ledger.sources.get(s)?.publisher ?? ''))].join(';'),
        attributed_to: c.attributedTo,
        rank: version.rank,
        retracted: version.retracted,
        reported_at: reportedAt === null ? null : new Date(reportedAt).toISOString(),
        quote: c.quote,
      };
      rows.push(COLUMNS.map((col) => csvCell(row[col])).join(','));
    });
    yield* rows.splice(0).map((line) => `${line}\n`);
  }
}

function csvCell(value: Cell): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  // a leading = + - @ would be read as a formula by spreadsheets
  const safe = /^[=+\-@]/.test(text) && !/^-?\d/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The day's control map as GeoJSON points (geometry null where the position is unknown). */
export function controlGeoJson(ledger: CampaignLedger, view: ControlView) {
  return {
    type: 'FeatureCollection',
    features: view.places.map((state) => {
      const place = ledger.places.get(state.place);
      const known = place && place.lat !== null && place.lon !== null;
      return {
        type: 'Feature',
        id: state.place,
        geometry: known ? { type: 'Point', coordinates: [place.lon, place.lat] } : null,
        properties: {
          place: state.place,
          name: state.name,
          status: state.status,
          controller: state.controller,
          bloc: state.bloc,
          disputed: state.disputed,
          since: state.since,
          lastReportedAt: state.lastReportedAt,
          inferred: state.inferred ?? false,
          basis: state.basis,
          pending: state.pending,
          precision: place?.precision ?? 'unknown',
          color: ledger.campaign.blocs.find((b) => b.id === state.bloc)?.color ?? null,
        },
      };
    }),
  };
}
