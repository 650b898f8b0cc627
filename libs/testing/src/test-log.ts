import {
  assertNever,
  type CampaignRegistration,
  campaignStream,
  type ClaimDataOf,
  type ClaimRecordedEvent,
  claimStream,
  type Grade,
  localToUtc,
  normalizeTime,
  type PlaceRegistration,
  placeStream,
  publisherRegistrationStream,
  publisherStream,
  type Rank,
  type RecordedEvent,
  SCHEMA_VERSION,
  type SourceRegistration,
  sourceStream,
  type TimelineEvent,
  type ValidTime,
  type WrittenTime,
} from '@timeline/domain';
import { controlAt, type PlaceState, NOW, type CampaignLedger, type KnownAt, TimelineViews } from '@timeline/views';

/**
 * A campaign's log for the views' tests: `syria-2024` in Asia/Damascus (UTC+3 in December
 * 2024), blocs opposition/government, factions hts/saa, three places and a few sources. Each
 * append gets the next log position (1, 2, 3 …) and a `recordedAt` one minute after the last.
 */
export const CAMPAIGN_ID = 'syria-2024';
export const TIME_ZONE = 'Asia/Damascus';
/** recordedAt of position 1; every later event is one minute later. */
export const FIRST_RECORDED_AT = '2024-12-10T09:00:00.000Z';

export const CAMPAIGN: CampaignRegistration = {
  campaignId: CAMPAIGN_ID,
  title: 'Syrian opposition offensives, 2024',
  timeZone: TIME_ZONE,
  window: { from: '2024-12-04', to: '2024-12-08' },
  blocs: [
    { id: 'opposition', name: 'Opposition', color: '#2e7d32' },
    { id: 'government', name: 'Government', color: '#c62828' },
  ],
  factions: [
    { id: 'hts', name: 'Hay\u02bcat Tahrir al-Sham', bloc: 'opposition' },
    { id: 'saa', name: 'Syrian Arab Army', bloc: 'government' },
  ],
  operations: [
    { id: 'hama', title: 'Hama offensive' },
    { id: 'homs', title: 'Homs offensive' },
  ],
};

export const PLACES: PlaceRegistration[] = [
  {
    placeId: 'hama',
    name: 'Hama',
    aliases: [],
    kind: 'city',
    governorate: 'Hama',
    lat: 35.1318,
    lon: 36.7578,
    precision: 'exact',
  },
  {
    placeId: 'al-rastan',
    name: 'Al-Rastan',
    aliases: ['Rastan'],
    kind: 'town',
    governorate: 'Homs',
    lat: 34.9267,
    lon: 36.7325,
    precision: 'approximate',
  },
  {
    placeId: 'tiyas',
    name: 'Tiyas',
    aliases: ['T4', 'al-Taifor'],
    kind: 'airport',
    governorate: 'Homs',
    lat: null,
    lon: null,
    precision: 'unknown',
  },
];

const source = (
  sourceId: string,
  publisher: string,
  publisherName: string,
  publisherKind: SourceRegistration['publisherKind'],
): SourceRegistration => ({
  sourceId,
  publisher,
  publisherName,
  publisherKind,
  title: `${publisherName} report ${sourceId}`,
  url: null,
  publishedAt: null,
  language: 'en',
});
export const SOURCES = [
  source('sohr-1', 'sohr', 'Syrian Observatory for Human Rights', 'monitor'),
  source('sohr-2', 'sohr', 'Syrian Observatory for Human Rights', 'monitor'),
  source('reuters-1', 'reuters', 'Reuters', 'news-agency'),
  source('sana-1', 'syria-defense-ministry', 'Syrian Ministry of Defense', 'government'),
  source('blog-1', 'aleppo-blog', 'Aleppo blog', 'monitor'),
];

interface Common {
  time: WrittenTime;
  sources?: readonly string[];
  quote?: string;
  operation?: string;
  attributedTo?: string;
  denies?: string[];
}
export interface ControlFields extends Common {
  place: string;
  status: 'controlled' | 'contested' | 'besieged' | 'vacated';
  controller?: string | null;
  contestedBy?: string;
  besiegedBy?: string;
  vacatedBy?: string;
  takenFrom?: string;
  coversPlaces?: boolean;
}
export interface CasualtyFields extends Common {
  side?: string;
  category?: ClaimDataOf<'casualties'>['category'];
  count: number | { best: number; low?: number; high?: number; openEnded?: boolean };
  scope: 'incident' | 'cumulative';
  corroborates?: string;
  place?: string;
}
export interface TerritoryFields extends Common {
  faction: string;
  settlements?: number;
  areaKm2?: number;
  scope: 'incident' | 'cumulative';
}

