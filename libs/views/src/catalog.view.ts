import {
  assertNever,
  type CampaignRegistration,
  type CatalogEvent,
  type Grade,
  normalizePublished,
  type PublishedTime,
  type PlaceRegistration,
  type RecordedEvent,
  type SourceRegistration,
} from '@timeline/domain';
import { latestBefore, NOW, type KnownAt } from './known-at';
import { pushTo } from './multimaps';
import { PublisherGrades } from './publisher-grades';

/** A place or source as its stream left it; `revision` is what a correction must expect. */
export type PlaceEntry = PlaceRegistration & { revision: number };
/** A source with its publication as an interval in UTC (null when undated), for the reported views. */
export type SourceEntry = SourceRegistration & { revision: number; published: PublishedTime | null };
export type Faction = CampaignRegistration['factions'][number];

/** A version of a place or source over transaction time: the position that recorded it. */
export interface Recorded<T> {
  position: number;
  value: T;
}

/** One campaign's catalog: its registration, and its gazetteer and sources now and as they were. */
export interface CampaignEntry {
  campaign: CampaignRegistration;
  factions: Map<string, Faction>;
  places: Map<string, PlaceEntry>;
  sources: Map<string, SourceEntry>;
  placeVersions: Map<string, Recorded<PlaceEntry>[]>;
  sourceVersions: Map<string, Recorded<SourceEntry>[]>;
  /** The last position at which a source's publication time changed: reportedAt cached on claims holds from there on. */
  publicationsChangedAt: number;
  /** The last position at which a source was registered or corrected: a grade known now holds from there on. */
  sourcesChangedAt: number;
}

export interface PublisherEntry {
  publisher: string;
  name?: string;
  kind?: string;
  reliability?: Grade;
  assessments: { reliability: Grade; reason: string; position: number; recordedAt: string }[];
}

/**
 * The catalog folded once: campaigns with their places and sources (with their versions, for
 * knownAt), and publishers with their assessments and grades over time. The views name their
 * answers from it, commands check references against it, the catalog endpoints list it.
 */
export class CatalogView {
  readonly campaigns = new Map<string, CampaignEntry>();
  readonly publishers = new Map<string, PublisherEntry>();
  readonly grades = new PublisherGrades();

  apply(event: RecordedEvent<CatalogEvent>): void {
    switch (event.type) {
      case 'CampaignRegistered': {
        const campaign = event.data;
        if (!this.campaigns.has(campaign.campaignId)) this.campaigns.set(campaign.campaignId, campaignEntry(campaign));
        return;
      }
      case 'CampaignAmended': {
        const entry = this.campaigns.get(event.data.campaignId);
        if (entry) entry.campaign = { ...entry.campaign, ...event.data.changes };
        return;
      }
      case 'PlaceRegistered': {
        const { campaignId, ...place } = event.data;
        const entry = this.campaigns.get(campaignId);
        if (entry) recordPlace(entry, { ...place, revision: event.revision }, event.position);
        return;
      }
      case 'PlaceCorrected': {
        const { campaignId, placeId, changes } = event.data;
        const entry = this.campaigns.get(campaignId);
        const place = entry?.places.get(placeId);
        if (entry && place) recordPlace(entry, { ...place, ...changes, revision: event.revision }, event.position);
        return;
      }
      case 'SourceRegistered': {
        const { campaignId, ...source } = event.data;
        const entry = this.campaigns.get(campaignId);
        if (entry)
          recordSource(entry, { ...source, revision: event.revision, published: published(entry, source) }, event.position);
        this.notePublisher(source.publisher, source.publisherName, source.publisherKind);
        return;
      }
      case 'SourceCorrected': {
        const { campaignId, sourceId, changes } = event.data;
        const entry = this.campaigns.get(campaignId);
        const source = entry?.sources.get(sourceId);
        if (!entry || !source) return;
        const { note, ...rest } = changes;
        const corrected: SourceRegistration = { ...source, ...rest };
        if (note) corrected.note = note;
        else if (note === null) delete corrected.note;
        const next = { ...corrected, revision: event.revision, published: published(entry, corrected) };
        if (JSON.stringify(next.published) !== JSON.stringify(source.published)) entry.publicationsChangedAt = event.position;
        recordSource(entry, next, event.position);
        this.notePublisher(next.publisher, next.publisherName, next.publisherKind);
        return;
      }
      case 'PublisherRegistered':
        this.notePublisher(event.data.publisher, event.data.name, event.data.kind);
        return;
      case 'PublisherAssessed': {
        const { publisher, reliability, reason } = event.data;
        const entry = this.notePublisher(publisher);
        entry.reliability = reliability;
        entry.assessments.push({ reliability, reason, position: event.position, recordedAt: event.metadata.recordedAt });
        this.grades.assess(publisher, reliability, event.position, event.metadata.actor, reason);
        return;
      }
      default:
        return assertNever(event);
    }
  }

  private notePublisher(publisher: string, name?: string, kind?: string): PublisherEntry {
    let entry = this.publishers.get(publisher);
    if (!entry) {
      entry = { publisher, assessments: [] };
      this.publishers.set(publisher, entry);
    }
    if (name) entry.name = name;
    if (kind) entry.kind = kind;
    return entry;
  }
}

export function campaignEntry(campaign: CampaignRegistration): CampaignEntry {
  return {
    campaign,
    factions: new Map(campaign.factions.map((f) => [f.id, f])),
    places: new Map(),
    sources: new Map(),
    placeVersions: new Map(),
    sourceVersions: new Map(),
    publicationsChangedAt: 0,
    sourcesChangedAt: 0,
  };
}

/** A source's publication as an interval in the campaign's zone; null when undated or unreadable. */
function published(entry: CampaignEntry, source: Pick<SourceRegistration, 'publishedAt'>): PublishedTime | null {
  if (source.publishedAt === null) return null;
  const result = normalizePublished(source.publishedAt, entry.campaign.timeZone);
  return result.ok ? result.time : null;
}

/** A place as known at a position (a later correction is not yet known then). */
export function placeAt(entry: CampaignEntry, placeId: string, knownAt: KnownAt): PlaceEntry | undefined {
  return knownAt === NOW ? entry.places.get(placeId) : latestBefore(entry.placeVersions.get(placeId), knownAt)?.value;
}

export function sourceAt(entry: CampaignEntry, sourceId: string, knownAt: KnownAt): SourceEntry | undefined {
  return knownAt === NOW ? entry.sources.get(sourceId) : latestBefore(entry.sourceVersions.get(sourceId), knownAt)?.value;
}

function recordPlace(entry: CampaignEntry, place: PlaceEntry, position: number): void {
  entry.places.set(place.placeId, place);
  pushTo(entry.placeVersions, place.placeId, { position, value: place });
}

function recordSource(entry: CampaignEntry, source: SourceEntry, position: number): void {
  entry.sources.set(source.sourceId, source);
  entry.sourcesChangedAt = Math.max(entry.sourcesChangedAt, position);
  pushTo(entry.sourceVersions, source.sourceId, { position, value: source });
}
