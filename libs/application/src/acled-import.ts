import { addDays, DomainError, isCalendarDate, slugFrom, type CampaignRegistration } from '@timeline/domain';
import { ACLED_COLUMNS, type ACLED_TABLE_COLUMNS, parseCsv } from '@timeline/views';
import type { CommandContext } from './event-writer';
import { attemptItem, reviseClaim, splitStoredClaims, writtenOnlyBy, type LoadOutcome } from './shipped-items';
import type { Timeline } from './timeline';

/** The actor of everything an import writes: what tells its writes from an editor's on a re-import. */
export const IMPORT_ACTOR = 'acled-import';

export interface ImportReport {
  rows: number;
  created: number;
  unchanged: number;
  corrected: number;
  /** Claims an editor has changed since they were imported: left as the editor made them. */
  kept: number;
  ranked: number;
  /** Claims an earlier import made that the file no longer holds. */
  retracted: number;
  placesRegistered: number;
  sourcesRegistered: number;
  /** Rows or items that could not be imported. */
  problems: string[];
  /** What was imported with a caveat: data the table holds that a claim cannot, a retraction that stands. */
  warnings: string[];
}

/** A row by column name; a column the file lacks reads as undefined, as `present` expects. */
type Row = Record<(typeof ACLED_TABLE_COLUMNS)[number], string>;
type Claim = Record<string, unknown> & { claimId: string; sources: string[] };
interface Place {
  placeId: string;
  name: string;
  kind: string;
  governorate?: string;
  lat: number | null;
  lon: number | null;
  precision: 'approximate' | 'unknown';
  coordinatesFrom: string;
}
interface Source {
  sourceId: string;
  publisher: string;
  publisherName: string;
  publisherKind: 'monitor';
  title: string;
  publishedAt: { to: string } | null;
}

/** The columns without which a row cannot be read as an event. */
const REQUIRED = ['event_id_cnty', 'event_date', 'time_precision', 'sub_event_type', 'actor1', 'location', 'notes'] as const;

/** An id from a name, never empty. */
const slug = (text: string) => slugFrom(text).slice(0, 100) || 'x';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

/** ACLED's event_date: `2024-12-08` (its API) or `08 December 2024` (its export tool). */
function acledDate(text: string): string | undefined {
  if (isCalendarDate(text)) return text;
  const match = /^(\d{1,2}) ([A-Za-z]+) (\d{4})$/.exec(text.trim());
  const [, day = '', name = '', year = ''] = match ?? [];
  const month = MONTHS.indexOf(name.toLowerCase()) + 1;
  if (!match || month === 0) return undefined;
  const date = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  return isCalendarDate(date) ? date : undefined;
}

/** A date known to ACLED's time precision, as the interval it stands for, with why when it is not a day. */
function writtenTime(date: string, precision: string): { time: Record<string, string>; note?: string } {
  if (precision === '2')
    return {
      time: { from: addDays(date, -3), to: addDays(date, 3) },
      note: `ACLED time precision 2: in the week around ${date}`,
    };
  if (precision === '3') {
    const first = `${date.slice(0, 7)}-01`;
    const last = addDays(`${addDays(first, 31).slice(0, 7)}-01`, -1);
    return { time: { from: first, to: last }, note: `ACLED time precision 3: in the month of ${date.slice(0, 7)}` };
  }
  return { time: { date } };
}

const INCIDENT_KINDS: Record<string, string> = {
  'Air/drone strike': 'airstrike',
  'Shelling/artillery/missile attack': 'shelling',
  'Remote explosive/landmine/IED': 'bombing',
  'Suicide bomb': 'bombing',
  Grenade: 'bombing',
};
const TERRITORY = ['Government regains territory', 'Non-state actor overtakes territory', 'Non-violent transfer of territory'];

/**
 * A transfer of territory as a claim of control: ACLED's actor 1 gains the ground, from actor 2;
 * with only actor 2 known, a non-violent transfer is actor 2 leaving it.
 */
function transfer(
  sub: string,
  gains: string | undefined,
  loses: string | undefined,
): Record<string, string | undefined> | undefined {
  if (gains) return { status: 'controlled', controller: gains, takenFrom: loses };
  if (loses && sub === 'Non-violent transfer of territory') return { status: 'vacated', vacatedBy: loses };
  return undefined;
}

const present = (value: string | undefined) => (value === undefined || value === '' ? undefined : value);
const list = (value: string | undefined) => present(value)?.split(' ') ?? [];