export interface Folded {
  views: TimelineViews;
  ledger: CampaignLedger;
}

/** The UTC instant (ms) of a local wall-clock time in Damascus: `local('2024-12-06', '23:00')`. */
export function local(date: string, hhmm = '00:00'): number {
  const [h = 0, m = 0] = hhmm.split(':').map(Number);
  return localToUtc(date, h * 60 + m, TIME_ZONE);
}

export function validTime(written: WrittenTime): ValidTime {
  const result = normalizeTime(written, TIME_ZONE);
  if (!result.ok) throw new Error(`bad time in a test: ${JSON.stringify(result.errors)}`);
  return result.time;
}

export class TestLog {
  readonly events: RecordedEvent[] = [];
  private readonly revisions = new Map<string, number>();
  private readonly streamRevisions = new Map<string, number>();
  private clock = Date.parse(FIRST_RECORDED_AT) - 60_000;

  constructor() {
    this.append({ type: 'CampaignRegistered', data: CAMPAIGN }, 'admin');
    for (const place of PLACES) this.append({ type: 'PlaceRegistered', data: { campaignId: CAMPAIGN_ID, ...place } }, 'admin');
    for (const s of SOURCES) this.append({ type: 'SourceRegistered', data: { campaignId: CAMPAIGN_ID, ...s } }, 'admin');
  }

  /** Position of the last event appended. */
  get position(): number {
    return this.events.length;
  }

  /** Appends one event; answers its position. */
  append(event: TimelineEvent, actor = 'editor'): number {
    this.clock += 60_000;
    const position = this.events.length + 1;
    const stream = streamOf(event);
    const revision = this.streamRevisions.get(stream) ?? 0;
    this.streamRevisions.set(stream, revision + 1);
    const eventId = `event-${position}`;
    this.events.push({
      ...event,
      stream,
      revision,
      position,
      eventId,
      metadata: {
        campaignId: 'campaignId' in event.data ? event.data.campaignId : null,
        eventId,
        recordedAt: new Date(this.clock).toISOString(),
        actor,
        correlationId: `test-${position}`,
        causationId: `test-${position}`,
        schemaVersion: SCHEMA_VERSION,
      },
    });
    return position;
  }

  /** Registers a source beyond the shared ones (one with a publication time, for the reported views). */
  source(sourceId: string, publishedAt: SourceRegistration['publishedAt'], publisher = 'sohr'): number {
    const registration = { ...source(sourceId, publisher, `${publisher} (test)`, 'monitor'), publishedAt };
    return this.append({ type: 'SourceRegistered', data: { campaignId: CAMPAIGN_ID, ...registration } }, 'admin');
  }

  /** Corrects a source's publication time. */
  correctSourcePublished(sourceId: string, publishedAt: SourceRegistration['publishedAt']): number {
    return this.append(
      {
        type: 'SourceCorrected',
        data: { campaignId: CAMPAIGN_ID, sourceId, changes: { publishedAt }, reason: 'the date was misread' },
      },
      'editor',
    );
  }

  /** Registers a place beyond the shared ones (an area such as a governorate, for coverage). */
  place(place: PlaceRegistration): number {
    return this.append({ type: 'PlaceRegistered', data: { campaignId: CAMPAIGN_ID, ...place } }, 'admin');
  }

  control(claimId: string, fields: ControlFields, actor?: string): number {
    const { rest, stored } = storedFields(claimId, fields);
    const data = { claimId, campaignId: CAMPAIGN_ID, type: 'control' as const, ...rest, ...stored };
    return this.record({ type: 'ControlClaimed', data }, actor);
  }

  casualties(claimId: string, fields: CasualtyFields, actor?: string): number {
    const { rest, stored } = storedFields(claimId, fields);
    const data = {
      claimId,
      campaignId: CAMPAIGN_ID,
      type: 'casualties' as const,
      side: 'civilians',
      category: 'killed' as const,
      ...rest,
      ...stored,
    };
    return this.record({ type: 'CasualtiesReported', data }, actor);
  }

