import type { CampaignRegistration, ClaimData } from '@timeline/domain';
import {
  campaignEntry,
  type CampaignEntry,
  type CatalogView,
  type PlaceEntry,
  type PublisherEntry,
  type Recorded,
  type SourceEntry,
} from './catalog.view';
import type { ClaimRecord, ClaimVersion } from './claim-history';
import type { ClaimIndexes } from './claim-indexes';
import type { Assessment } from './publisher-grades';
import type { StringPool } from './string-pool';

/**
 * The version of the lines below and of the file that holds them. 2: the catalog is written once,
 * inside the views (places and sources keep their stream revision; publishers are on the views
 * line). 3: the file closes with a trailer of its byte count and SHA-256, so a file cut short or
 * altered is refused; a file of an earlier format is refolded from the log. 4: sources keep their
 * publication as an interval, and each claim version its reportedAt. 5: a campaign line holds the
 * campaign as amended (`CampaignAmended`), with its claim window, area and admin areas; each claim
 * version and publisher assessment keeps the editor's reason, which audits give. 6: a claim line is
 * an array, and so is each of its versions (`ClaimLine`): a quarter fewer bytes to read and parse.
 * 7: the claim indexes are kept (`IndexLine`), in the order the fold filed them, and not built again.
 * 8: the values claims repeat (a valid time, a list of sources …) are written once (`ValuesLine`),
 * before the campaign's claims, which name them; a version's recording time is the log's (the
 * views line's), not written again with it.
 */
export const SNAPSHOT_FORMAT = 8;

/** Where the views stand, the publishers and their grades. */
export interface ViewsLine {
  kind: 'views';
  position: number;
  positions: number[];
  recordedAts: number[];
  publishers: PublisherEntry[];
  grades: [string, Assessment[]][];
}

/** One campaign's catalog entry: its places and sources with their versions. */
export interface CampaignLine {
  kind: 'campaign';
  campaign: CampaignRegistration;
  places: [string, Recorded<PlaceEntry>[]][];
  sources: [string, Recorded<SourceEntry>[]][];
}

/**
 * One claim's versions, as an array: `['claim', campaignId, claimId, firstPosition, ...versions]`.
 * A line for each of a million claims is most of a snapshot, and field names would be a quarter of
 * its bytes.
 */
export type ClaimLine = ['claim', string, string, number, ...VersionRow[]];

/**
 * A claim version's fields in the order of `ClaimVersion`, as an array. Its event's sources are
 * null when they are the claim's own (a record cites what its claim cites), and its claim is null
 * when the version left the claim as it was (a rank, a retraction): the restore shares them, as
 * the fold does.
 */
export type VersionRow = [
  position: number,
  event: ClaimVersion['event'],
  actor: string,
  eventSources: string[] | null,
  reason: string | null,
  claim: ClaimData | null,
  rank: ClaimVersion['rank'],
  retracted: boolean,
  from: number,
  to: number,
  reportedAt: number | null,
];

/**
 * Part of one campaign's claim index: keys, each with the claims filed under it in the order they
 * were filed, named by their ordinals (`ClaimRecord.ordinal`). The lines follow the claim lines.
 */
export interface IndexLine {
  kind: 'index';
  campaignId: string;
  index: keyof ClaimIndexes;
  entries: [string, number[]][];
}

/**
 * Part of one campaign's pooled values (`StringPool`), in the pool's order from `from`: a claim line
 * names each of its claim's pooled values by its place in that order. The lines precede the
 * campaign's claim lines.
 */
export interface ValuesLine {
  kind: 'values';
  campaignId: string;
  from: number;
  values: object[];
}

/** Values a values line holds at most, so that no line grows past a few hundred kB. */
const VALUES_LINE_VALUES = 5_000;

