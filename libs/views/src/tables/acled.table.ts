import { ACTOR_TYPES, type ActorType, type INCIDENT_KINDS } from '@timeline/domain';
import type { CampaignLedger } from '../campaign-ledger';
import type { PlaceEntry } from '../catalog.view';
import { NOW, type KnownAt } from '../known-at';
import { claimRows, countRange, isoOf, localDays, middleDay, type ClaimFields, type ClaimRow } from './claim-rows';
import { csvLine, type Cell } from './csv';

/** ACLED's columns, in ACLED's order (its codebook, since the 2023 column changes). */
export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'disorder_type',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'inter1',
  'actor2',
  'assoc_actor_2',
  'inter2',
  'interaction',
  'civilian_targeting',
  'iso',
  'region',
  'country',
  'admin1',
  'admin2',
  'admin3',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'source_scale',
  'notes',
  'fatalities',
  'tags',
  'timestamp',
] as const;

/**
 * This product's own columns after ACLED's: what ACLED cannot say (the claim and its revision,
 * its rank, a count's range, the valid interval as written, when it was reported) and what an
 * import reads back to make the same claim.
 */
export const CLAIM_COLUMNS = [
  'claim_id',
  'revision',
  'claim_status',
  'rank',
  'claim_type',
  'operation',
  'place_id',
  'control_status',
  'controller',
  'taken_from',
  'contested_by',
  'besieged_by',
  'vacated_by',
  'covers_places',
  'side',
  'category',
  'scope',
  'count_low',
  'count_best',
  'count_high',
  'open_ended',
  'corroborates',
  'faction',
  'settlements',
  'area_km2',
  'incident_kind',
  'actors',
  'attributed_to',
  'denies',
  'valid_from',
  'valid_to',
  'valid_precision',
  'written_time',
  'reported_at',
  'recorded_at',
  'source_ids',
  'source_urls',
  'claim_note',
] as const;

export const ACLED_TABLE_COLUMNS = [...ACLED_COLUMNS, ...CLAIM_COLUMNS] as const;
type Column = (typeof ACLED_TABLE_COLUMNS)[number];

const POLITICAL_VIOLENCE = 'Political violence';
const STRATEGIC = 'Strategic developments';

interface AcledType {
  disorder: string;
  event: string;
  sub: string;
}

const violence = (event: string, sub: string): AcledType => ({ disorder: POLITICAL_VIOLENCE, event, sub });
const strategic = (sub: string): AcledType => ({ disorder: STRATEGIC, event: 'Strategic developments', sub });

/** An incident's kind as ACLED's event and sub-event types. */
const INCIDENT_TYPES: Record<(typeof INCIDENT_KINDS)[number], AcledType> = {
  airstrike: violence('Explosions/Remote violence', 'Air/drone strike'),
  'drone-strike': violence('Explosions/Remote violence', 'Air/drone strike'),
  shelling: violence('Explosions/Remote violence', 'Shelling/artillery/missile attack'),
  bombing: violence('Explosions/Remote violence', 'Remote explosive/landmine/IED'),
  ambush: violence('Battles', 'Armed clash'),
  withdrawal: strategic('Non-violent transfer of territory'),
  announcement: strategic('Other'),
  evacuation: strategic('Other'),
  infrastructure: strategic('Looting/property destruction'),
  other: strategic('Other'),
};

/** A publisher's kind as the geographic scale ACLED gives a source. */
const SOURCE_SCALES: Record<string, string> = {
  'news-agency': 'International',
  monitor: 'National',
  government: 'National',
  belligerent: 'National',
  encyclopedia: 'Other',
};

/** The type of actor a side is, ACLED's inter code (1–8): civilians are 7; a faction as its campaign says. */
function interOf(ledger: CampaignLedger, actor: string | null | undefined): number | undefined {
  if (!actor) return undefined;
  if (actor === 'civilians') return ACTOR_TYPES.indexOf('civilians') + 1;
  const type: ActorType | undefined = ledger.campaign.actorTypes?.[actor];
  return type === undefined ? undefined : ACTOR_TYPES.indexOf(type) + 1;
}

/** ACLED's interaction: the two inter codes, lower first; one actor alone is its code and 0. */
function interaction(a: number | undefined, b: number | undefined): string | undefined {
  if (a === undefined && b === undefined) return undefined;
  if (a === undefined || b === undefined) return `${a ?? b}0`;
  return `${Math.min(a, b)}${Math.max(a, b)}`;
}

function actorName(ledger: CampaignLedger, actor: string | null | undefined): string | undefined {
  if (!actor) return undefined;
  const country = ledger.campaign.country?.name;
  if (actor === 'civilians') return country ? `Civilians (${country})` : 'Civilians';
  return ledger.campaign.factions.find((f) => f.id === actor)?.name ?? actor;
}