  territory(claimId: string, fields: TerritoryFields, actor?: string): number {
    const { rest, stored } = storedFields(claimId, fields);
    const data = { claimId, campaignId: CAMPAIGN_ID, type: 'territory' as const, ...rest, ...stored };
    return this.record({ type: 'TerritoryReported', data }, actor);
  }

  /** A correction; a changed `time` is given as written and stored normalised too. */
  correct(claimId: string, changes: Record<string, unknown>, sources = ['reuters-1'], actor?: string): number {
    const stored = { ...changes };
    if (changes.time) {
      stored.time = validTime(changes.time);
      stored.writtenTime = changes.time;
    }
    return this.append(
      {
        type: 'ClaimCorrected',
        data: {
          campaignId: CAMPAIGN_ID,
          claimId,
          expectedRevision: this.bump(claimId),
          changes: stored,
          sources,
          reason: 'a later report',
        },
      },
      actor,
    );
  }

  retract(claimId: string, actor?: string): number {
    return this.append(
      {
        type: 'ClaimRetracted',
        data: { campaignId: CAMPAIGN_ID, claimId, expectedRevision: this.bump(claimId), reason: 'entered in error', sources: [] },
      },
      actor,
    );
  }

  rank(claimId: string, rank: Rank, actor?: string): number {
    this.bump(claimId);
    return this.append(
      { type: 'ClaimRanked', data: { campaignId: CAMPAIGN_ID, claimId, rank, reason: 'editorial review' } },
      actor,
    );
  }

  assess(publisher: string, reliability: Grade, actor?: string): number {
    return this.append({ type: 'PublisherAssessed', data: { publisher, reliability, reason: 'track record' } }, actor);
  }

  /** The event appended at a position. */
  event(position: number): RecordedEvent {
    const event = this.events[position - 1];
    if (!event) throw new Error(`no event at position ${position} in the test log`);
    return event;
  }

  /** recordedAt of an event already appended. */
  recordedAt(position: number): string {
    return this.event(position).metadata.recordedAt;
  }

  /** The log folded event by event into fresh views. */
  fold(): Folded {
    const views = new TimelineViews();
    for (const event of this.events) views.apply(event);
    const ledger = views.ledger(CAMPAIGN_ID);
    if (!ledger) throw new Error('the test log registers its campaign first');
    return { views, ledger };
  }

  private record(event: ClaimRecordedEvent, actor?: string): number {
    this.revisions.set(event.data.claimId, 0);
    return this.append(event, actor);
  }

  private bump(claimId: string): number {
    const revision = this.revisions.get(claimId) ?? 0;
    this.revisions.set(claimId, revision + 1);
    return revision;
  }
}

/**
 * A claim as prepareClaim would store it, from fields a test writes in short: the fields as
 * given, then its time normalised beside the written one, its sources and its quote.
 */
function storedFields<F extends Common>(claimId: string, fields: F) {
  const { time, sources = ['sohr-1'], quote = `Quote of ${claimId}.`, ...rest } = fields;
  return { rest, stored: { time: validTime(time), writtenTime: time, sources: [...sources], quote } };
}

/** The stream an event of the test log is appended to, as the service names it. */
function streamOf(event: TimelineEvent): string {
  switch (event.type) {
    case 'CampaignRegistered':
    case 'CampaignAmended':
      return campaignStream(event.data.campaignId);
    case 'PlaceRegistered':
    case 'PlaceCorrected':
      return placeStream(event.data.campaignId, event.data.placeId);
    case 'SourceRegistered':
    case 'SourceCorrected':
      return sourceStream(event.data.campaignId, event.data.sourceId);
    case 'PublisherRegistered':
      return publisherRegistrationStream(event.data.publisher);
    case 'PublisherAssessed':
      return publisherStream(event.data.publisher);
    case 'ControlClaimed':
    case 'CasualtiesReported':
    case 'TerritoryReported':
    case 'IncidentReported':
    case 'ClaimCorrected':
    case 'ClaimRetracted':
    case 'ClaimRanked':
      return claimStream(event.data.campaignId, event.data.claimId);
    default:
      return assertNever(event);
  }
}

/** One place's state at instant `at` from the control view, or undefined when nothing is known. */
export function placeAt({ views, ledger }: Folded, place: string, at: number, knownAt: KnownAt = NOW): PlaceState | undefined {
  return controlAt(views, ledger, at, knownAt).places.find((p) => p.place === place);
}