/** A claim written back from this product's own columns of its ACLED export. */
function ownClaim(row: Row): Claim {
  const type = row.claim_type;
  const claim: Record<string, unknown> = {
    claimId: row.claim_id,
    type,
    operation: present(row.operation),
    time: JSON.parse(row.written_time ?? '') as unknown,
    sources: list(row.source_ids),
    quote: row.notes,
    attributedTo: present(row.attributed_to),
    denies: present(row.denies) && list(row.denies),
    note: present(row.claim_note),
    place: present(row.place_id),
  };
  if (type === 'control')
    Object.assign(claim, {
      status: row.control_status,
      controller: present(row.controller),
      takenFrom: present(row.taken_from),
      contestedBy: present(row.contested_by),
      besiegedBy: present(row.besieged_by),
      vacatedBy: present(row.vacated_by),
      coversPlaces: row.covers_places === 'true' ? true : undefined,
    });
  if (type === 'casualties') {
    const [low, best, high] = [row.count_low, row.count_best, row.count_high].map((n) => (present(n) ? Number(n) : undefined));
    const openEnded = row.open_ended === 'true';
    const plain = !openEnded && low === best && high === best;
    Object.assign(claim, {
      side: row.side,
      category: row.category,
      scope: row.scope,
      corroborates: present(row.corroborates),
      count: plain
        ? best
        : {
            best,
            low: low !== best ? low : undefined,
            high: high !== best ? high : undefined,
            openEnded: openEnded || undefined,
          },
    });
  }
  if (type === 'territory')
    Object.assign(claim, {
      faction: row.faction,
      scope: row.scope,
      settlements: present(row.settlements) && Number(row.settlements),
      areaKm2: present(row.area_km2) && Number(row.area_km2),
    });
  if (type === 'incident') Object.assign(claim, { kind: row.incident_kind, actors: present(row.actors) && list(row.actors) });
  return withoutEmpty(claim) as Claim;
}

function withoutEmpty(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (v === undefined || v === '' || v === false) continue;
    out[key] = v && typeof v === 'object' && !Array.isArray(v) ? withoutEmpty(v as Record<string, unknown>) : v;
  }
  return out;
}

/** What a file's rows make: the claims, the places and sources they need, and what could not be read. */
interface Reading {
  claims: Claim[];
  ranks: Map<string, string>;
  places: Map<string, Place>;
  sources: Map<string, Source>;
  problems: string[];
  warnings: string[];
}

/**
 * Reads an ACLED table for a campaign. A row of this product's own export (it has `claim_id` and
 * `claim_type`) is read back from its own columns, exactly; any other row is read from ACLED's
 * columns: its date to its precision, its place found by name (or registered from the row), its
 * actors among the campaign's factions, a claim of control for a transfer of territory and an
 * incident otherwise, and a casualty claim for the dead of an attack on civilians.
 */
