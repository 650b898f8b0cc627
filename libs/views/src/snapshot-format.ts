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
import type { Assessment } from './publisher-grades';

/**
 * The version of the lines below and of the file that holds them. 2: the catalog is written once,
 * inside the views (places and sources keep their stream revision; publishers are on the views
 * line). 3: the file closes with a trailer of its byte count and SHA-256, so a file cut short or
 * altered is refused; a file of an earlier format is refolded from the log. 4: sources keep their
 * publication as an interval, and each claim version its reportedAt. 5: a campaign line holds the
 * campaign as amended (`CampaignAmended`), with its claim window, area and admin areas; each claim
 * version and publisher assessment keeps the editor's reason, which audits give.
 */
export const SNAPSHOT_FORMAT = 5;

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

/** One claim's versions; a version that left the claim as it was repeats no claim (null). */
export interface ClaimLine {
  kind: 'claim';
  campaignId: string;
  claimId: string;
  firstPosition: number;
  versions: (Omit<ClaimVersion, 'claim'> & { claim: ClaimData | null })[];
}

export type SnapshotLine = ViewsLine | CampaignLine | ClaimLine;

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

/** A claim's line with its first `count` versions; a version that left the claim as it was repeats no claim. */
export function claimLine(campaignId: string, record: ClaimRecord, count: number): ClaimLine {
  let previous: ClaimData | undefined;
  const versions: ClaimLine['versions'] = [];
  for (let i = 0; i < count; i++) {
    const v = record.versions[i] as ClaimVersion;
    versions.push({ ...v, claim: v.claim === previous ? null : v.claim });
    previous = v.claim;
  }
  return { kind: 'claim', campaignId, claimId: record.claimId, firstPosition: record.firstPosition, versions };
}

/** Files a campaign line's entry in the catalog, its places and sources as their last versions. */
export function restoreCampaign(catalog: CatalogView, line: CampaignLine): CampaignEntry {
  const entry = campaignEntry(line.campaign);
  for (const [id, versions] of line.places) restoreVersions(entry.places, entry.placeVersions, id, versions);
  for (const [id, versions] of line.sources) {
    restoreVersions(entry.sources, entry.sourceVersions, id, versions);
    versions.forEach(({ position, value }, i) => {
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

/** A claim line's record, each version's claim filled in from the version before when repeated. */
export function claimRecordOf(line: ClaimLine): ClaimRecord {
  // mapped, not pushed: the list is made at its size, where a pushed one reserves room for sixteen
  let previous: ClaimVersion | undefined;
  const versions = line.versions.map((v): ClaimVersion => {
    const claim = v.claim ?? previous?.claim;
    if (!claim) throw new Error(`snapshot: the first version of claim "${line.claimId}" has no claim`);
    return (previous = { ...v, claim });
  });
  return { claimId: line.claimId, firstPosition: line.firstPosition, versions };
}

function restoreVersions<T>(now: Map<string, T>, all: Map<string, Recorded<T>[]>, id: string, versions: Recorded<T>[]): void {
  const last = versions.at(-1);
  if (!last) return;
  all.set(id, versions);
  now.set(id, last.value);
}