/** A campaign's first `count` pooled values, as lines. */
export function* valuesLines(campaignId: string, pool: StringPool, count: number): Generator<ValuesLine> {
  for (let from = 0; from < count; from += VALUES_LINE_VALUES)
    yield { kind: 'values', campaignId, from, values: pool.valuesBetween(from, Math.min(count, from + VALUES_LINE_VALUES)) };
}

/** The claim indexes a snapshot keeps. */
export const INDEX_NAMES = [
  'controlByPlace',
  'casualtiesByKey',
  'territoryByFaction',
  'deniedBy',
  'claimsBySource',
  'areaClaims',
] as const satisfies readonly (keyof ClaimIndexes)[];

export type SnapshotLine = ViewsLine | CampaignLine | ValuesLine | ClaimLine | IndexLine;

export function isClaimLine(line: SnapshotLine): line is ClaimLine {
  return Array.isArray(line);
}

/** One campaign's catalog entry as a line, its lists of versions copied: the entry goes on gaining versions. */
export function campaignLine(entry: CampaignEntry): CampaignLine {
  const copied = <T>(versions: Map<string, Recorded<T>[]>): [string, Recorded<T>[]][] =>
    [...versions].map(([id, recorded]) => [id, recorded.slice()]);
  return {
    kind: 'campaign',
    campaign: entry.campaign,
    places: copied(entry.placeVersions),
    sources: copied(entry.sourceVersions),
  };
}

/** A claim's line with its first `count` versions, its claims' pooled values named. */
export function claimLine(campaignId: string, record: ClaimRecord, count: number, pool: StringPool): ClaimLine {
  const line: ClaimLine = ['claim', campaignId, record.claimId, record.firstPosition];
  let previous: ClaimData | undefined;
  for (let i = 0; i < count; i++) {
    const v = record.versions[i] as ClaimVersion;
    const claim = v.claim === previous ? null : pool.withValuesNamed(v.claim);
    const eventSources = sameStrings(v.eventSources, v.claim.sources) ? null : v.eventSources;
    line.push([
      v.position,
      v.event,
      v.actor,
      eventSources,
      v.reason,
      claim,
      v.rank,
      v.retracted,
      v.valid.from,
      v.valid.to,
      v.reportedAt,
    ]);
    previous = v.claim;
  }
  return line;
}

/** Files a campaign line's entry in the catalog, its places and sources as their last versions. */
export function restoreCampaign(catalog: CatalogView, line: CampaignLine): CampaignEntry {
  const entry = campaignEntry(line.campaign);
  for (const [id, versions] of line.places) restoreVersions(entry.places, entry.placeVersions, id, versions);
  for (const [id, versions] of line.sources) {
    restoreVersions(entry.sources, entry.sourceVersions, id, versions);
    versions.forEach(({ position, value }, i) => {
      entry.sourcesChangedAt = Math.max(entry.sourcesChangedAt, position);
      const before = versions[i - 1]?.value.published;
      if (i > 0 && JSON.stringify(before) !== JSON.stringify(value.published))
        entry.publicationsChangedAt = Math.max(entry.publicationsChangedAt, position);
    });
  }
  catalog.campaigns.set(line.campaign.campaignId, entry);
  return entry;
}

export function restorePublishers(catalog: CatalogView, line: ViewsLine): void {
  for (const publisher of line.publishers) catalog.publishers.set(publisher.publisher, publisher);
  catalog.grades.restore(line.grades);
}

/**
 * A claim line's record: each version's claim filled in from the version before when repeated, its
 * sources from its claim's when they are the same, and its valid time shared with the version
 * before when its claim is too. The claim's id is its claim's own string, as in a fold; `ordinal`
 * is its place among the ledger's claims.
 */