/** The claim's two sides as ACLED's actor 1 and 2 (which it says imply no direction), and any associated actors. */
function actorsOf(c: ClaimFields): { actor1?: string | null; actor2?: string | null; assoc1: string[] } {
  switch (c.type) {
    case 'control':
      if (c.status === 'controlled') return { actor1: c.controller, actor2: c.takenFrom, assoc1: [] };
      if (c.status === 'contested') return { actor1: c.contestedBy, actor2: c.controller, assoc1: [] };
      if (c.status === 'besieged') return { actor1: c.besiegedBy, actor2: c.controller, assoc1: [] };
      // ACLED's actor 1 of a transfer is who gains the ground; who left is actor 2
      return { actor2: c.vacatedBy, assoc1: [] };
    case 'incident': {
      const [actor1, actor2, ...rest] = c.actors ?? [];
      return { actor1, actor2, assoc1: rest };
    }
    case 'casualties':
      // whom the figure counts is known; who inflicted it is no claim of ours
      return { actor2: c.side, assoc1: [] };
    case 'territory':
    case undefined:
      return { actor1: c.faction, assoc1: [] };
  }
}

/** A claim as ACLED's event type, sub-event type and disorder type. */
function acledType(ledger: CampaignLedger, c: ClaimFields): AcledType {
  switch (c.type) {
    case 'control': {
      if (c.status === 'vacated') return strategic('Non-violent transfer of territory');
      if (c.status !== 'controlled') return violence('Battles', 'Armed clash');
      // a claim that says who holds a place, and not whom it was taken from, reports no change of hands
      if (!c.controller || !c.takenFrom) return strategic('Other');
      const type = ledger.campaign.actorTypes?.[c.controller];
      if (type === 'state-forces') return violence('Battles', 'Government regains territory');
      // a foreign state's forces neither regain their own state's ground nor are a non-state actor
      if (type === 'external-forces') return strategic('Non-violent transfer of territory');
      return violence('Battles', 'Non-state actor overtakes territory');
    }
    case 'incident':
      return INCIDENT_TYPES[c.kind as (typeof INCIDENT_KINDS)[number]] ?? strategic('Other');
    case 'casualties':
      if (c.category === 'arrested') return strategic('Arrests');
      if (c.category === 'displaced') return strategic('Other');
      // whether the civilians were the target is not in the claim: civilian_targeting stays empty
      if (c.side === 'civilians') return violence('Violence against civilians', 'Attack');
      return violence('Battles', 'Armed clash');
    case 'territory':
    case undefined:
      // a faction's gains or holdings, counted: no single event of ACLED's
      return strategic('Change to group/activity');
  }
}

/**
 * ACLED's date rule: the day when the claim falls within one local day (precision 1); else the
 * middle day of its span, precision 2 within a week and 3 beyond.
 */
function acledDate(time: { from: string; to: string }, timeZone: string): { date: string; precision: number } {
  const { first, days } = localDays(time, timeZone);
  if (days <= 1) return { date: first, precision: 1 };
  return { date: middleDay(first, days), precision: days <= 7 ? 2 : 3 };
}

/** ACLED's geo precision: 1 the place itself, 2 a district or the area around it, 3 a region, governorate or the country. */
function geoPrecision(place: PlaceEntry | undefined): number {
  if (!place) return 3;
  if (place.kind === 'district') return 2;
  if (place.kind === 'region' || place.kind === 'governorate' || place.kind === 'country') return 3;
  return 1;
}

/**
 * ACLED's conservative fatality rule: the lowest figure a source gives, for deaths in the event
 * itself. A running total, a wounded or captured count, a figure that corroborates another or one
 * editors deprecated counts 0 here; its numbers stay in this product's own columns.
 */
function fatalities(row: ClaimRow, c: ClaimFields): number {
  if (c.type !== 'casualties' || c.category !== 'killed' || c.scope !== 'incident') return 0;
  if (c.corroborates || row.version.rank === 'deprecated') return 0;
  return countRange(c.count)?.low ?? 0;
}

function tags(ledger: CampaignLedger, row: ClaimRow, c: ClaimFields, place: PlaceEntry | undefined): string {
  const count = countRange(c.count);
  return [
    c.type === 'control' && c.status === 'controlled' && !c.takenFrom
      ? 'control stated: no change of hands in the claim'
      : undefined,
    c.type === 'casualties' && c.side === 'civilians'
      ? 'civilian toll: whether they were the target is not in the claim'
      : undefined,
    place && (place.lat === null || place.lon === null) ? 'coordinates unknown' : undefined,
    c.type === 'casualties' && c.scope === 'cumulative' ? `cumulative ${c.category} figure` : undefined,
    c.type === 'casualties' && c.category !== 'killed' ? `${c.category}=${count?.best}` : undefined,
    count?.openEnded ? 'open-ended count' : undefined,
    c.corroborates ? `corroborates ${c.corroborates}` : undefined,
    row.version.rank !== 'normal' ? `rank=${row.version.rank}` : undefined,
    c.denies?.length ? `denies ${c.denies.join(' ')}` : undefined,
    c.attributedTo ? `attributed to ${actorName(ledger, c.attributedTo)}` : undefined,
    row.status !== 'current' ? row.status : undefined,
  ]
    .filter(Boolean)
    .join('; ');
}