function readRows(
  rows: Row[],
  campaign: CampaignRegistration,
  knownPlaces: { placeId: string; name: string; aliases?: string[] }[],
): Reading {
  const reading: Reading = { claims: [], ranks: new Map(), places: new Map(), sources: new Map(), problems: [], warnings: [] };
  const factionOf = (name: string | undefined): string | undefined => {
    const wanted = present(name)?.toLowerCase();
    return campaign.factions.find((f) => f.id === wanted || f.name.toLowerCase() === wanted)?.id;
  };
  const placeOf = (row: Row): string | undefined => {
    const location = present(row.location);
    if (!location) return undefined;
    const wanted = location.toLowerCase();
    const known = knownPlaces.find((p) => p.name.toLowerCase() === wanted || p.aliases?.some((a) => a.toLowerCase() === wanted));
    if (known) return known.placeId;
    if (location === campaign.country?.name) return undefined;
    const placeId = slug(location);
    const lat = present(row.latitude) ? Number(row.latitude) : null;
    const lon = present(row.longitude) ? Number(row.longitude) : null;
    const located = lat !== null && lon !== null && Number.isFinite(lat) && Number.isFinite(lon);
    reading.places.set(placeId, {
      placeId,
      name: location,
      kind: row.geo_precision === '3' ? 'region' : 'town',
      governorate: campaign.adminAreas?.includes(row.admin1 ?? '') ? row.admin1 : undefined,
      lat: located ? lat : null,
      lon: located ? lon : null,
      precision: located ? 'approximate' : 'unknown',
      coordinatesFrom: `ACLED event ${row.event_id_cnty} (geo_precision ${row.geo_precision ?? '?'}); the kind of place is not in ACLED's table`,
    });
    return placeId;
  };
  for (const [index, row] of rows.entries()) {
    const line = index + 2;
    try {
      if (present(row.claim_id) && present(row.claim_type)) {
        reading.claims.push(ownClaim(row));
        if (present(row.rank)) reading.ranks.set(row.claim_id, row.rank);
        const counted = row.claim_type === 'casualties' && row.category === 'killed' && row.scope === 'incident';
        if (counted && present(row.fatalities) && row.fatalities !== row.count_low && row.fatalities !== '0')
          reading.warnings.push(
            `line ${line} (${row.claim_id}): fatalities ${row.fatalities} differs from count_low ${row.count_low}; a claim's figure is read from count_low, count_best and count_high`,
          );
        continue;
      }
      const missing = REQUIRED.filter((column) => present(row[column]) === undefined && column !== 'actor1');
      if (missing.length) throw new Error(`no ${missing.join(', ')}`);
      const date = acledDate(row.event_date);
      if (!date) throw new Error(`event_date "${row.event_date}" is not a date (YYYY-MM-DD or "08 December 2024")`);
      const id = `acled-${slug(row.event_id_cnty)}`;
      const source: Source = {
        sourceId: id,
        publisher: 'acled',
        publisherName: 'ACLED',
        publisherKind: 'monitor',
        title: `ACLED event ${row.event_id_cnty}${present(row.source) ? `, from ${row.source}` : ''}`,
        publishedAt: present(row.timestamp) ? { to: new Date(Number(row.timestamp) * 1000).toISOString().slice(0, 10) } : null,
      };
      reading.sources.set(id, source);
      const { time, note } = writtenTime(date, row.time_precision);
      const actors = [row.actor1, row.actor2, ...(row.assoc_actor_1 ?? '').split(';')].map((a) => a.trim()).filter(Boolean);
      const unmatched = actors.filter((a) => !factionOf(a));
      const sub = row.sub_event_type;
      const notes = [
        `ACLED: ${present(row.event_type) ?? '?'} / ${sub}`,
        note,
        unmatched.length ? `ACLED actors not among the campaign's factions: ${unmatched.join('; ')}` : undefined,
      ];
      const common = { claimId: id, time, sources: [id], quote: row.notes, place: placeOf(row) };
      const control =
        TERRITORY.includes(sub) && common.place ? transfer(sub, factionOf(row.actor1), factionOf(row.actor2)) : undefined;
      if (control) {
        reading.claims.push(
          withoutEmpty({ ...common, type: 'control', ...control, note: notes.filter(Boolean).join('. ') }) as Claim,
        );
      } else {
        const kind = INCIDENT_KINDS[sub] ?? (sub === 'Non-violent transfer of territory' ? 'withdrawal' : 'other');
        const matched = actors.map(factionOf).filter((a): a is string => a !== undefined);
        reading.claims.push(
          withoutEmpty({
            ...common,
            type: 'incident',
            kind,
            actors: matched.length ? [...new Set(matched)] : undefined,
            note: notes.filter(Boolean).join('. '),
          }) as Claim,
        );
      }
      const dead = Number(row.fatalities || 0);
      if (dead > 0 && row.civilian_targeting === 'Civilian targeting')
        reading.claims.push({
          ...common,
          claimId: `${id}-fatalities`,
          type: 'casualties',
          side: 'civilians',
          category: 'killed',
          count: dead,
          scope: 'incident',
        });
      else if (dead > 0)
        reading.warnings.push(
          `line ${line} (${row.event_id_cnty}): its ${dead} fatalities were not imported: ACLED does not say whose dead they were`,
        );
    } catch (error) {
      reading.problems.push(`line ${line}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return reading;
}

/**
 * Loads an ACLED-shaped table into a campaign as claims with ids the table fixes (its own
 * `claim_id`, or `acled-` and ACLED's event id), so importing an updated version of the same
 * dataset appends a correction for each changed row and a retraction for each row gone, keeping
 * the history ACLED's own file throws away. What an editor has changed since is kept as the
 * editor made it; the claims of other datasets are left alone.
 */
export async function importAcled(
  timeline: Timeline,
  campaignId: string,
  text: string,
  {
    file,
    dataset = file,
    progress = () => undefined,
  }: {
    /** The file's name, as the report and the events' reasons name it. */
    file: string;
    /** What the rows are a version of: the claims an import of the same dataset made and this one lacks are retracted. */
    dataset?: string;
    progress?: (done: number, total: number) => void;
  },
): Promise<ImportReport> {
  const { campaign } = await timeline.catalog.readCampaign(campaignId);
  if (!campaign) throw DomainError.notFound(`campaign "${campaignId}" does not exist: register it first`);
  const { header, rows } = parseCsv(text);
  const missing = REQUIRED.filter((column) => !header.includes(column));
  if (missing.length)
    throw DomainError.invalid(`${file} is not an ACLED table: it has no ${missing.join(', ')} column`, [
      { path: 'header', message: `ACLED's columns are ${ACLED_COLUMNS.join(', ')}` },
    ]);
  const knownPlaces = await timeline.catalogQueries.places(campaignId);
  const reading = readRows(rows as Row[], campaign, knownPlaces);
  const report: ImportReport = {
    rows: rows.length,
    created: 0,
    unchanged: 0,
    corrected: 0,
    kept: 0,
    ranked: 0,
    retracted: 0,
    placesRegistered: 0,
    sourcesRegistered: 0,
    problems: reading.problems,
    warnings: reading.warnings,
  };
  const fileCorrelation = `import:${dataset}:`;
  const context = (what: string): CommandContext => ({
    actor: IMPORT_ACTOR,
    correlationId: `${fileCorrelation}${what}`,
    now: new Date(),
  });
  const attempt = (what: string, action: () => Promise<void>) =>
    attemptItem(what, action, (problem) => report.problems.push(problem));

  for (const place of reading.places.values())
    await attempt(`place ${place.placeId}`, async () => {
      if ((await timeline.catalog.readPlace(campaignId, place.placeId)).place) return;
      await timeline.catalog.registerPlace(campaignId, withoutEmpty({ ...place }), context('places'));
      report.placesRegistered++;
    });
  for (const source of reading.sources.values())
    await attempt(`source ${source.sourceId}`, async () => {
      if ((await timeline.catalog.readSource(campaignId, source.sourceId)).source) return;
      await timeline.catalog.registerSource(campaignId, source, context('sources'));
      report.sourcesRegistered++;
    });

  const reason = `re-imported from ${file}: the row changed`;
  const count = (outcome: LoadOutcome) => {
    report[outcome]++;
    progress(report.created + report.unchanged + report.corrected + report.kept, reading.claims.length);
  };
  // claims a claim of the file refers to (corroborates) go first
  const ordered = [...reading.claims].sort((a, b) => Number(Boolean(a.corroborates)) - Number(Boolean(b.corroborates)));
  const { fresh, stored } = await splitStoredClaims(timeline, campaignId, ordered);
  for (const claim of fresh)
    await attempt(`claim ${claim.claimId}`, async () =>
      count((await timeline.claims.record(campaignId, claim, context('claims'))).outcome),
    );
  for (const claim of stored) {
    if (claim.stream.state.exists && claim.stream.state.retracted) {
      report.warnings.push(
        `claim ${claim.claimId} was retracted and is in ${file} again: a retraction stands; record the row under a new id to restore it`,
      );
      continue;
    }
    await attempt(`claim ${claim.claimId}`, async () =>
      count(await reviseClaim(timeline, campaignId, claim, context('claims'), reason)),
    );
  }

  for (const [claimId, rank] of reading.ranks)
    await attempt(`rank of ${claimId}`, async () => {
      const { state, events } = await timeline.claims.read(campaignId, claimId);
      if (!state.exists || state.rank === rank || !writtenOnlyBy(events, IMPORT_ACTOR)) return;
      await timeline.claims.rank(campaignId, claimId, { rank, reason: `ranked ${rank} in ${file}` }, context('ranks'));
      report.ranked++;
    });

  // a claim an earlier import of this dataset made and the file no longer holds is retracted; other datasets' are theirs
  const inFile = new Set(reading.claims.map((c) => c.claimId));
  for (const claimId of await claimIds(timeline, campaignId)) {
    if (inFile.has(claimId)) continue;
    await attempt(`retraction of ${claimId}`, async () => {
      const { state, events } = await timeline.claims.read(campaignId, claimId);
      const fromThisFile = events[0]?.metadata.correlationId?.startsWith(fileCorrelation);
      if (!state.exists || state.retracted || !fromThisFile || !writtenOnlyBy(events, IMPORT_ACTOR)) return;
      await timeline.claims.retract(
        campaignId,
        claimId,
        { expectedRevision: state.revision, reason: `no longer in ${file}` },
        context('retractions'),
      );
      report.retracted++;
    });
  }
  return report;
}

/** Every claim id of a campaign, retracted ones too. */
async function claimIds(timeline: Timeline, campaignId: string): Promise<string[]> {
  const ids: string[] = [];
  for (let after = 0; ;) {
    const page = await timeline.claimQueries.list(campaignId, { includeRetracted: true }, { after, limit: 1000 });
    ids.push(...page.items.map((item) => item.claimId));
    if (page.next === null) return ids;
    after = page.next;
  }
}