export function claimRecordOf(line: ClaimLine, ordinal: number): ClaimRecord {
  const claimId = line[2];
  const versions: ClaimVersion[] = new Array<ClaimVersion>(line.length - 4);
  let previous: ClaimVersion | undefined;
  for (let i = 4; i < line.length; i++) {
    const row = line[i] as VersionRow;
    const claim = row[5] ?? previous?.claim;
    if (!claim) throw new Error(`snapshot: the first version of claim "${claimId}" has no claim`);
    const same = previous !== undefined && previous.claim === claim;
    previous = versions[i - 4] = restoredVersion(row, claim, row[3] ?? claim.sources, same ? previous : undefined);
  }
  const first = versions[0]?.claim.claimId;
  return { claimId: first === claimId ? first : claimId, ordinal, firstPosition: line[3], versions };
}

/** A version from its row, built with the fold's literal shape (`nextVersion`), so views read one kind of object. */
function restoredVersion(
  row: VersionRow,
  claim: ClaimData,
  eventSources: string[],
  before: ClaimVersion | undefined,
): ClaimVersion {
  return {
    position: row[0],
    event: row[1],
    actor: row[2],
    eventSources,
    reason: row[4],
    claim,
    rank: row[6],
    retracted: row[7],
    valid: before ? before.valid : { from: row[8], to: row[9] },
    reportedAt: row[10],
  };
}

/** Claims an index line names at most, so that no line grows past a few hundred kB. */
const INDEX_LINE_CLAIMS = 20_000;

/**
 * An index as a capture keeps it: its keys and lists, and each list's length then. A list only
 * grows (a claim is filed at its end), so its first `lengths[i]` claims are those of the capture.
 */
export interface IndexCapture {
  campaignId: string;
  index: keyof ClaimIndexes;
  keys: string[];
  lists: ClaimRecord[][];
  lengths: Uint32Array;
}

export function captureIndex(campaignId: string, index: keyof ClaimIndexes, filed: Map<string, ClaimRecord[]>): IndexCapture {
  const lists = [...filed.values()];
  const lengths = new Uint32Array(lists.length);
  for (let i = 0; i < lists.length; i++) lengths[i] = (lists[i] as ClaimRecord[]).length;
  return { campaignId, index, keys: [...filed.keys()], lists, lengths };
}

/** A captured index as lines, its claims named by their ordinals. */
export function* indexLines({ campaignId, index, keys, lists, lengths }: IndexCapture): Generator<IndexLine> {
  let entries: [string, number[]][] = [];
  let named = 0;
  for (let i = 0; i < keys.length; i++) {
    const list = lists[i] as ClaimRecord[];
    const ordinals = new Array<number>(lengths[i] ?? 0);
    for (let j = 0; j < ordinals.length; j++) ordinals[j] = (list[j] as ClaimRecord).ordinal;
    entries.push([keys[i] as string, ordinals]);
    named += ordinals.length;
    if (named >= INDEX_LINE_CLAIMS) {
      yield { kind: 'index', campaignId, index, entries };
      entries = [];
      named = 0;
    }
  }
  if (entries.length) yield { kind: 'index', campaignId, index, entries };
}

/** Files an index line's claims, `records` being the ledger's claims by ordinal. */
export function restoreIndex(indexes: ClaimIndexes, line: IndexLine, records: readonly ClaimRecord[]): void {
  if (!(INDEX_NAMES as readonly string[]).includes(line.index))
    throw new Error(`snapshot: no claim index is named "${line.index}"`);
  const filed = indexes[line.index];
  for (const [key, ordinals] of line.entries) {
    filed.set(
      key,
      ordinals.map((ordinal) => {
        const record = records[ordinal];
        if (!record) throw new Error(`snapshot: index ${line.index} names claim ${ordinal} of ${records.length}`);
        return record;
      }),
    );
  }
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((value, i) => value === b[i]));
}

function restoreVersions<T>(now: Map<string, T>, all: Map<string, Recorded<T>[]>, id: string, versions: Recorded<T>[]): void {
  const last = versions.at(-1);
  if (!last) return;
  all.set(id, versions);
  now.set(id, last.value);
}