function cells(ledger: CampaignLedger, row: ClaimRow, knownAt: KnownAt): Record<Column, Cell> {
  const { version } = row;
  const c: ClaimFields = version.claim;
  const campaign = ledger.campaign;
  const place = c.place ? ledger.placeAt(c.place, knownAt) : undefined;
  const parent = place?.parent ? ledger.placeAt(place.parent, knownAt) : undefined;
  const sources = version.claim.sources.map((id) => ledger.sourceAt(id, knownAt));
  const type = acledType(ledger, c);
  const date = acledDate(version.claim.time, campaign.timeZone);
  const { actor1, actor2, assoc1 } = actorsOf(c);
  const inter1 = interOf(ledger, actor1);
  const inter2 = interOf(ledger, actor2);
  const count = countRange(c.count);
  const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((v): v is string => Boolean(v)))];
  return {
    event_id_cnty: `${campaign.country?.iso3 ?? campaign.campaignId.toUpperCase()}${row.serial}`,
    event_date: date.date,
    year: Number(date.date.slice(0, 4)),
    time_precision: date.precision,
    disorder_type: type.disorder,
    event_type: type.event,
    sub_event_type: type.sub,
    actor1: actorName(ledger, actor1),
    assoc_actor_1: assoc1.map((a) => actorName(ledger, a)).join('; '),
    inter1,
    actor2: actorName(ledger, actor2),
    assoc_actor_2: '',
    inter2,
    interaction: interaction(inter1, inter2),
    civilian_targeting: '',
    iso: campaign.country?.iso,
    region: campaign.country?.region,
    country: campaign.country?.name,
    admin1: place?.governorate,
    admin2: parent?.kind === 'district' ? parent.name : undefined,
    admin3: undefined,
    location: place?.name ?? campaign.country?.name,
    latitude: place?.lat,
    longitude: place?.lon,
    geo_precision: geoPrecision(place),
    source: distinct(sources.map((s) => s?.publisherName)).join('; '),
    source_scale: distinct(sources.map((s) => (s ? SOURCE_SCALES[s.publisherKind] : undefined))).join('-'),
    notes: c.quote,
    fatalities: fatalities(row, c),
    tags: tags(ledger, row, c, place),
    timestamp: Math.floor(ledger.recordedAt(version) / 1000),
    claim_id: row.record.claimId,
    revision: row.revision,
    claim_status: row.status,
    rank: version.rank,
    claim_type: c.type,
    operation: c.operation,
    place_id: c.place,
    control_status: c.status,
    controller: c.controller,
    taken_from: c.takenFrom,
    contested_by: c.contestedBy,
    besieged_by: c.besiegedBy,
    vacated_by: c.vacatedBy,
    covers_places: c.coversPlaces,
    side: c.side,
    category: c.category,
    scope: c.scope,
    count_low: count?.low,
    count_best: count?.best,
    count_high: count?.high,
    open_ended: count?.openEnded,
    corroborates: c.corroborates,
    faction: c.faction,
    settlements: c.settlements,
    area_km2: c.areaKm2,
    incident_kind: c.kind,
    actors: c.actors?.join(' '),
    attributed_to: c.attributedTo,
    denies: c.denies?.join(' '),
    valid_from: c.time?.from,
    valid_to: c.time?.to,
    valid_precision: c.time?.precision,
    written_time: JSON.stringify(version.claim.writtenTime),
    reported_at: isoOf(ledger.reportedAtOf(version, knownAt)),
    recorded_at: isoOf(ledger.recordedAt(version)),
    source_ids: version.claim.sources.join(' '),
    source_urls: sources.map((s) => s?.url ?? '').join(' '),
    claim_note: c.note,
  };
}

/**
 * The campaign's claims as ACLED's table, a line at a time (the header first): one row per claim
 * as it stands at knownAt, retracted ones left out, or with `history` one per revision with its
 * status. ACLED's columns come first, in its order, then this product's own.
 */
export function* acledLines(ledger: CampaignLedger, knownAt: KnownAt = NOW, history = false): Generator<string> {
  yield `${ACLED_TABLE_COLUMNS.join(',')}\n`;
  for (const row of claimRows(ledger, knownAt, history)) yield csvLine(ACLED_TABLE_COLUMNS, cells(ledger, row, knownAt));
}
